// Business-time arithmetic (working hours, holidays) on UTC milliseconds with a fixed offset: SLA clocks for the SOP steps.

/**
 * The office's working calendar. Times are local ("HH:mm", 24-hour; "24:00" allowed as an end); days are ISO
 * weekdays 1 = Monday .. 7 = Sunday; a day absent or with no intervals is not a working day. Holidays are local dates.
 */
export interface WorkCalendar {
  utcOffsetMinutes: number;
  workingHours: Record<number, { start: string; end: string }[]>;
  holidays: string[];
}

/**
 * Default calendar for a Pemda in Sulawesi Utara (WITA, UTC+8, no DST; bsre-domain.md §3.4):
 * Monday–Thursday 08:00–16:00 with the midday break 12:00–13:00; Friday 08:00–16:30 with the longer break
 * 11:30–13:00 for Friday prayers; Saturday and Sunday off. That is 7 working hours each day, 35 a week.
 * Open: the Bupati's own regulation on working hours was not available; Perpres 21/2023 sets the national frame
 * (37.5 hours a week) and local rules differ, so the Pengaturan sheet overrides all of it.
 * Holidays are empty on purpose: the national list (SKB 3 Menteri) and cuti bersama change every year and must
 * come from the Pengaturan sheet; a half-right built-in list would silently distort SLAs.
 */
export const DEFAULT_CALENDAR: WorkCalendar = {
  utcOffsetMinutes: 480,
  workingHours: {
    1: [
      { start: '08:00', end: '12:00' },
      { start: '13:00', end: '16:00' },
    ],
    2: [
      { start: '08:00', end: '12:00' },
      { start: '13:00', end: '16:00' },
    ],
    3: [
      { start: '08:00', end: '12:00' },
      { start: '13:00', end: '16:00' },
    ],
    4: [
      { start: '08:00', end: '12:00' },
      { start: '13:00', end: '16:00' },
    ],
    5: [
      { start: '08:00', end: '11:30' },
      { start: '13:00', end: '16:30' },
    ],
    6: [],
    7: [],
  },
  holidays: [],
};

const MINUTE_MS = 60000;
const DAY_MS = 86400000;
/** How far addBusinessMinutes searches for working time before deciding the calendar has none (about 10 years). */
const MAX_SEARCH_DAYS = 3700;

/** Minutes since local midnight of "HH:mm" (00:00..24:00), or null when unreadable. */
function parseClock(text: string): number | null {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(text.trim());
  if (!match) return null;
  const h = Number(match[1]);
  const m = Number(match[2]);
  if (m > 59 || h > 24 || (h === 24 && m !== 0)) return null;
  return h * 60 + m;
}

/** The local day number (days since 1970-01-01 local) of an instant. */
function localDay(ms: number, cal: WorkCalendar): number {
  return Math.floor((ms + cal.utcOffsetMinutes * MINUTE_MS) / DAY_MS);
}

/** ISO weekday (1 = Monday) of a local day number; 1970-01-01 was a Thursday. */
function weekdayOf(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

function dateKey(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The working intervals of a local day as UTC ms [start, end), sorted and merged; empty on holidays. */
function dayIntervals(day: number, cal: WorkCalendar, holidays: Set<string>): [number, number][] {
  if (holidays.has(dateKey(day))) return [];
  const spec = cal.workingHours[weekdayOf(day)] ?? [];
  const base = day * DAY_MS - cal.utcOffsetMinutes * MINUTE_MS;
  const raw: [number, number][] = [];
  for (const { start, end } of spec) {
    const s = parseClock(start);
    const e = parseClock(end);
    if (s === null || e === null || e <= s) continue;
    raw.push([base + s * MINUTE_MS, base + e * MINUTE_MS]);
  }
  raw.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const iv of raw) {
    const last = merged[merged.length - 1];
    if (last !== undefined && iv[0] <= last[1]) last[1] = Math.max(last[1], iv[1]);
    else merged.push([iv[0], iv[1]]);
  }
  return merged;
}

/**
 * Working milliseconds in [start, end): the exact quantity behind businessMinutesBetween, for callers (and tests)
 * that must add durations without rounding. 0 when end is not after start.
 */
export function businessMillisBetween(start: Date, end: Date, cal: WorkCalendar): number {
  const a = start.getTime();
  const b = end.getTime();
  if (!(b > a)) return 0;
  const holidays = new Set(cal.holidays);
  let total = 0;
  for (let day = localDay(a, cal); day <= localDay(b, cal); day++) {
    for (const [s, e] of dayIntervals(day, cal, holidays)) {
      const lo = Math.max(s, a);
      const hi = Math.min(e, b);
      if (hi > lo) total += hi - lo;
    }
  }
  return total;
}

/**
 * Working minutes between two instants (fractional; 0 when end is not after start). This is how a step's time is
 * held against the SOP's standard: nights, weekends, breaks and holidays do not count against the official.
 */
export function businessMinutesBetween(start: Date, end: Date, cal: WorkCalendar): number {
  return businessMillisBetween(start, end, cal) / MINUTE_MS;
}

/**
 * The instant at which `minutes` working minutes have passed since `start`: the deadline of a step that started at
 * `start`. 0 minutes gives `start` itself. Throws RangeError for negative or non-finite minutes, and when the
 * calendar has no working time in the next ten years.
 */
export function addBusinessMinutes(start: Date, minutes: number, cal: WorkCalendar): Date {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`minutes must be >= 0, got ${minutes}`);
  let remaining = Math.round(minutes * MINUTE_MS);
  const a = start.getTime();
  if (remaining === 0) return new Date(a);
  const holidays = new Set(cal.holidays);
  const first = localDay(a, cal);
  for (let day = first; day <= first + MAX_SEARCH_DAYS; day++) {
    for (const [s, e] of dayIntervals(day, cal, holidays)) {
      const lo = Math.max(s, a);
      if (e <= lo) continue;
      if (e - lo >= remaining) return new Date(lo + remaining);
      remaining -= e - lo;
    }
  }
  throw new RangeError('the calendar has no working time');
}

/** Whether an instant falls inside working hours (start inclusive, end exclusive) on a non-holiday. */
export function isWorkingTime(t: Date, cal: WorkCalendar): boolean {
  const ms = t.getTime();
  return dayIntervals(localDay(ms, cal), cal, new Set(cal.holidays)).some(([s, e]) => ms >= s && ms < e);
}

/** The Pengaturan labels of the calendar settings, and the day names used in them. */
export const CALENDAR_SETTING_LABELS = {
  offset: 'Selisih waktu dari UTC (menit)',
  workingHoursPrefix: 'Jam kerja',
  holiday: 'Hari libur',
} as const;

const DAY_NAMES: Record<number, string> = {
  1: 'Senin',
  2: 'Selasa',
  3: 'Rabu',
  4: 'Kamis',
  5: 'Jumat',
  6: 'Sabtu',
  7: 'Minggu',
};

/** Indonesian errors of reading the calendar settings; each names the sheet row (1-based). */
const CALENDAR_ERRORS = {
  offset: (row: number, value: string) =>
    `Baris ${row}: selisih waktu "${value}" harus angka menit antara -720 dan 840 (WITA = 480).`,
  hours: (row: number, day: string, value: string) =>
    `Baris ${row}: jam kerja ${day} "${value}" tidak terbaca. Tulis seperti "08:00-12:00, 13:00-16:00", atau "Libur".`,
  holiday: (row: number, value: string) =>
    `Baris ${row}: hari libur "${value}" bukan tanggal yang sah. Tulis dengan format yyyy-MM-dd, misalnya 2026-08-17.`,
} as const;

function cellText(cell: unknown): string {
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number') return String(cell);
  return '';
}

function parseIntervals(text: string): { start: string; end: string }[] | null {
  if (text === '' || /^(libur|tutup|-)$/i.test(text)) return [];
  const out: { start: string; end: string }[] = [];
  for (const part of text.split(/[,;]/)) {
    const match = /^\s*(\d{1,2}[:.]\d{2})\s*[-–]\s*(\d{1,2}[:.]\d{2})\s*$/.exec(part);
    if (!match) return null;
    const s = parseClock(match[1]!);
    const e = parseClock(match[2]!);
    if (s === null || e === null || e <= s) return null;
    const fmt = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    out.push({ start: fmt(s), end: fmt(e) });
  }
  return out;
}

function isRealIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const d = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return d.toISOString().slice(0, 10) === text;
}

/**
 * Reads the calendar from Pengaturan rows [label, value, ...] (other settings' rows are ignored, so the whole sheet
 * can be passed). Labels: "Selisih waktu dari UTC (menit)"; "Jam kerja Senin" .. "Jam kerja Minggu" with
 * "08:00-12:00, 13:00-16:00" or "Libur"; "Hari libur" once per date (a date cell or "yyyy-MM-dd"; several dates
 * may share a cell, comma-separated). What the sheet does not say keeps the DEFAULT_CALENDAR value, except holidays,
 * which are exactly the listed ones.
 */
export function parseCalendarSettings(rows: unknown[][]): { calendar: WorkCalendar } | { errors: string[] } {
  const errors: string[] = [];
  let offset = DEFAULT_CALENDAR.utcOffsetMinutes;
  const offsetRow = rows.findIndex(
    (r) => cellText(r[0]).toLowerCase() === CALENDAR_SETTING_LABELS.offset.toLowerCase(),
  );
  if (offsetRow >= 0) {
    const raw = rows[offsetRow]![1];
    const value = typeof raw === 'number' ? raw : Number(cellText(raw));
    if (!Number.isInteger(value) || value < -720 || value > 840 || cellText(raw) === '') {
      errors.push(CALENDAR_ERRORS.offset(offsetRow + 1, cellText(raw)));
    } else {
      offset = value;
    }
  }
  const workingHours: WorkCalendar['workingHours'] = {};
  for (const [day, list] of Object.entries(DEFAULT_CALENDAR.workingHours)) {
    workingHours[Number(day)] = list.map((iv) => ({ ...iv }));
  }
  const holidays: string[] = [];
  rows.forEach((row, i) => {
    const label = cellText(row[0]).toLowerCase().replace(/\s+/g, ' ');
    const raw = row[1];
    for (const [day, name] of Object.entries(DAY_NAMES)) {
      if (label === `${CALENDAR_SETTING_LABELS.workingHoursPrefix} ${name}`.toLowerCase()) {
        const parsed = parseIntervals(cellText(raw));
        if (parsed === null) errors.push(CALENDAR_ERRORS.hours(i + 1, name, cellText(raw)));
        else workingHours[Number(day)] = parsed;
      }
    }
    if (label === CALENDAR_SETTING_LABELS.holiday.toLowerCase()) {
      if (raw instanceof Date) {
        // A date cell is local midnight in the spreadsheet's time zone; shift by the offset to read its local date.
        if (Number.isNaN(raw.getTime())) errors.push(CALENDAR_ERRORS.holiday(i + 1, ''));
        else holidays.push(new Date(raw.getTime() + offset * MINUTE_MS).toISOString().slice(0, 10));
        return;
      }
      for (const part of cellText(raw).split(',')) {
        const text = part.trim();
        if (text === '') continue;
        if (isRealIsoDate(text)) holidays.push(text);
        else errors.push(CALENDAR_ERRORS.holiday(i + 1, text));
      }
    }
  });
  if (errors.length > 0) return { errors };
  return { calendar: { utcOffsetMinutes: offset, workingHours, holidays: [...new Set(holidays)].sort() } };
}

/** The Pengaturan rows that describe a calendar (the inverse of parseCalendarSettings), for setup to write once. */
export function calendarToRows(cal: WorkCalendar): string[][] {
  const rows: string[][] = [[CALENDAR_SETTING_LABELS.offset, String(cal.utcOffsetMinutes)]];
  for (let day = 1; day <= 7; day++) {
    const list = cal.workingHours[day] ?? [];
    rows.push([
      `${CALENDAR_SETTING_LABELS.workingHoursPrefix} ${DAY_NAMES[day]}`,
      list.length === 0 ? 'Libur' : list.map((iv) => `${iv.start}-${iv.end}`).join(', '),
    ]);
  }
  for (const date of cal.holidays) rows.push([CALENDAR_SETTING_LABELS.holiday, date]);
  return rows;
}
