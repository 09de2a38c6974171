// Plain-data Drive logic: who may see or edit a file or folder (owner, editors, viewers, link sharing, inherited from folders).
import type { DriveFileState, DriveFolderState, EmulatorState } from '../state';

export type Access = 'owner' | 'edit' | 'view' | 'none';

/** Ref: DriveApp.getFileById on a missing or inaccessible item (brief; Open: wording not confirmed by a source read). */
export const NOT_FOUND =
  'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';
/** Open: Google's wording when a user without edit rights changes a Drive item. */
export const ACCESS_DENIED = 'Access denied: DriveApp.';

const RANK: Record<Access, number> = { none: 0, view: 1, edit: 2, owner: 3 };

function better(a: Access, b: Access): Access {
  return RANK[a] >= RANK[b] ? a : b;
}

function has(list: string[], user: string): boolean {
  return list.some((e) => e.toLowerCase() === user);
}

/** Editors of an item: a spreadsheet keeps them in its SpreadsheetState, everything else on the Drive record. */
export function editorsOf(state: EmulatorState, id: string): string[] {
  const ss = state.spreadsheets[id];
  if (ss) return ss.editors;
  return state.files[id]?.editors ?? state.folders[id]?.editors ?? [];
}

export function viewersOf(state: EmulatorState, id: string): string[] {
  const ss = state.spreadsheets[id];
  if (ss) return ss.viewers;
  return state.files[id]?.viewers ?? state.folders[id]?.viewers ?? [];
}

function linkAccess(sharing: { access: string; permission: string } | undefined): Access {
  if (!sharing || (sharing.access !== 'ANYONE_WITH_LINK' && sharing.access !== 'ANYONE')) return 'none';
  if (sharing.permission === 'EDIT') return 'edit';
  if (sharing.permission === 'VIEW' || sharing.permission === 'COMMENT') return 'view';
  return 'none';
}

/**
 * How `user` reaches a Drive item: its owner, its editors and viewers, link sharing, and access inherited from the
 * folders it sits in (Drive's permission inheritance; Ref: https://developers.google.com/drive/api/guides/manage-sharing).
 * Open: domain sharing (DOMAIN, DOMAIN_WITH_LINK) is not emulated and grants nothing.
 */
export function itemAccess(state: EmulatorState, id: string, user: string, seen = new Set<string>()): Access {
  if (seen.has(id)) return 'none';
  seen.add(id);
  const item: DriveFileState | DriveFolderState | undefined = state.files[id] ?? state.folders[id];
  const ss = state.spreadsheets[id];
  const form = state.forms[id];
  const owner = ss?.owner ?? form?.owner ?? item?.owner;
  if (!owner) return 'none';
  const u = user.toLowerCase();
  if (owner.toLowerCase() === u) return 'owner';
  let access: Access = 'none';
  if (has(editorsOf(state, id), u)) access = 'edit';
  else if (has(viewersOf(state, id), u)) access = 'view';
  access = better(access, linkAccess(item?.sharing));
  // The root folder is each user's own "My Drive" (one folder in this state): it is never shared, so nothing inherits
  // from it. Open: per-user roots are not modelled.
  for (const parent of (item?.parents ?? []).filter((p) => p !== state.rootFolderId)) {
    const inherited = itemAccess(state, parent, user, seen);
    access = better(access, inherited === 'owner' ? 'edit' : inherited);
  }
  return access;
}
