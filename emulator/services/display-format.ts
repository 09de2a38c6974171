// How the emulated spreadsheet turns typed text into cell values (USER_ENTERED-like) and cell values into display strings.

import type { CellValue } from '../state';
import { WEEKDAYS as DAY_NAMES, MONTHS } from './utilities-format-date';

const partsCache = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    partsCache.set(timeZone, f);
  }
  return f;
}

/** Wall-clock fields of an instant in a time zone. */
export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday. */
  weekday: number;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The wall-clock fields of `date` in `timeZone`. */
export function zonedParts(date: Date, timeZone: string): ZonedParts {
  const out: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(date)) out[p.type] = p.value;
  return {
    year: Number(out.year),
    month: Number(out.month),
    day: Number(out.day),
    hour: Number(out.hour),
    minute: Number(out.minute),
    second: Number(out.second),
    millisecond: Math.max(0, date.getTime() % 1000),
    weekday: WEEKDAYS.indexOf(out.weekday ?? 'Sun'),
  };
}

/** The instant whose wall clock in `timeZone` reads the given fields. */
export function zonedDate(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): Date {
  const wanted = Date.UTC(year, month - 1, day, hour, minute, second);
  let guess = wanted;
  for (let i = 0; i < 3; i++) {
    const p = zonedParts(new Date(guess), timeZone);
    const seen = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    if (seen === wanted) break;
    guess += wanted - seen;
  }
  return new Date(guess);
}

/** Sheets' date serial epoch (30 Dec 1899) — day numbers for dates, as Sheets stores them. */
function serialToDate(serial: number, timeZone: string): Date {
  const days = Math.floor(serial);
  const ms = Math.round((serial - days) * 86_400_000);
  const base = new Date(Date.UTC(1899, 11, 30) + days * 86_400_000);
  const d = zonedDate(timeZone, base.getUTCFullYear(), base.getUTCMonth() + 1, base.getUTCDate());
  return new Date(d.getTime() + ms);
}

/** The result of typing text into a cell: a value, or a formula. */
export interface Entered {
  value: CellValue;
  formula: string;
  /** A number format Sheets assigns on entry (dates typed as yyyy-mm-dd keep that pattern), or null. */
  format: string | null;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const PERCENT = /^([+-]?(\d+\.?\d*|\.\d+))%$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * Sheets keeps 15 significant digits, so a 16-digit NIK typed into an automatic cell loses its last digit.
 * Open: community-known behaviour (IEEE/15-digit display precision), not in Apps Script's reference.
 */
function toSheetsNumber(n: number): number {
  return Number(n.toPrecision(15));
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * What a cell holds after a script writes `raw` with setValue/setValues/appendRow.
 * Ref: Range.setValue — "If it begins with '=' it is interpreted as a formula"
 * (https://developers.google.com/apps-script/reference/spreadsheet/range#setValue(Object)); strings are parsed as
 * if typed (numbers, booleans, dates) unless the cell is formatted as plain text '@'. Open: the parse rules beyond
 * numbers/TRUE/FALSE/ISO and M/d/yyyy dates follow the en_US locale and are not exhaustive.
 */
export function enterValue(raw: unknown, cellFormat: string, timeZone: string): Entered {
  if (raw === null || raw === undefined) return { value: '', formula: '', format: null };
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return { value: String(raw), formula: '', format: null };
    return { value: raw, formula: '', format: null };
  }
  if (typeof raw === 'boolean') return { value: raw, formula: '', format: null };
  if (raw instanceof Date || Object.prototype.toString.call(raw) === '[object Date]') {
    return { value: new Date((raw as Date).getTime()), formula: '', format: null };
  }
  const text = String(raw);
  // Open (docs/reference/apps-script-runtime.md §5 item 1): whether '@' alone stops a formula is unconfirmed; the
  // conservative choice is that '=' always makes a formula, so the program must escape user text itself.
  if (text.startsWith('=') && text.length > 1) return { value: '', formula: text, format: null };
  if (cellFormat === '@') return { value: text, formula: '', format: null };
  // Open: a leading apostrophe forces text; Sheets hides it and getValues returns the text without it (unconfirmed).
  if (text.startsWith("'")) return { value: text.slice(1), formula: '', format: null };
  const t = text.trim();
  if (t === '') return { value: text, formula: '', format: null };
  const upper = t.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { value: upper === 'TRUE', formula: '', format: null };
  if (NUMBER.test(t)) return { value: toSheetsNumber(Number(t)), formula: '', format: null };
  if (GROUPED.test(t)) return { value: toSheetsNumber(Number(t.replace(/,/g, ''))), formula: '', format: null };
  const pct = PERCENT.exec(t);
  if (pct?.[1]) return { value: Number(pct[1]) / 100, formula: '', format: '0%' };
  const iso = ISO_DATE.exec(t);
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (validDate(y, m, d)) {
      const hasTime = iso[4] !== undefined;
      const date = zonedDate(timeZone, y, m, d, Number(iso[4] ?? 0), Number(iso[5] ?? 0), Number(iso[6] ?? 0));
      return { value: date, formula: '', format: hasTime ? 'yyyy-mm-dd h:mm:ss' : 'yyyy-mm-dd' };
    }
  }
  const us = US_DATE.exec(t);
  if (us) {
    const [m, d, y] = [Number(us[1]), Number(us[2]), Number(us[3])];
    if (validDate(y, m, d)) {
      const hasTime = us[4] !== undefined;
      const date = zonedDate(timeZone, y, m, d, Number(us[4] ?? 0), Number(us[5] ?? 0), Number(us[6] ?? 0));
      return { value: date, formula: '', format: hasTime ? 'm/d/yyyy h:mm:ss' : 'm/d/yyyy' };
    }
  }
  const time = TIME.exec(t);
  if (time && Number(time[1]) < 24 && Number(time[2]) < 60 && Number(time[3] ?? 0) < 60) {
    // A time of day is a date on Sheets' epoch day (30 Dec 1899), as getValues returns it.
    const date = zonedDate(timeZone, 1899, 12, 30, Number(time[1]), Number(time[2]), Number(time[3] ?? 0));
    return { value: date, formula: '', format: time[3] === undefined ? 'h:mm' : 'h:mm:ss' };
  }
  return { value: text, formula: '', format: null };
}

/**
 * Open: the default display of a Date in an automatic-format cell. Sheets (en_US locale) shows 'M/d/yyyy H:mm:ss';
 * the spreadsheet locale changes it on a real sheet.
 */
export const DEFAULT_DATE_TIME_FORMAT = 'm/d/yyyy h:mm:ss';

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** True when a Sheets number format is a date/time pattern. */
export function isDateFormat(format: string): boolean {
  const bare = format.replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return /[dy]|h|s|am\/pm/i.test(bare) && !/^[#0,.%]*$/.test(bare);
}

/**
 * Formats a date with a Sheets date pattern (yyyy, yy, mmmm, mmm, mm, m, dddd, ddd, dd, d, hh, h, mm after h, ss,
 * AM/PM). Ref: https://developers.google.com/sheets/api/guides/formats#date_and_time_format_patterns
 */
export function formatDatePattern(date: Date, pattern: string, timeZone: string): string {
  const p = zonedParts(date, timeZone);
  const tokens = pattern.match(/"[^"]*"|\\.|yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am\/pm|a\/p|./gi) ?? [];
  const ampm = tokens.some((t) => /^(am\/pm|a\/p)$/i.test(t));
  let out = '';
  let lastWasHour = false;
  tokens.forEach((tok, i) => {
    const lower = tok.toLowerCase();
    const nextTimeToken =
      tokens
        .slice(i + 1)
        .find((t) => /^[a-z]/i.test(t))
        ?.toLowerCase() ?? '';
    const minuteContext = lastWasHour || nextTimeToken.startsWith('s');
    let piece: string;
    if (tok.startsWith('"')) piece = tok.slice(1, -1);
    else if (tok.startsWith('\\')) piece = tok.slice(1);
    else if (lower === 'yyyy') piece = pad(p.year, 4);
    else if (lower === 'yy') piece = pad(p.year % 100, 2);
    else if (lower === 'mmmm') piece = MONTHS[p.month - 1] ?? '';
    else if (lower === 'mmm') piece = (MONTHS[p.month - 1] ?? '').slice(0, 3);
    else if (lower === 'mm') piece = minuteContext ? pad(p.minute, 2) : pad(p.month, 2);
    else if (lower === 'm') piece = minuteContext ? String(p.minute) : String(p.month);
    else if (lower === 'dddd') piece = DAY_NAMES[p.weekday] ?? '';
    else if (lower === 'ddd') piece = (DAY_NAMES[p.weekday] ?? '').slice(0, 3);
    else if (lower === 'dd') piece = pad(p.day, 2);
    else if (lower === 'd') piece = String(p.day);
    else if (lower === 'hh' || lower === 'h') {
      const h = ampm ? p.hour % 12 || 12 : p.hour;
      piece = lower === 'hh' ? pad(h, 2) : String(h);
    } else if (lower === 'ss') piece = pad(p.second, 2);
    else if (lower === 's') piece = String(p.second);
    else if (lower === 'am/pm') piece = p.hour < 12 ? 'AM' : 'PM';
    else if (lower === 'a/p') piece = p.hour < 12 ? 'A' : 'P';
    else piece = tok;
    if (/^h+$/.test(lower)) lastWasHour = true;
    else if (/^[a-z]/i.test(tok) && !tok.startsWith('"')) lastWasHour = false;
    out += piece;
  });
  return out;
}

function groupThousands(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Formats a number with a simple Sheets number pattern ('0', '0.00', '#,##0.00', '0%'); other patterns fall back. */
export function formatNumberPattern(value: number, pattern: string): string {
  const percent = pattern.includes('%');
  const n = percent ? value * 100 : value;
  const core = pattern.replace(/"[^"]*"/g, '').replace(/[^#0,.]/g, '');
  const dot = core.indexOf('.');
  const decimals = dot < 0 ? 0 : core.slice(dot + 1).replace(/[^0#]/g, '').length;
  const grouped = core.includes(',');
  const fixed = Math.abs(n).toFixed(decimals);
  const [intPart = '0', frac] = fixed.split('.');
  const body = (grouped ? groupThousands(intPart) : intPart) + (frac ? `.${frac}` : '');
  const sign = n < 0 && Number(fixed) !== 0 ? '-' : '';
  return `${sign}${body}${percent ? '%' : ''}`;
}

/**
 * Sheets' automatic number display. Open: Sheets switches to scientific notation for long numbers
 * (a 16-digit NIK shows as 7.10123E+15); the exact thresholds are not documented.
 */
export function formatAutomaticNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  if (Math.abs(value) >= 1e15) {
    const [mant = '0', exp = '0'] = value.toExponential(5).split('e');
    const trimmed = mant.replace(/\.?0+$/, '');
    const e = Number(exp);
    return `${trimmed}E${e < 0 ? '-' : '+'}${pad(Math.abs(e), 2)}`;
  }
  return String(Number(value.toPrecision(10)));
}

/**
 * The string getDisplayValues returns for one cell. Ref: Range.getDisplayValues — "the displayed value… takes into
 * account date, time and currency formatting" (https://developers.google.com/apps-script/reference/spreadsheet/range#getDisplayValues()).
 * Formula cells are not evaluated by the emulator, so their display is ''.
 */
export function displayValue(value: CellValue, format: string, timeZone: string): string {
  if (value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]') {
    const date = value as Date;
    if (format && format !== '@' && isDateFormat(format)) return formatDatePattern(date, format, timeZone);
    return formatDatePattern(date, DEFAULT_DATE_TIME_FORMAT, timeZone);
  }
  const n = value as number;
  if (!format || format.toLowerCase() === 'general') return formatAutomaticNumber(n);
  if (format === '@') return String(n);
  if (isDateFormat(format)) return formatDatePattern(serialToDate(n, timeZone), format, timeZone);
  return formatNumberPattern(n, format);
}
