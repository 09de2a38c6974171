// The emulated SpreadsheetApp and Spreadsheet: create/open with access checks, sheets, sharing, named ranges, Ui.
import type { ExecutionContext } from '../context';
import type { CellValue, EmulatorState, SheetState, SpreadsheetState } from '../state';
import { parseA1, quoteSheetName, toA1 } from './a1';
import { displayValue } from './display-format';
import {
  assertCellBudget,
  cellFormat,
  cellFormula,
  cellValue,
  getSpreadsheetState,
  lastColumn,
  lastRow,
  MAX_CELLS,
  NO_ACCESS,
  newSheetState,
  nextId,
  spreadsheetAccess,
  TOO_MANY_CELLS,
} from './spreadsheet-model';
import { protectionObject } from './spreadsheet-protection';
import { addressOf, rangeObject } from './spreadsheet-range';
import {
  activeSheetId,
  assertCanEditSpreadsheet,
  duplicateSheetName,
  rangeFromA1,
  setActiveSheet,
  sheetObject,
  sheetRefOf,
} from './spreadsheet-sheet';
import { uiObject } from './spreadsheet-ui';
import { userObject, wrap } from './spreadsheet-wrap';
import { createTextFinder } from './text-finder';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const GOOGLE_SHEET_MIME = 'application/vnd.google-apps.spreadsheet';

/**
 * Creates a spreadsheet as Google does for SpreadsheetApp.create(name): one sheet "Sheet1" of 1000 rows by 26
 * columns, owned by `owner`, in the owner's Drive root (a Drive file record with the same ID, so DriveApp finds it).
 * Used by the runtime for the container spreadsheet and by SpreadsheetApp.create.
 */
export function createSpreadsheetState(
  state: EmulatorState,
  name: string,
  owner: string,
  now: Date,
  timeZone = 'Asia/Makassar',
): SpreadsheetState {
  const id = nextId(state, '1ss');
  const ss: SpreadsheetState = {
    id,
    name,
    owner,
    timeZone,
    sheets: [newSheetState(0, 'Sheet1')],
    editors: [],
    viewers: [],
    nextSheetId: 1,
    menus: [],
    namedRanges: {},
  };
  state.spreadsheets[id] = ss;
  state.files[id] = {
    id,
    name,
    mimeType: GOOGLE_SHEET_MIME,
    content: '',
    parents: state.rootFolderId ? [state.rootFolderId] : [],
    owner,
    editors: [],
    viewers: [],
    sharing: { access: 'PRIVATE', permission: 'NONE' },
    trashed: false,
    created: new Date(now.getTime()),
    description: '',
  };
  return ss;
}

/** getDisplayValues() of a sheet's data range, for the host (tests, simulator). Formulas display '' (not evaluated). */
export function displayValues(state: EmulatorState, spreadsheetId: string, sheetName: string): string[][] {
  const ss = state.spreadsheets[spreadsheetId];
  const sheet = ss?.sheets.find((s) => s.name === sheetName);
  if (!ss || !sheet) throw new Error(`Emulator: no sheet "${sheetName}" in spreadsheet ${spreadsheetId}.`);
  const rows = lastRow(sheet);
  const cols = lastColumn(sheet);
  const out: string[][] = [];
  for (let r = 1; r <= Math.max(1, rows); r++) {
    const line: string[] = [];
    for (let c = 1; c <= Math.max(1, cols); c++) {
      line.push(
        cellFormula(sheet, r, c) ? '' : displayValue(cellValue(sheet, r, c), cellFormat(sheet, r, c), ss.timeZone),
      );
    }
    out.push(line);
  }
  return out;
}

function hostSheet(state: EmulatorState, spreadsheetId: string, sheetName: string) {
  const ss = state.spreadsheets[spreadsheetId];
  const sheet = ss?.sheets.find((s) => s.name === sheetName);
  if (!ss || !sheet) throw new Error(`Emulator: no sheet "${sheetName}" in spreadsheet ${spreadsheetId}.`);
  return sheet;
}

/** getValues() of a sheet's data range, for the host. Formula cells read '' (not evaluated). */
export function sheetValues(state: EmulatorState, spreadsheetId: string, sheetName: string): CellValue[][] {
  const sheet = hostSheet(state, spreadsheetId, sheetName);
  return grid(sheet, (r, c) => (cellFormula(sheet, r, c) ? '' : cellValue(sheet, r, c)));
}

/** getFormulas() of a sheet's data range, for the host. */
export function sheetFormulas(state: EmulatorState, spreadsheetId: string, sheetName: string): string[][] {
  const sheet = hostSheet(state, spreadsheetId, sheetName);
  return grid(sheet, (r, c) => cellFormula(sheet, r, c));
}

function grid<T>(sheet: SheetState, read: (row: number, column: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = 1; r <= Math.max(1, lastRow(sheet)); r++) {
    const line: T[] = [];
    for (let c = 1; c <= Math.max(1, lastColumn(sheet)); c++) line.push(read(r, c));
    out.push(line);
  }
  return out;
}

/** Opens a spreadsheet for the effective user. Ref: SpreadsheetApp.openById — a user without access gets an error. */
function openSpreadsheet(ctx: ExecutionContext, id: string): Spreadsheet {
  const ss = ctx.state.spreadsheets[id];
  if (!ss || ctx.state.files[id]?.trashed || spreadsheetAccess(ctx.state, ss, ctx.users.effective) === 'none') {
    throw new Error(NO_ACCESS);
  }
  return spreadsheetObject(ctx, id);
}

/** Ref: https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app enums, as name strings. */
function enumOf<T extends string>(...names: T[]): Record<T, T> {
  return Object.fromEntries(names.map((n) => [n, n])) as Record<T, T>;
}

export function createSpreadsheetApp(ctx: ExecutionContext): GoogleAppsScript.Spreadsheet.SpreadsheetApp {
  const impl = {
    BorderStyle: enumOf('DOTTED', 'DASHED', 'SOLID', 'SOLID_MEDIUM', 'SOLID_THICK', 'DOUBLE'),
    ProtectionType: enumOf('RANGE', 'SHEET'),
    WrapStrategy: enumOf('WRAP', 'OVERFLOW', 'CLIP'),
    Dimension: enumOf('COLUMNS', 'ROWS'),
    Direction: enumOf('UP', 'DOWN', 'PREVIOUS', 'NEXT'),
    SheetType: enumOf('GRID', 'OBJECT', 'DATASOURCE'),
    DataValidationCriteria: enumOf(
      'VALUE_IN_LIST',
      'VALUE_IN_RANGE',
      'CHECKBOX',
      'TEXT_IS_VALID_EMAIL',
      'NUMBER_BETWEEN',
      'DATE_IS_VALID_DATE',
      'CUSTOM_FORMULA',
    ),
    /** Ref: SpreadsheetApp.create(name) — the new spreadsheet belongs to the effective user. */
    create(name: string, rows?: number, columns?: number): Spreadsheet {
      const ss = createSpreadsheetState(ctx.state, name, ctx.users.effective, ctx.now(), ctx.timeZone);
      const first = ss.sheets[0]!;
      if ((rows ?? 1000) * (columns ?? 26) > MAX_CELLS) {
        delete ctx.state.spreadsheets[ss.id];
        delete ctx.state.files[ss.id];
        throw new Error(TOO_MANY_CELLS);
      }
      if (rows !== undefined) first.maxRows = rows;
      if (columns !== undefined) first.maxColumns = columns;
      return spreadsheetObject(ctx, ss.id);
    },
    openById: (id: string) => openSpreadsheet(ctx, id),
    /** Ref: SpreadsheetApp.openByUrl — https://docs.google.com/spreadsheets/d/<id>/edit. */
    openByUrl(url: string): Spreadsheet {
      const m = /\/spreadsheets\/d\/([^/?#]+)/.exec(url);
      if (!m?.[1]) throw new Error(NO_ACCESS);
      return openSpreadsheet(ctx, m[1]);
    },
    /** Ref: SpreadsheetApp.getActiveSpreadsheet — null for a standalone script. */
    getActiveSpreadsheet: () => (ctx.activeSpreadsheetId ? spreadsheetObject(ctx, ctx.activeSpreadsheetId) : null),
    getActive: () => (ctx.activeSpreadsheetId ? spreadsheetObject(ctx, ctx.activeSpreadsheetId) : null),
    getActiveSheet(): Sheet | null {
      if (!ctx.activeSpreadsheetId) return null;
      const ss = getSpreadsheetState(ctx.state, ctx.activeSpreadsheetId);
      return sheetObject(ctx, ss.id, activeSheetId(ctx, ss));
    },
    setActiveSheet(sheet: Sheet): Sheet {
      const ref = sheetRefOf(sheet);
      setActiveSheet(ctx, ref.spreadsheetId, ref.sheetId);
      return sheet;
    },
    /** Ref: SpreadsheetApp.flush — the emulator writes immediately, so there is nothing pending. */
    flush(): void {},
    getUi: () => uiObject(ctx),
    newDataValidation: () => dataValidationBuilder(ctx, { criteria: '', values: [], allowInvalid: true, helpText: '' }),
    /** Conditional formats are accepted and not stored (Open: the simulator does not draw them). */
    newConditionalFormatRule: () => acceptingBuilder(ctx, 'ConditionalFormatRuleBuilder', 'ConditionalFormatRule'),
  };
  return wrap<GoogleAppsScript.Spreadsheet.SpreadsheetApp>(ctx, 'SpreadsheetApp', 'SpreadsheetApp', impl);
}

/** A builder whose every method returns itself and whose build() returns an opaque object of `builtClass`. */
function acceptingBuilder(ctx: ExecutionContext, className: string, builtClass: string): unknown {
  const self: unknown = new Proxy(
    {},
    {
      get(_target, prop) {
        if (typeof prop !== 'string' || prop === 'then' || prop === 'toJSON') return undefined;
        if (prop === 'build') {
          return () => {
            ctx.call('SpreadsheetApp', `${className}.build`);
            return wrap(ctx, 'SpreadsheetApp', builtClass, {});
          };
        }
        return () => {
          ctx.call('SpreadsheetApp', `${className}.${prop}`);
          return self;
        };
      },
    },
  );
  return self;
}

interface ValidationDraft {
  criteria: string;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string;
}

/**
 * Ref: DataValidationBuilder (https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder).
 * Rules are built and accepted but not stored; script writes are never checked against them (as on Google, where
 * validation applies to what users type).
 */
function dataValidationBuilder(
  ctx: ExecutionContext,
  d: ValidationDraft,
): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
  let self: GoogleAppsScript.Spreadsheet.DataValidationBuilder;
  const rule =
    (criteria: string) =>
    (...values: unknown[]) => {
      d.criteria = criteria;
      d.values = values;
      return self;
    };
  const impl = {
    requireValueInList: rule('VALUE_IN_LIST'),
    requireValueInRange: rule('VALUE_IN_RANGE'),
    requireCheckbox: rule('CHECKBOX'),
    requireTextIsEmail: rule('TEXT_IS_VALID_EMAIL'),
    requireNumberBetween: rule('NUMBER_BETWEEN'),
    requireDate: rule('DATE_IS_VALID_DATE'),
    requireFormulaSatisfied: rule('CUSTOM_FORMULA'),
    setAllowInvalid(allow: boolean) {
      d.allowInvalid = allow;
      return self;
    },
    setHelpText(text: string) {
      d.helpText = text;
      return self;
    },
    build() {
      const built = { ...d, values: [...d.values] };
      return wrap<GoogleAppsScript.Spreadsheet.DataValidation>(ctx, 'SpreadsheetApp', 'DataValidation', {
        getCriteriaType: () => built.criteria,
        getCriteriaValues: () => [...built.values],
        getAllowInvalid: () => built.allowInvalid,
        getHelpText: () => built.helpText,
        copy: () => dataValidationBuilder(ctx, { ...built, values: [...built.values] }),
      });
    },
  };
  self = wrap<GoogleAppsScript.Spreadsheet.DataValidationBuilder>(ctx, 'SpreadsheetApp', 'DataValidationBuilder', impl);
  return self;
}

export function spreadsheetObject(ctx: ExecutionContext, spreadsheetId: string): Spreadsheet {
  const impl = new EmuSpreadsheet(ctx, spreadsheetId);
  const self = wrap<Spreadsheet>(ctx, 'SpreadsheetApp', 'Spreadsheet', impl);
  impl.self = self;
  return self;
}

function emailOf(user: string | GoogleAppsScript.Base.User): string {
  return typeof user === 'string' ? user : user.getEmail();
}

function sameEmail(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

class EmuSpreadsheet implements Partial<Spreadsheet> {
  self!: Spreadsheet;

  constructor(
    private readonly ctx: ExecutionContext,
    private readonly id: string,
  ) {}

  private ss(): SpreadsheetState {
    return getSpreadsheetState(this.ctx.state, this.id);
  }

  private activeSheet(): Sheet {
    return sheetObject(this.ctx, this.id, activeSheetId(this.ctx, this.ss()));
  }

  getId(): string {
    return this.id;
  }

  /** Ref: Spreadsheet.getUrl — https://docs.google.com/spreadsheets/d/<id>/edit. */
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }

  getName(): string {
    return this.ss().name;
  }

  rename(newName: string): void {
    assertCanEditSpreadsheet(this.ctx, this.ss());
    this.ss().name = newName;
    const file = this.ctx.state.files[this.id];
    if (file) file.name = newName;
  }

  getSpreadsheetTimeZone(): string {
    return this.ss().timeZone;
  }

  setSpreadsheetTimeZone(timezone: string): void {
    assertCanEditSpreadsheet(this.ctx, this.ss());
    this.ss().timeZone = timezone;
  }

  /** Open: the spreadsheet locale is not in the state; en_US is what the display rules follow. */
  getSpreadsheetLocale(): string {
    return 'en_US';
  }

  // Sheets --------------------------------------------------------------------------------------------------------

  getSheets(): Sheet[] {
    return this.ss().sheets.map((s) => sheetObject(this.ctx, this.id, s.sheetId));
  }

  getNumSheets(): number {
    return this.ss().sheets.length;
  }

  /** Ref: Spreadsheet.getSheetByName — null when there is no such sheet. */
  getSheetByName(name: string): Sheet | null {
    const sheet = this.ss().sheets.find((s) => s.name === name);
    return sheet ? sheetObject(this.ctx, this.id, sheet.sheetId) : null;
  }

  getSheetById(id: number): Sheet | null {
    const sheet = this.ss().sheets.find((s) => s.sheetId === id);
    return sheet ? sheetObject(this.ctx, this.id, sheet.sheetId) : null;
  }

  /**
   * Ref: Spreadsheet.insertSheet(sheetName?, sheetIndex?) — sheetIndex is 0-based; a new sheet becomes active;
   * a taken name throws. Default names are "SheetN" (first free N).
   */
  insertSheet(a?: string | number | object, b?: number | object): Sheet {
    const ss = this.ss();
    assertCanEditSpreadsheet(this.ctx, ss);
    const name = typeof a === 'string' ? a : undefined;
    const index = typeof a === 'number' ? a : typeof b === 'number' ? b : ss.sheets.length;
    let sheetName = name;
    if (sheetName === undefined) {
      let n = ss.sheets.length + 1;
      while (ss.sheets.some((s) => s.name.toLowerCase() === `sheet${n}`)) n++;
      sheetName = `Sheet${n}`;
    }
    const taken = sheetName.toLowerCase();
    if (ss.sheets.some((s) => s.name.toLowerCase() === taken)) throw duplicateSheetName(sheetName);
    assertCellBudget(ss, 1000 * 26);
    const sheet = newSheetState(ss.nextSheetId, sheetName);
    ss.nextSheetId += 1;
    ss.sheets.splice(Math.max(0, Math.min(index, ss.sheets.length)), 0, sheet);
    setActiveSheet(this.ctx, this.id, sheet.sheetId);
    return sheetObject(this.ctx, this.id, sheet.sheetId);
  }

  /** Ref: Spreadsheet.deleteSheet. Open: the wording when the last sheet would go. */
  deleteSheet(sheet: Sheet): void {
    const ss = this.ss();
    assertCanEditSpreadsheet(this.ctx, ss);
    const id = sheetRefOf(sheet).sheetId;
    const target = ss.sheets.find((s) => s.sheetId === id);
    if (!target) throw new Error('Emulator: the sheet is not in this spreadsheet.');
    if (ss.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    const u = this.ctx.users.effective.toLowerCase();
    const owner = ss.owner.toLowerCase() === u;
    if (!owner && target.protections.some((p) => !p.warningOnly && !p.editors.some((e) => e.toLowerCase() === u))) {
      throw new Error(
        'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
      );
    }
    ss.sheets = ss.sheets.filter((s) => s.sheetId !== id);
  }

  getActiveSheet(): Sheet {
    return this.activeSheet();
  }

  setActiveSheet(sheet: Sheet): Sheet {
    setActiveSheet(this.ctx, this.id, sheetRefOf(sheet).sheetId);
    return sheet;
  }

  /** Ref: Spreadsheet.moveActiveSheet(pos) — pos is 1-based. */
  moveActiveSheet(pos: number): void {
    const ss = this.ss();
    assertCanEditSpreadsheet(this.ctx, ss);
    const id = activeSheetId(this.ctx, ss);
    const sheet = ss.sheets.find((s) => s.sheetId === id)!;
    ss.sheets = ss.sheets.filter((s) => s.sheetId !== id);
    ss.sheets.splice(Math.max(0, Math.min(pos - 1, ss.sheets.length)), 0, sheet);
  }

  // Shortcuts on the active sheet ---------------------------------------------------------------------------------

  getDataRange(): GoogleAppsScript.Spreadsheet.Range {
    return this.activeSheet().getDataRange();
  }

  getLastRow(): number {
    return this.activeSheet().getLastRow();
  }

  getLastColumn(): number {
    return this.activeSheet().getLastColumn();
  }

  appendRow(rowContents: unknown[]): Sheet {
    return this.activeSheet().appendRow(rowContents);
  }

  /** Ref: Spreadsheet.getRange(a1Notation) — "Sheet1!A1:B2", or the active sheet without a sheet name. */
  getRange(a1Notation: string): GoogleAppsScript.Spreadsheet.Range {
    const ref = parseA1(a1Notation);
    const ss = this.ss();
    const sheet =
      ref.sheetName === null
        ? ss.sheets.find((s) => s.sheetId === activeSheetId(this.ctx, ss))
        : ss.sheets.find((s) => s.name === ref.sheetName);
    if (!sheet) throw new Error('Range not found');
    return rangeFromA1(this.ctx, this.id, sheet, a1Notation);
  }

  createTextFinder(findText: string): GoogleAppsScript.Spreadsheet.TextFinder {
    return createTextFinder(this.ctx, this.id, findText, () =>
      this.ss().sheets.map((s) => ({
        spreadsheetId: this.id,
        sheetId: s.sheetId,
        row: 1,
        column: 1,
        numRows: Math.max(1, lastRow(s)),
        numColumns: Math.max(1, lastColumn(s)),
      })),
    );
  }

  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): GoogleAppsScript.Spreadsheet.Protection[] {
    const wanted = String(type);
    return this.ss().sheets.flatMap((s) =>
      s.protections.filter((p) => p.type === wanted).map((p) => protectionObject(this.ctx, this.id, s.sheetId, p.id)),
    );
  }

  // Named ranges --------------------------------------------------------------------------------------------------

  /** Ref: Spreadsheet.setNamedRange(name, range). */
  setNamedRange(name: string, range: GoogleAppsScript.Spreadsheet.Range): void {
    assertCanEditSpreadsheet(this.ctx, this.ss());
    const a = addressOf(range);
    const sheet = this.ss().sheets.find((s) => s.sheetId === a.sheetId);
    if (a.spreadsheetId !== this.id || !sheet) throw new Error('Emulator: the range is not in this spreadsheet.');
    this.ss().namedRanges[name] = `${quoteSheetName(sheet.name)}!${toA1(a.row, a.column, a.numRows, a.numColumns)}`;
  }

  /** Ref: Spreadsheet.getRangeByName — null when no such named range. */
  getRangeByName(name: string): GoogleAppsScript.Spreadsheet.Range | null {
    const a1 = this.ss().namedRanges[name];
    if (!a1) return null;
    const ref = parseA1(a1);
    const sheet = this.ss().sheets.find((s) => s.name === ref.sheetName);
    if (!sheet) return null;
    return rangeObject(this.ctx, {
      spreadsheetId: this.id,
      sheetId: sheet.sheetId,
      row: ref.startRow,
      column: ref.startColumn,
      numRows: (ref.endRow ?? sheet.maxRows) - ref.startRow + 1,
      numColumns: (ref.endColumn ?? sheet.maxColumns) - ref.startColumn + 1,
    });
  }

  removeNamedRange(name: string): void {
    assertCanEditSpreadsheet(this.ctx, this.ss());
    delete this.ss().namedRanges[name];
  }

  // Sharing -------------------------------------------------------------------------------------------------------

  private assertCanShare(): SpreadsheetState {
    const ss = this.ss();
    const access = spreadsheetAccess(this.ctx.state, ss, this.ctx.users.effective);
    // Open: Google's wording when a viewer tries to share.
    if (access !== 'owner' && access !== 'edit') throw new Error('Access denied: DriveApp.');
    return ss;
  }

  addEditor(user: string | GoogleAppsScript.Base.User): Spreadsheet {
    return this.addEditors([emailOf(user)]);
  }

  addEditors(emailAddresses: string[]): Spreadsheet {
    const ss = this.assertCanShare();
    for (const email of emailAddresses) {
      if (sameEmail(email, ss.owner) || ss.editors.some((e) => sameEmail(e, email))) continue;
      ss.editors.push(email);
      ss.viewers = ss.viewers.filter((v) => !sameEmail(v, email));
    }
    return this.self;
  }

  removeEditor(user: string | GoogleAppsScript.Base.User): Spreadsheet {
    const ss = this.assertCanShare();
    const email = emailOf(user);
    ss.editors = ss.editors.filter((e) => !sameEmail(e, email));
    return this.self;
  }

  /** Ref: Spreadsheet.getEditors. Open: whether the owner is listed (chosen: first, as Drive shows it). */
  getEditors(): GoogleAppsScript.Base.User[] {
    const ss = this.ss();
    if (spreadsheetAccess(this.ctx.state, ss, this.ctx.users.effective) === 'view') return [];
    return [ss.owner, ...ss.editors].map((e) => userObject(this.ctx, 'SpreadsheetApp', e));
  }

  addViewer(user: string | GoogleAppsScript.Base.User): Spreadsheet {
    return this.addViewers([emailOf(user)]);
  }

  /** Ref: Spreadsheet.addViewer — "If the user was already on the list of editors, this method has no effect." */
  addViewers(emailAddresses: string[]): Spreadsheet {
    const ss = this.assertCanShare();
    for (const email of emailAddresses) {
      if (sameEmail(email, ss.owner) || ss.editors.some((e) => sameEmail(e, email))) continue;
      if (!ss.viewers.some((v) => sameEmail(v, email))) ss.viewers.push(email);
    }
    return this.self;
  }

  removeViewer(user: string | GoogleAppsScript.Base.User): Spreadsheet {
    const ss = this.assertCanShare();
    const email = emailOf(user);
    ss.viewers = ss.viewers.filter((e) => !sameEmail(e, email));
    return this.self;
  }

  getViewers(): GoogleAppsScript.Base.User[] {
    const ss = this.ss();
    if (spreadsheetAccess(this.ctx.state, ss, this.ctx.users.effective) === 'view') return [];
    return ss.viewers.map((e) => userObject(this.ctx, 'SpreadsheetApp', e));
  }

  getOwner(): GoogleAppsScript.Base.User {
    return userObject(this.ctx, 'SpreadsheetApp', this.ss().owner);
  }

  // UI ------------------------------------------------------------------------------------------------------------

  /**
   * Ref: Spreadsheet.toast — shows a popup in the lower right; recorded for the host. Where there is no UI (triggers)
   * nothing shows and nothing fails.
   */
  toast(msg: string, title?: string, _timeoutSeconds?: number | null): void {
    if (this.ctx.uiAvailable === false) return;
    this.ctx.ui.toasts.push({ message: String(msg), title: title ?? '' });
  }

  addMenu(name: string, subMenus: ({ name: string; functionName: string } | null)[]): void {
    const menu = {
      caption: name,
      items: subMenus.filter((m) => m !== null).map((m) => ({ caption: m.name, functionName: m.functionName })),
    };
    const ss = this.ss();
    ss.menus = [...ss.menus.filter((m) => m.caption !== name), menu];
    const shown = this.ctx.ui.menus.findIndex((m) => m.caption === name);
    if (shown >= 0) this.ctx.ui.menus.splice(shown, 1);
    this.ctx.ui.menus.push(menu);
  }
}
