// The emulated Protection: sheet and range protections kept in SheetState.protections, checked on every write.
import type { ExecutionContext } from '../context';
import type { ProtectionState, SheetState, SpreadsheetState } from '../state';
import { toA1 } from './a1';
import {
  getSheetState,
  getSpreadsheetState,
  nextId,
  PROTECTED,
  rectOfA1,
  spreadsheetAccess,
} from './spreadsheet-model';
import { addressOf, rangeObject } from './spreadsheet-range';
import { userObject, wrap } from './spreadsheet-wrap';

type Protection = GoogleAppsScript.Spreadsheet.Protection;

/**
 * Creates a protection (or returns the sheet's existing sheet protection). Ref: Sheet.protect / Range.protect
 * (https://developers.google.com/apps-script/reference/spreadsheet/protection): the reference's sample adds the
 * current user and then removes the other editors, so a new protection starts with the owner and every editor of
 * the spreadsheet. Open: whether a second Sheet.protect() returns the existing protection (chosen: it does).
 */
export function createProtection(
  ctx: ExecutionContext,
  spreadsheetId: string,
  sheetId: number,
  a1: string | null,
): Protection {
  const ss = getSpreadsheetState(ctx.state, spreadsheetId);
  const sheet = getSheetState(ss, sheetId);
  const access = spreadsheetAccess(ctx.state, ss, ctx.users.effective);
  if (access !== 'owner' && access !== 'edit') throw new Error(PROTECTED);
  const existing = a1 === null ? sheet.protections.find((p) => p.type === 'SHEET') : undefined;
  if (existing) return protectionObject(ctx, spreadsheetId, sheetId, existing.id);
  const p: ProtectionState = {
    id: nextId(ctx.state, 'prot'),
    type: a1 === null ? 'SHEET' : 'RANGE',
    a1,
    description: '',
    editors: [ss.owner, ...ss.editors],
    warningOnly: false,
  };
  sheet.protections.push(p);
  return protectionObject(ctx, spreadsheetId, sheetId, p.id);
}

export function protectionObject(
  ctx: ExecutionContext,
  spreadsheetId: string,
  sheetId: number,
  protectionId: string,
): Protection {
  const impl = new EmuProtection(ctx, spreadsheetId, sheetId, protectionId);
  const self = wrap<Protection>(ctx, 'SpreadsheetApp', 'Protection', impl);
  impl.self = self;
  return self;
}

function emailOf(user: string | GoogleAppsScript.Base.User): string {
  return typeof user === 'string' ? user : user.getEmail();
}

class EmuProtection implements Partial<Protection> {
  self!: Protection;

  constructor(
    private readonly ctx: ExecutionContext,
    private readonly spreadsheetId: string,
    private readonly sheetId: number,
    private readonly protectionId: string,
  ) {}

  private ss(): SpreadsheetState {
    return getSpreadsheetState(this.ctx.state, this.spreadsheetId);
  }

  private sheet(): SheetState {
    return getSheetState(this.ss(), this.sheetId);
  }

  private state(): ProtectionState {
    const p = this.sheet().protections.find((x) => x.id === this.protectionId);
    // Open: Google's wording for using a removed protection.
    if (!p) throw new Error('The protection has been removed.');
    return p;
  }

  /** Only the owner and the protection's editors may change it. Open: the wording (the protection error is used). */
  private editable(): ProtectionState {
    if (!this.canEdit()) throw new Error(PROTECTED);
    return this.state();
  }

  /** Ref: Protection.canEdit — "Determines whether the user has permission to edit the protected range or sheet." */
  canEdit(): boolean {
    const ss = this.ss();
    const user = this.ctx.users.effective.toLowerCase();
    if (ss.owner.toLowerCase() === user) return true;
    const access = spreadsheetAccess(this.ctx.state, ss, user);
    if (access !== 'edit') return false;
    return this.state().editors.some((e) => e.toLowerCase() === user);
  }

  canDomainEdit(): boolean {
    return false;
  }

  setDomainEdit(_editable: boolean): Protection {
    this.editable();
    return this.self;
  }

  getDescription(): string {
    return this.state().description;
  }

  setDescription(description: string): Protection {
    this.editable().description = description;
    return this.self;
  }

  /** Ref: Protection.getEditors — the owner is always among them. */
  getEditors(): GoogleAppsScript.Base.User[] {
    const owner = this.ss().owner;
    const emails = [owner, ...this.state().editors.filter((e) => e.toLowerCase() !== owner.toLowerCase())];
    return emails.map((e) => userObject(this.ctx, 'SpreadsheetApp', e));
  }

  addEditor(user: string | GoogleAppsScript.Base.User): Protection {
    return this.addEditors([emailOf(user)]);
  }

  /**
   * Ref: Protection.addEditors — "Adds the given array of users to the list of editors for the protected sheet or
   * range… If the user is not already an editor of the spreadsheet, this method adds them as an editor of the
   * spreadsheet as well."
   */
  addEditors(emailAddresses: string[]): Protection {
    const p = this.editable();
    const ss = this.ss();
    for (const email of emailAddresses) {
      if (!p.editors.some((e) => e.toLowerCase() === email.toLowerCase())) p.editors.push(email);
      const known = [ss.owner, ...ss.editors].some((e) => e.toLowerCase() === email.toLowerCase());
      if (!known) ss.editors.push(email);
    }
    return this.self;
  }

  removeEditor(user: string | GoogleAppsScript.Base.User): Protection {
    return this.removeEditors([emailOf(user)]);
  }

  /** Ref: Protection.removeEditors — the owner cannot be removed (the owner can always edit). */
  removeEditors(users: (string | GoogleAppsScript.Base.User)[]): Protection {
    const p = this.editable();
    const owner = this.ss().owner.toLowerCase();
    const drop = new Set(users.map((u) => emailOf(u).toLowerCase()).filter((e) => e !== owner));
    p.editors = p.editors.filter((e) => !drop.has(e.toLowerCase()));
    return this.self;
  }

  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    return this.state().type as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
  }

  /** Ref: Protection.getRange — the whole sheet for a sheet protection. */
  getRange(): GoogleAppsScript.Spreadsheet.Range {
    const sheet = this.sheet();
    const p = this.state();
    const rect =
      p.a1 === null
        ? { row: 1, column: 1, numRows: sheet.maxRows, numColumns: sheet.maxColumns }
        : rectOfA1(p.a1, sheet);
    return rangeObject(this.ctx, { spreadsheetId: this.spreadsheetId, sheetId: this.sheetId, ...rect });
  }

  setRange(range: GoogleAppsScript.Spreadsheet.Range): Protection {
    const p = this.editable();
    const a = addressOf(range);
    if (p.type === 'RANGE') p.a1 = toA1(a.row, a.column, a.numRows, a.numColumns);
    return this.self;
  }

  getRangeName(): string | null {
    return null;
  }

  getUnprotectedRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return [];
  }

  isWarningOnly(): boolean {
    return this.state().warningOnly;
  }

  /** Ref: Protection.setWarningOnly — a warning-only protection lets everyone edit after a warning. */
  setWarningOnly(warningOnly: boolean): Protection {
    this.editable().warningOnly = warningOnly;
    return this.self;
  }

  remove(): void {
    this.editable();
    const sheet = this.sheet();
    sheet.protections = sheet.protections.filter((x) => x.id !== this.protectionId);
  }
}
