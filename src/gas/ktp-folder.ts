// Setup of "KTP – Data Terbatas": the Drive folder for uploaded KTP scans, shared (view only) with the Verifikator alone.
import { KTP_FILES_TEXT } from '../core/messages/ktp-files';
import { SHELL_MESSAGES } from '../core/messages/shell';

const T = KTP_FILES_TEXT.setup;

/** Script Property holding the folder's ID (the intake moves uploads there). */
export const KTP_FOLDER_KEY = 'KTP_FOLDER_ID';

function lower(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Makes the folder's sharing match the roster: the Verifikator(s) view it, nobody but the owner edits it, no link
 * sharing. A Verifikator removed from Pengaturan loses access at the next setup; files inherit the folder's access.
 */
function syncSharing(folder: GoogleAppsScript.Drive.Folder, verifiers: string[], lines: string[]): void {
  const owner = lower(folder.getOwner()?.getEmail() ?? '');
  const wanted = new Set(verifiers.map(lower).filter((email) => email !== '' && email !== owner));
  const removed: string[] = [];
  for (const editor of folder.getEditors().map((user) => user.getEmail())) {
    folder.removeEditor(editor);
    if (!wanted.has(lower(editor))) removed.push(editor);
  }
  const viewers = new Set<string>();
  for (const viewer of folder.getViewers().map((user) => user.getEmail())) {
    if (wanted.has(lower(viewer))) viewers.add(lower(viewer));
    else {
      folder.removeViewer(viewer);
      removed.push(viewer);
    }
  }
  const added = [...wanted].filter((email) => !viewers.has(email));
  if (added.length > 0) folder.addViewers(added);
  if (folder.getSharingAccess() !== DriveApp.Access.PRIVATE) {
    folder.setSharing(DriveApp.Access.PRIVATE, DriveApp.Permission.NONE);
    lines.push(T.folderMadePrivate);
  }
  if (added.length > 0) lines.push(T.folderShared(added));
  if (removed.length > 0) lines.push(T.folderUnshared(removed));
}

/**
 * Creates the folder once (a trashed one is replaced) and syncs its sharing with the roster; safe to run again. Only
 * the script's owner does it (the intake, which moves files into it, runs as the owner): `byOwner` false leaves it.
 * Returns the folder's ID, or '' when none was set up.
 */
export function setUpKtpFolder(verifiers: string[], byOwner: boolean, lines: string[]): string {
  const properties = PropertiesService.getScriptProperties();
  const stored = properties.getProperty(KTP_FOLDER_KEY) ?? '';
  if (!byOwner) return stored;
  let folder: GoogleAppsScript.Drive.Folder | null = null;
  if (stored) {
    try {
      folder = DriveApp.getFolderById(stored);
    } catch {
      lines.push(SHELL_MESSAGES.setup.noAccess(KTP_FILES_TEXT.folderName));
      return stored;
    }
    if (folder.isTrashed()) {
      folder = null;
      lines.push(T.folderReplaced);
    }
  }
  if (!folder) {
    folder = DriveApp.createFolder(KTP_FILES_TEXT.folderName);
    properties.setProperty(KTP_FOLDER_KEY, folder.getId());
    if (!stored) lines.push(T.folderCreated);
  }
  syncSharing(folder, verifiers, lines);
  return folder.getId();
}
