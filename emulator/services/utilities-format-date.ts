// Utilities.formatDate: Java SimpleDateFormat patterns over a time zone, with English names.

/** English month names, as Java's default locale formats them (shared with the sheet's display formats). */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
/** English weekday names from Sunday, as Java's default locale formats them. */
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * Short zone names Java prints for the zones this program meets (Java's TimeZone data; Intl in English has only
 * "GMT+8" for them). Other zones use Intl's English short name.
 */
const JAVA_SHORT_NAMES: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
  UTC: 'UTC',
  'Etc/UTC': 'UTC',
  GMT: 'GMT',
  'Etc/GMT': 'GMT',
};

/** Wall-clock fields of an instant in a zone. */
export interface ZonedFields {
  year: number;
  /** 1..12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday .. 6 = Saturday */
  weekday: number;
  /** Minutes east of UTC. */
  offsetMinutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A fixed offset written 'GMT+8', 'GMT+08:00', 'UTC-0530' (Java's custom zone IDs), in minutes; null if not one. */
function fixedOffset(zone: string): number | null {
  const match = /^(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(zone);
  if (!match) return null;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Resolves a time zone argument. Java's TimeZone.getTimeZone falls back to GMT for an ID it does not know.
 * Open: that Apps Script keeps Java's fallback is not documented; the emulator follows Java.
 */
export function resolveZone(zone: string): { id: string; fixed: number | null } {
  const fixed = fixedOffset(zone);
  if (fixed !== null) return { id: zone, fixed };
  if (zone === 'GMT' || zone === 'UTC') return { id: zone, fixed: 0 };
  return isKnownZone(zone) ? { id: zone, fixed: null } : { id: 'GMT', fixed: 0 };
}

/** The wall-clock fields of `date` in `zone`. */
export function zonedFields(date: Date, zone: string): ZonedFields {
  const resolved = resolveZone(zone);
  const time = date.getTime();
  const millisecond = ((time % 1000) + 1000) % 1000;
  if (resolved.fixed !== null) {
    const shifted = new Date(time + resolved.fixed * 60_000);
    return {
      year: shifted.getUTCFullYear(),
      month: shifted.getUTCMonth() + 1,
      day: shifted.getUTCDate(),
      hour: shifted.getUTCHours(),
      minute: shifted.getUTCMinutes(),
      second: shifted.getUTCSeconds(),
      millisecond,
      weekday: shifted.getUTCDay(),
      offsetMinutes: resolved.fixed,
    };
  }
  let formatter = formatters.get(resolved.id);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: resolved.id,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(resolved.id, formatter);
  }
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(date)) parts[part.type] = part.value;
  const rawYear = Number(parts.year);
  const year = parts.era === 'BC' ? 1 - rawYear : rawYear;
  const month = Number(parts.month);
  const day = Number(parts.day);
  const hour = Number(parts.hour);
  const minute = Number(parts.minute);
  const second = Number(parts.second);
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  const probe = new Date(0);
  probe.setUTCFullYear(year, month - 1, day);
  return {
    year,
    month,
    day,
    hour,
    minute,
    second,
    millisecond,
    weekday: probe.getUTCDay(),
    offsetMinutes: Math.round((wallAsUtc - time) / 60_000),
  };
}

function pad(value: number, width: number): string {
  const text = String(Math.abs(value));
  return (value < 0 ? '-' : '') + text.padStart(width, '0');
}

function dayOfYear(f: ZonedFields): number {
  return Math.round((Date.UTC(f.year, f.month - 1, f.day) - Date.UTC(f.year, 0, 1)) / 86_400_000) + 1;
}

/**
 * Week of year as Java's en-US Calendar counts it (weeks start on Sunday, week 1 is the week holding 1 January).
 * Open: Google's server locale for formatDate is not documented; en-US rules and English names are used.
 */
export function weekOfYear(f: ZonedFields): number {
  const today = Date.UTC(f.year, f.month - 1, f.day);
  const weekEnd = new Date(today + (6 - f.weekday) * 86_400_000);
  if (weekEnd.getUTCFullYear() > f.year) return 1;
  const jan1Weekday = new Date(Date.UTC(f.year, 0, 1)).getUTCDay();
  return Math.floor((dayOfYear(f) - 1 + jan1Weekday) / 7) + 1;
}

function offsetText(minutes: number, withColon: boolean, withMinutes: boolean): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hours = pad(Math.floor(abs / 60), 2);
  if (!withMinutes) return sign + hours;
  return sign + hours + (withColon ? ':' : '') + pad(abs % 60, 2);
}

function zoneName(zone: string, f: ZonedFields, long: boolean, date: Date): string {
  const resolved = resolveZone(zone);
  if (resolved.fixed !== null) {
    if (resolved.fixed === 0 && (resolved.id === 'UTC' || resolved.id === 'GMT')) {
      return long ? (resolved.id === 'UTC' ? 'Coordinated Universal Time' : 'Greenwich Mean Time') : resolved.id;
    }
    return `GMT${offsetText(f.offsetMinutes, true, true)}`;
  }
  if (!long && JAVA_SHORT_NAMES[resolved.id]) return JAVA_SHORT_NAMES[resolved.id]!;
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone: resolved.id, timeZoneName: long ? 'long' : 'short' })
      .formatToParts(date)
      .find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  if (/^GMT[+-]/.test(name) || name === 'GMT') {
    return f.offsetMinutes === 0 ? 'GMT' : `GMT${offsetText(f.offsetMinutes, true, true)}`;
  }
  return name;
}

function field(letter: string, count: number, f: ZonedFields, zone: string, date: Date): string {
  switch (letter) {
    case 'G':
      return f.year > 0 ? 'AD' : 'BC';
    case 'y':
      return count === 2 ? pad(f.year % 100, 2) : pad(f.year, count);
    case 'Y': {
      // Week year: the last days of December in week 1 belong to the next year.
      const weekYear = f.month === 12 && weekOfYear(f) === 1 ? f.year + 1 : f.year;
      return count === 2 ? pad(weekYear % 100, 2) : pad(weekYear, count);
    }
    case 'M':
    case 'L':
      if (count >= 4) return MONTHS[f.month - 1]!;
      if (count === 3) return MONTHS[f.month - 1]!.slice(0, 3);
      return pad(f.month, count);
    case 'w':
      return pad(weekOfYear(f), count);
    case 'W':
      return pad(Math.floor((f.day - 1 + new Date(Date.UTC(f.year, f.month - 1, 1)).getUTCDay()) / 7) + 1, count);
    case 'D':
      return pad(dayOfYear(f), count);
    case 'd':
      return pad(f.day, count);
    case 'F':
      return pad(Math.floor((f.day - 1) / 7) + 1, count);
    case 'E':
      return count >= 4 ? WEEKDAYS[f.weekday]! : WEEKDAYS[f.weekday]!.slice(0, 3);
    case 'u':
      return pad(f.weekday === 0 ? 7 : f.weekday, count);
    case 'a':
      return f.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(f.hour, count);
    case 'k':
      return pad(f.hour === 0 ? 24 : f.hour, count);
    case 'K':
      return pad(f.hour % 12, count);
    case 'h':
      return pad(f.hour % 12 === 0 ? 12 : f.hour % 12, count);
    case 'm':
      return pad(f.minute, count);
    case 's':
      return pad(f.second, count);
    case 'S':
      return pad(f.millisecond, count);
    case 'z':
      return zoneName(zone, f, count >= 4, date);
    case 'Z':
      return offsetText(f.offsetMinutes, false, true);
    case 'X':
      if (f.offsetMinutes === 0) return 'Z';
      return offsetText(f.offsetMinutes, count >= 3, count >= 2);
    default:
      throw new Error(`Illegal pattern character '${letter}'`);
  }
}

/**
 * Formats like java.text.SimpleDateFormat(pattern) with setTimeZone(zone): letters G y Y M L w W D d F E u a H k K h
 * m s S z Z X, 'quoted text' and '' for a quote; other ASCII letters are illegal, as in Java.
 * Ref: docs/reference/apps-script-runtime.md §3 Utilities [FMT].
 */
export function formatDate(date: Date, zone: string, pattern: string): string {
  const f = zonedFields(date, zone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i]!;
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      let j = i + 1;
      while (j < pattern.length) {
        if (pattern[j] === "'") {
          if (pattern[j + 1] === "'") {
            out += "'";
            j += 2;
            continue;
          }
          break;
        }
        out += pattern[j];
        j++;
      }
      if (j >= pattern.length) throw new Error('Unterminated quote');
      i = j + 1;
      continue;
    }
    if (/[A-Za-z]/.test(ch)) {
      let count = 1;
      while (pattern[i + count] === ch) count++;
      out += field(ch, count, f, zone, date);
      i += count;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
