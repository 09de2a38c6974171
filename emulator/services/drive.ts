// The emulated DriveApp: files and folders with owners, editors, viewers and link sharing, checked for the effective user.
import type { ExecutionContext } from '../context';
import type { DriveFileState, DriveFolderState, FormState, SpreadsheetState } from '../state';
import { EmuBlob } from './blob';
import { ACCESS_DENIED, type Access, editorsOf, itemAccess, NOT_FOUND, viewersOf } from './drive-model';
import { nextId } from './spreadsheet-model';
import { userObject, wrap } from './spreadsheet-wrap';

type File = GoogleAppsScript.Drive.File;
type Folder = GoogleAppsScript.Drive.Folder;

const SHEET_MIME = 'application/vnd.google-apps.spreadsheet';
const FORM_MIME = 'application/vnd.google-apps.form';
const FOLDER_MIME = 'application/vnd.google-apps.folder';

/** Ref: https://developers.google.com/apps-script/reference/drive/access */
const ACCESS = ['ANYONE', 'ANYONE_WITH_LINK', 'DOMAIN', 'DOMAIN_WITH_LINK', 'PRIVATE'] as const;
/** Ref: https://developers.google.com/apps-script/reference/drive/permission */
const PERMISSION = ['VIEW', 'EDIT', 'COMMENT', 'OWNER', 'ORGANIZER', 'FILE_ORGANIZER', 'NONE'] as const;

function enumOf<T extends string>(names: readonly T[]): Record<T, T> {
  return Object.fromEntries(names.map((n) => [n, n])) as Record<T, T>;
}

function emailOf(user: string | GoogleAppsScript.Base.User): string {
  return typeof user === 'string' ? user : user.getEmail();
}

function canEdit(access: Access): boolean {
  return access === 'owner' || access === 'edit';
}

/** Ref: FileIterator / FolderIterator — next() past the end throws. */
function iterator<T>(ctx: ExecutionContext, className: string, items: T[]): unknown {
  let i = 0;
  return wrap(ctx, 'DriveApp', className, {
    hasNext: () => i < items.length,
    next: () => {
      if (i >= items.length) throw new Error('Cannot retrieve the next object: iterator has reached the end.');
      const item = items[i];
      i += 1;
      return item;
    },
    getContinuationToken: () => String(i),
  });
}

function fileIterator(ctx: ExecutionContext, ids: string[]): GoogleAppsScript.Drive.FileIterator {
  return iterator(
    ctx,
    'FileIterator',
    ids.map((id) => fileObject(ctx, id)),
  ) as GoogleAppsScript.Drive.FileIterator;
}

function folderIterator(ctx: ExecutionContext, ids: string[]): GoogleAppsScript.Drive.FolderIterator {
  return iterator(
    ctx,
    'FolderIterator',
    ids.map((id) => folderObject(ctx, id)),
  ) as GoogleAppsScript.Drive.FolderIterator;
}

function visibleFiles(ctx: ExecutionContext, filter: (f: DriveFileState) => boolean): string[] {
  return Object.values(ctx.state.files)
    .filter((f) => !f.trashed && filter(f) && itemAccess(ctx.state, f.id, ctx.users.effective) !== 'none')
    .map((f) => f.id);
}

function visibleFolders(ctx: ExecutionContext, filter: (f: DriveFolderState) => boolean): string[] {
  return Object.values(ctx.state.folders)
    .filter(
      (f) =>
        !f.trashed &&
        f.id !== ctx.state.rootFolderId &&
        filter(f) &&
        itemAccess(ctx.state, f.id, ctx.users.effective) !== 'none',
    )
    .map((f) => f.id);
}

/** Stores a new file (bytes from a blob) under `parentId`, owned by the effective user. */
function storeFile(ctx: ExecutionContext, parentId: string, blob: GoogleAppsScript.Base.Blob): string {
  const id = nextId(ctx.state, '1fl');
  const bytes = blob instanceof EmuBlob ? blob.rawBytes() : Uint8Array.from(blob.getBytes(), (b) => b & 0xff);
  ctx.state.files[id] = {
    id,
    name: blob.getName() ?? 'Untitled',
    mimeType: blob.getContentType() ?? 'application/octet-stream',
    content: Buffer.from(bytes).toString('base64'),
    parents: [parentId],
    owner: ctx.users.effective,
    editors: [],
    viewers: [],
    sharing: { access: 'PRIVATE', permission: 'NONE' },
    trashed: false,
    created: ctx.now(),
    description: '',
  };
  return id;
}

/** Everyone may create in their own My Drive (the root); elsewhere edit rights on the folder are needed. */
function assertCanCreateIn(ctx: ExecutionContext, parentId: string): void {
  if (parentId === ctx.state.rootFolderId) return;
  if (!canEdit(itemAccess(ctx.state, parentId, ctx.users.effective))) throw new Error(ACCESS_DENIED);
}

function createFileIn(ctx: ExecutionContext, parentId: string, a: unknown, content?: string, mime?: string): File {
  assertCanCreateIn(ctx, parentId);
  let blob: GoogleAppsScript.Base.Blob;
  if (typeof a === 'string') {
    // Ref: DriveApp.createFile(name, content, mimeType) — text content; default MIME type text/plain.
    blob = new EmuBlob(new Uint8Array(Buffer.from(content ?? '', 'utf8')), mime ?? 'text/plain', a);
  } else {
    const source = a as GoogleAppsScript.Base.BlobSource;
    blob = source.getBlob();
  }
  return fileObject(ctx, storeFile(ctx, parentId, blob));
}

function createFolderIn(ctx: ExecutionContext, parentId: string, name: string): Folder {
  assertCanCreateIn(ctx, parentId);
  const id = nextId(ctx.state, '1fd');
  ctx.state.folders[id] = {
    id,
    name,
    parents: [parentId],
    owner: ctx.users.effective,
    editors: [],
    viewers: [],
    trashed: false,
  };
  return folderObject(ctx, id);
}

/** Ref: https://developers.google.com/apps-script/reference/drive/drive-app */
export function createDriveApp(ctx: ExecutionContext): GoogleAppsScript.Drive.DriveApp {
  const root = () => ctx.state.rootFolderId;
  const impl = {
    Access: enumOf(ACCESS),
    Permission: enumOf(PERMISSION),
    /** Ref: DriveApp.getFileById — an ID the user cannot reach throws as if it did not exist. */
    getFileById(id: string): File {
      if (!ctx.state.files[id] || itemAccess(ctx.state, id, ctx.users.effective) === 'none') throw new Error(NOT_FOUND);
      return fileObject(ctx, id);
    },
    getFolderById(id: string): Folder {
      if (!ctx.state.folders[id] || itemAccess(ctx.state, id, ctx.users.effective) === 'none') {
        throw new Error(NOT_FOUND);
      }
      return folderObject(ctx, id);
    },
    /** Open: the emulator has one Drive root (the script owner's); other users' roots are not modelled. */
    getRootFolder: () => folderObject(ctx, root()),
    createFolder: (name: string) => createFolderIn(ctx, root(), name),
    createFile: (a: unknown, content?: string, mime?: string) => createFileIn(ctx, root(), a, content, mime),
    getFiles: () =>
      fileIterator(
        ctx,
        visibleFiles(ctx, () => true),
      ),
    getFilesByName: (name: string) =>
      fileIterator(
        ctx,
        visibleFiles(ctx, (f) => f.name === name),
      ),
    getFilesByType: (mimeType: string) =>
      fileIterator(
        ctx,
        visibleFiles(ctx, (f) => f.mimeType === mimeType),
      ),
    getFolders: () =>
      folderIterator(
        ctx,
        visibleFolders(ctx, () => true),
      ),
    getFoldersByName: (name: string) =>
      folderIterator(
        ctx,
        visibleFolders(ctx, (f) => f.name === name),
      ),
    getTrashedFiles: () =>
      fileIterator(
        ctx,
        Object.values(ctx.state.files)
          .filter((f) => f.trashed && itemAccess(ctx.state, f.id, ctx.users.effective) === 'owner')
          .map((f) => f.id),
      ),
  };
  return wrap<GoogleAppsScript.Drive.DriveApp>(ctx, 'DriveApp', 'DriveApp', impl);
}

/** Sharing methods shared by File and Folder; editors/viewers of a spreadsheet live in its SpreadsheetState. */
abstract class EmuDriveItem {
  constructor(
    protected readonly ctx: ExecutionContext,
    protected readonly id: string,
  ) {}

  protected abstract selfObject(): unknown;

  protected access(): Access {
    return itemAccess(this.ctx.state, this.id, this.ctx.users.effective);
  }

  /** Open: whether editors may share (Drive's default lets them); chosen: editors and the owner may. */
  protected assertEdit(): void {
    if (!canEdit(this.access())) throw new Error(ACCESS_DENIED);
  }

  protected assertOwner(): void {
    if (this.access() !== 'owner') throw new Error(ACCESS_DENIED);
  }

  protected owner(): string {
    const s = this.ctx.state;
    return s.spreadsheets[this.id]?.owner ?? s.files[this.id]?.owner ?? s.folders[this.id]?.owner ?? '';
  }

  getId(): string {
    return this.id;
  }

  addEditor(user: string | GoogleAppsScript.Base.User): unknown {
    return this.addEditors([emailOf(user)]);
  }

  /** Ref: File.addEditor — "Adds the given user to the list of editors"; an editor is no longer a viewer. */
  addEditors(emails: string[]): unknown {
    this.assertEdit();
    const editors = editorsOf(this.ctx.state, this.id);
    const viewers = viewersOf(this.ctx.state, this.id);
    for (const email of emails) {
      if (email.toLowerCase() === this.owner().toLowerCase()) continue;
      if (!editors.some((e) => e.toLowerCase() === email.toLowerCase())) editors.push(email);
      const i = viewers.findIndex((v) => v.toLowerCase() === email.toLowerCase());
      if (i >= 0) viewers.splice(i, 1);
    }
    return this.selfObject();
  }

  addViewer(user: string | GoogleAppsScript.Base.User): unknown {
    return this.addViewers([emailOf(user)]);
  }

  /** Ref: File.addViewer — "If the user was already on the list of editors, this method has no effect." */
  addViewers(emails: string[]): unknown {
    this.assertEdit();
    const editors = editorsOf(this.ctx.state, this.id);
    const viewers = viewersOf(this.ctx.state, this.id);
    for (const email of emails) {
      const known = [this.owner(), ...editors, ...viewers].some((e) => e.toLowerCase() === email.toLowerCase());
      if (!known) viewers.push(email);
    }
    return this.selfObject();
  }

  removeEditor(user: string | GoogleAppsScript.Base.User): unknown {
    this.assertEdit();
    const email = emailOf(user).toLowerCase();
    const editors = editorsOf(this.ctx.state, this.id);
    const i = editors.findIndex((e) => e.toLowerCase() === email);
    if (i >= 0) editors.splice(i, 1);
    return this.selfObject();
  }

  removeViewer(user: string | GoogleAppsScript.Base.User): unknown {
    this.assertEdit();
    const email = emailOf(user).toLowerCase();
    const viewers = viewersOf(this.ctx.state, this.id);
    const i = viewers.findIndex((e) => e.toLowerCase() === email);
    if (i >= 0) viewers.splice(i, 1);
    return this.selfObject();
  }

  /**
   * Ref: File.getEditors — "If the user who executes the script does not have edit access… returns an empty array."
   * Open: whether the owner is listed; chosen: not (getOwner gives the owner), unlike Spreadsheet.getEditors here.
   */
  getEditors(): GoogleAppsScript.Base.User[] {
    if (!canEdit(this.access())) return [];
    return editorsOf(this.ctx.state, this.id).map((e) => userObject(this.ctx, 'DriveApp', e));
  }

  getViewers(): GoogleAppsScript.Base.User[] {
    if (!canEdit(this.access())) return [];
    return viewersOf(this.ctx.state, this.id).map((e) => userObject(this.ctx, 'DriveApp', e));
  }

  getOwner(): GoogleAppsScript.Base.User {
    return userObject(this.ctx, 'DriveApp', this.owner());
  }

  /** Ref: File.getAccess(user) — the permission granted to that user. */
  getAccess(user: string | GoogleAppsScript.Base.User): string {
    const a = itemAccess(this.ctx.state, this.id, emailOf(user));
    return a === 'owner' ? 'OWNER' : a === 'edit' ? 'EDIT' : a === 'view' ? 'VIEW' : 'NONE';
  }
}

export function fileObject(ctx: ExecutionContext, id: string): File {
  const impl = new EmuFile(ctx, id);
  const self = wrap<File>(ctx, 'DriveApp', 'File', impl);
  impl.self = self;
  return self;
}

export function folderObject(ctx: ExecutionContext, id: string): Folder {
  const impl = new EmuFolder(ctx, id);
  const self = wrap<Folder>(ctx, 'DriveApp', 'Folder', impl);
  impl.self = self;
  return self;
}

class EmuFile extends EmuDriveItem {
  self!: File;

  protected selfObject(): File {
    return this.self;
  }

  private file(): DriveFileState {
    const f = this.ctx.state.files[this.id];
    if (!f) throw new Error(NOT_FOUND);
    return f;
  }

  getName(): string {
    return this.file().name;
  }

  setName(name: string): File {
    this.assertEdit();
    this.file().name = name;
    const ss = this.ctx.state.spreadsheets[this.id];
    if (ss) ss.name = name;
    const form = this.ctx.state.forms[this.id];
    if (form) form.title = name;
    return this.self;
  }

  getMimeType(): string {
    return this.file().mimeType;
  }

  /** Ref: File.getUrl — Docs editors' files open in their editor, other files in Drive's viewer. */
  getUrl(): string {
    const mime = this.file().mimeType;
    if (mime === SHEET_MIME) return `https://docs.google.com/spreadsheets/d/${this.id}/edit?usp=drivesdk`;
    if (mime === FORM_MIME) return `https://docs.google.com/forms/d/${this.id}/edit?usp=drivesdk`;
    return `https://drive.google.com/file/d/${this.id}/view?usp=drivesdk`;
  }

  getDownloadUrl(): string {
    return `https://drive.google.com/uc?id=${this.id}&export=download`;
  }

  /** Ref: File.getSize — bytes; Google Docs editors' files count 0. */
  getSize(): number {
    return Buffer.from(this.file().content, 'base64').length;
  }

  /** Open: exporting Sheets/Forms to a blob (PDF, XLSX) is not emulated. */
  getBlob(): GoogleAppsScript.Base.Blob {
    const f = this.file();
    if (f.mimeType.startsWith('application/vnd.google-apps.')) {
      throw new Error(`Emulator: File.getBlob() of a ${f.mimeType} (export) is not emulated (Open).`);
    }
    return new EmuBlob(new Uint8Array(Buffer.from(f.content, 'base64')), f.mimeType, f.name);
  }

  getAs(contentType: string): GoogleAppsScript.Base.Blob {
    return this.getBlob().getAs(contentType);
  }

  setContent(content: string): File {
    this.assertEdit();
    this.file().content = Buffer.from(content, 'utf8').toString('base64');
    return this.self;
  }

  isTrashed(): boolean {
    return this.file().trashed;
  }

  /** Ref: File.setTrashed — "Only the owner of the File can trash it." */
  setTrashed(trashed: boolean): File {
    this.assertOwner();
    this.file().trashed = trashed;
    return this.self;
  }

  getDateCreated(): Date {
    return new Date(this.file().created.getTime());
  }

  /** Open: the state keeps no modification time; the creation time stands in. */
  getLastUpdated(): Date {
    return this.getDateCreated();
  }

  getDescription(): string | null {
    return this.file().description || null;
  }

  setDescription(description: string): File {
    this.assertEdit();
    this.file().description = description;
    return this.self;
  }

  getParents(): GoogleAppsScript.Drive.FolderIterator {
    const parents = this.file().parents.filter(
      (p) => this.ctx.state.folders[p] && itemAccess(this.ctx.state, p, this.ctx.users.effective) !== 'none',
    );
    return folderIterator(this.ctx, parents);
  }

  /**
   * Ref: File.setSharing(accessType, permissionType). Open: Google refuses some combinations (e.g. PRIVATE with
   * EDIT); the emulator stores what it is given.
   */
  setSharing(accessType: unknown, permissionType: unknown): File {
    this.assertEdit();
    this.file().sharing = { access: String(accessType), permission: String(permissionType) };
    return this.self;
  }

  getSharingAccess(): string {
    return this.file().sharing.access;
  }

  getSharingPermission(): string {
    return this.file().sharing.permission;
  }

  /** Ref: File.moveTo(destination) — needs edit rights on the file and the destination folder. */
  moveTo(destination: Folder): File {
    this.assertEdit();
    const dest = destination.getId();
    assertCanCreateIn(this.ctx, dest);
    this.file().parents = [dest];
    return this.self;
  }

  /** Ref: File.makeCopy(name?, destination?) — the copy belongs to the effective user; "Copy of …" by default. */
  makeCopy(a?: string | Folder, b?: Folder): File {
    if (this.access() === 'none') throw new Error(NOT_FOUND);
    const src = this.file();
    const name = typeof a === 'string' ? a : `Copy of ${src.name}`;
    const folder = typeof a === 'object' ? a : b;
    const parents = folder ? [folder.getId()] : [...src.parents];
    if (folder) assertCanCreateIn(this.ctx, folder.getId());
    const id = nextId(this.ctx.state, src.mimeType === SHEET_MIME ? '1ss' : src.mimeType === FORM_MIME ? '1fm' : '1fl');
    this.ctx.state.files[id] = {
      ...src,
      id,
      name,
      parents,
      owner: this.ctx.users.effective,
      editors: [],
      viewers: [],
      sharing: { access: 'PRIVATE', permission: 'NONE' },
      trashed: false,
      created: this.ctx.now(),
    };
    const ss = this.ctx.state.spreadsheets[this.id];
    if (ss) this.ctx.state.spreadsheets[id] = copySpreadsheet(ss, id, name, this.ctx.users.effective);
    const form = this.ctx.state.forms[this.id];
    if (form) this.ctx.state.forms[id] = copyForm(form, id, name, this.ctx.users.effective);
    return fileObject(this.ctx, id);
  }
}

function copySpreadsheet(ss: SpreadsheetState, id: string, name: string, owner: string): SpreadsheetState {
  const copy = structuredClone(ss);
  return { ...copy, id, name, owner, editors: [], viewers: [], menus: [] };
}

/** Ref: a copied form keeps its questions, not its responses or destination. */
function copyForm(form: FormState, id: string, title: string, owner: string): FormState {
  const copy = structuredClone(form);
  return { ...copy, id, title, owner, responses: [], destination: null };
}

class EmuFolder extends EmuDriveItem {
  self!: Folder;

  protected selfObject(): Folder {
    return this.self;
  }

  private folder(): DriveFolderState {
    const f = this.ctx.state.folders[this.id];
    if (!f) throw new Error(NOT_FOUND);
    return f;
  }

  getName(): string {
    return this.folder().name;
  }

  setName(name: string): Folder {
    this.assertEdit();
    this.folder().name = name;
    return this.self;
  }

  getUrl(): string {
    return `https://drive.google.com/drive/folders/${this.id}`;
  }

  getMimeType(): string {
    return FOLDER_MIME;
  }

  createFile(a: unknown, content?: string, mime?: string): File {
    return createFileIn(this.ctx, this.id, a, content, mime);
  }

  createFolder(name: string): Folder {
    return createFolderIn(this.ctx, this.id, name);
  }

  getFiles(): GoogleAppsScript.Drive.FileIterator {
    return fileIterator(
      this.ctx,
      visibleFiles(this.ctx, (f) => f.parents.includes(this.id)),
    );
  }

  getFilesByName(name: string): GoogleAppsScript.Drive.FileIterator {
    return fileIterator(
      this.ctx,
      visibleFiles(this.ctx, (f) => f.parents.includes(this.id) && f.name === name),
    );
  }

  getFilesByType(mimeType: string): GoogleAppsScript.Drive.FileIterator {
    return fileIterator(
      this.ctx,
      visibleFiles(this.ctx, (f) => f.parents.includes(this.id) && f.mimeType === mimeType),
    );
  }

  getFolders(): GoogleAppsScript.Drive.FolderIterator {
    return folderIterator(
      this.ctx,
      visibleFolders(this.ctx, (f) => f.parents.includes(this.id)),
    );
  }

  getFoldersByName(name: string): GoogleAppsScript.Drive.FolderIterator {
    return folderIterator(
      this.ctx,
      visibleFolders(this.ctx, (f) => f.parents.includes(this.id) && f.name === name),
    );
  }

  getParents(): GoogleAppsScript.Drive.FolderIterator {
    return folderIterator(
      this.ctx,
      this.folder().parents.filter((p) => itemAccess(this.ctx.state, p, this.ctx.users.effective) !== 'none'),
    );
  }

  isTrashed(): boolean {
    return this.folder().trashed;
  }

  setTrashed(trashed: boolean): Folder {
    this.assertOwner();
    this.folder().trashed = trashed;
    return this.self;
  }

  setSharing(accessType: unknown, permissionType: unknown): Folder {
    this.assertEdit();
    this.folder().sharing = { access: String(accessType), permission: String(permissionType) };
    return this.self;
  }

  getSharingAccess(): string {
    return this.folder().sharing?.access ?? 'PRIVATE';
  }

  getSharingPermission(): string {
    return this.folder().sharing?.permission ?? 'NONE';
  }

  moveTo(destination: Folder): Folder {
    this.assertEdit();
    const dest = destination.getId();
    assertCanCreateIn(this.ctx, dest);
    this.folder().parents = [dest];
    return this.self;
  }

  /** Ref: Folder.addFile (deprecated) — adds the file to this folder as well. */
  addFile(child: File): Folder {
    this.assertEdit();
    const f = this.ctx.state.files[child.getId()];
    if (f && !f.parents.includes(this.id)) f.parents.push(this.id);
    return this.self;
  }

  removeFile(child: File): Folder {
    this.assertEdit();
    const f = this.ctx.state.files[child.getId()];
    if (f) f.parents = f.parents.filter((p) => p !== this.id);
    return this.self;
  }
}
