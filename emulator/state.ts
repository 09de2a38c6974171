// The emulator's whole persistent world as plain data: what survives between executions (sheets, forms, files, properties, triggers, mail).

/** A cell as Apps Script's getValues() returns it: a Date for dates, never undefined. */
export type CellValue = string | number | boolean | Date;

export interface SheetState {
  sheetId: number;
  name: string;
  /** Row-major; ragged rows are allowed and read as ''. */
  values: CellValue[][];
  /** A formula string ('=...') per cell, '' where the cell holds a plain value. Same shape rules as values. */
  formulas: string[][];
  /** Number format per cell ('' = automatic); '@' is plain text. */
  numberFormats: string[][];
  frozenRows: number;
  frozenColumns: number;
  hidden: boolean;
  /** Sheet-level and range-level protections; editors are e-mail addresses. */
  protections: ProtectionState[];
  /** Dimensions as the grid has them (maxRows/maxColumns), independent of data. */
  maxRows: number;
  maxColumns: number;
  columnWidths: Record<number, number>;
  /** Charts embedded in the sheet (kept as their builder options; the simulator draws them). */
  charts: ChartState[];
  tabColor: string | null;
}

export interface ProtectionState {
  id: string;
  type: 'SHEET' | 'RANGE';
  /** A1 notation for RANGE protections. */
  a1: string | null;
  description: string;
  editors: string[];
  warningOnly: boolean;
}

export interface ChartState {
  chartId: number;
  type: string;
  ranges: string[];
  options: Record<string, unknown>;
  position: { row: number; column: number };
}

export interface SpreadsheetState {
  id: string;
  name: string;
  owner: string;
  timeZone: string;
  sheets: SheetState[];
  /** Editors and viewers beyond the owner. */
  editors: string[];
  viewers: string[];
  nextSheetId: number;
  /** Menus added with Ui.createMenu(...).addToUi() in the last onOpen, per user. */
  menus: MenuState[];
  /** Named ranges: name -> A1 notation with sheet. */
  namedRanges: Record<string, string>;
}

export interface MenuState {
  caption: string;
  items: { caption: string; functionName: string }[];
}

export type FormItemType =
  | 'TEXT'
  | 'PARAGRAPH_TEXT'
  | 'MULTIPLE_CHOICE'
  | 'LIST'
  | 'CHECKBOX'
  | 'DATE'
  | 'FILE_UPLOAD'
  | 'SECTION_HEADER'
  | 'PAGE_BREAK';

export interface FormItemValidationState {
  /** e.g. 'TEXT_REGEX_MATCH', 'TEXT_LENGTH_MAX', 'TEXT_IS_EMAIL', 'CHECKBOX_AT_LEAST'. */
  kind: string;
  args: (string | number)[];
  helpText: string;
}

export interface FormItemState {
  id: number;
  type: FormItemType;
  title: string;
  helpText: string;
  required: boolean;
  choices: string[];
  hasOtherOption: boolean;
  validation: FormItemValidationState | null;
}

export interface ItemResponseState {
  itemId: number;
  /** string for text/choice/date ('yyyy-MM-dd'), string[] for checkbox and file upload (Drive file IDs). */
  response: string | string[];
}

export interface FormResponseState {
  id: string;
  timestamp: Date;
  respondentEmail: string;
  items: ItemResponseState[];
  /** Bumped on every edit through the edit URL. */
  revision: number;
}

export interface FormState {
  id: string;
  title: string;
  description: string;
  owner: string;
  items: FormItemState[];
  responses: FormResponseState[];
  acceptingResponses: boolean;
  collectEmail: boolean;
  allowResponseEdits: boolean;
  limitOneResponsePerUser: boolean;
  requireLogin: boolean;
  confirmationMessage: string;
  /** sheetId: the linked "Form Responses N" sheet (it keeps the link when renamed), set on the first setDestination. */
  destination: { type: 'SPREADSHEET'; id: string; sheetId?: number } | null;
  nextItemId: number;
}

export interface DriveFileState {
  id: string;
  name: string;
  mimeType: string;
  /** Base64 of the bytes. */
  content: string;
  parents: string[];
  owner: string;
  editors: string[];
  viewers: string[];
  sharing: { access: string; permission: string };
  trashed: boolean;
  created: Date;
  description: string;
}

export interface DriveFolderState {
  id: string;
  name: string;
  parents: string[];
  owner: string;
  editors: string[];
  viewers: string[];
  trashed: boolean;
  /** Link sharing as Folder.setSharing sets it; absent means private. */
  sharing?: { access: string; permission: string };
}

export type TriggerEventType = 'CLOCK' | 'ON_FORM_SUBMIT' | 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE';

export interface TriggerState {
  uid: string;
  handlerFunction: string;
  eventType: TriggerEventType;
  /** 'SPREADSHEETS' | 'FORMS' | 'CLOCK' */
  source: 'SPREADSHEETS' | 'FORMS' | 'CLOCK';
  sourceId: string | null;
  /** The account that created it: installable triggers run as this user. */
  owner: string;
  /** CLOCK only. */
  schedule: {
    everyMinutes?: number;
    everyHours?: number;
    atHour?: number;
    nearMinute?: number;
    everyDays?: number;
    onWeekDay?: number;
    onMonthDay?: number;
    at?: Date;
    /** Weekly triggers: every n weeks (onWeekDay). */
    everyWeeks?: number;
    /** atDate(year, month, day): a one-off near midnight of that day. */
    atDate?: { year: number; month: number; day: number };
    /** When the trigger was created: every-n-days/weeks count from this day. */
    anchorAt?: Date;
  } | null;
  nextRunAt: Date | null;
}

export interface SentMail {
  id: string;
  from: string;
  to: string;
  cc: string;
  bcc: string;
  replyTo: string;
  subject: string;
  body: string;
  htmlBody: string;
  name: string;
  attachments: { name: string; mimeType: string; size: number }[];
  sentAt: Date;
  /** 'MailApp' or 'GmailApp'. */
  via: string;
}

export interface ExecutionRecord {
  id: string;
  functionName: string;
  /** 'EDITOR' | 'MENU' | 'TRIGGER' | 'WEBAPP' | 'SCRIPT_RUN' | 'SIMPLE_TRIGGER' */
  kind: string;
  user: string;
  startedAt: Date;
  durationMs: number;
  status: 'COMPLETED' | 'FAILED' | 'TIMED_OUT';
  error: string | null;
  logs: string[];
}

export interface EmulatorState {
  version: 1;
  scriptId: string;
  owner: string;
  /** Emulated clock, ms since epoch. */
  now: number;
  /** The bound (container) spreadsheet, if any. */
  containerSpreadsheetId: string | null;
  spreadsheets: Record<string, SpreadsheetState>;
  forms: Record<string, FormState>;
  files: Record<string, DriveFileState>;
  folders: Record<string, DriveFolderState>;
  rootFolderId: string;
  scriptProperties: Record<string, string>;
  userProperties: Record<string, Record<string, string>>;
  documentProperties: Record<string, Record<string, string>>;
  /** CacheService: scope key ('script' | 'user:<email>' | 'document:<id>') -> key -> entry. */
  cache: Record<string, Record<string, { value: string; expiresAt: number; insertedAt: number }>>;
  triggers: TriggerState[];
  mail: SentMail[];
  /** Recipients sent per user per quota window: user -> { windowStart ms, used }. */
  mailQuota: Record<string, { windowStart: number; used: number }>;
  executions: ExecutionRecord[];
  /** Monotonic counters for IDs. */
  seq: number;
}
