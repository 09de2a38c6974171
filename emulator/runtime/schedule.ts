// When a time-driven trigger runs next: Google's schedules with a stable, per-trigger offset instead of its randomness.
import { createHash } from 'node:crypto';
import type { TriggerState } from '../state';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * A number in 0..modulo-1 fixed by the trigger's uid. Google randomises a trigger's run time within its window but
 * keeps it stable once chosen ("a 9 a.m. trigger runs at some time between 9 and 10 a.m., then keeps that time");
 * the emulator derives that choice from the uid so runs are reproducible. Ref: docs/reference/apps-script-runtime.md §3
 * Time-driven triggers [CTB][INST].
 */
export function stableOffset(uid: string, modulo: number): number {
  if (modulo <= 1) return 0;
  return createHash('sha256').update(uid).digest().readUInt32BE(0) % modulo;
}

type Schedule = NonNullable<TriggerState['schedule']>;

/** Local (manifest time zone = process TZ) calendar day number, for every-n-days arithmetic. */
function localDayNumber(time: number): number {
  const d = new Date(time);
  return Math.round(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / DAY);
}

/**
 * Minute of the day the trigger runs on its days: atHour h runs at a stable minute within h:00..h:59; nearMinute m
 * moves that to m ± 15 minutes; without atHour the hour itself is stable-random. Ref: [CTB] atHour, nearMinute.
 */
function minuteOfDay(schedule: Schedule, uid: string): number {
  const hour = schedule.atHour ?? stableOffset(`${uid}:hour`, 24);
  const minute =
    schedule.nearMinute !== undefined
      ? schedule.nearMinute + stableOffset(`${uid}:near`, 31) - 15
      : stableOffset(uid, 60);
  return (((hour * 60 + minute) % 1440) + 1440) % 1440;
}

function firstMinuteMatch(after: number, step: number, matches: (t: Date) => boolean, limit: number): number | null {
  let t = Math.floor(after / step) * step + step;
  for (let i = 0; i < limit; i++, t += step) if (matches(new Date(t))) return t;
  return null;
}

/** The first day-based run strictly after `after`, on days accepted by `dayMatches`. */
function firstDayMatch(
  after: number,
  uid: string,
  schedule: Schedule,
  dayMatches: (day: Date) => boolean,
): number | null {
  const start = new Date(after);
  const offset = minuteOfDay(schedule, uid);
  for (let i = 0; i < 800; i++) {
    const day = new Date(start.getFullYear(), start.getMonth(), start.getDate() + i);
    if (!dayMatches(day)) continue;
    const run = new Date(day.getFullYear(), day.getMonth(), day.getDate(), 0, offset).getTime();
    if (run > after) return run;
  }
  return null;
}

/**
 * The next run strictly after `after` (ms), or null when the trigger will not run again (one-off already past).
 * everyMinutes n: minutes m of the hour with m ≡ offset (mod n); everyHours n: hours h ≡ 0 (mod n) at a stable
 * minute; everyDays n / everyWeeks n count from the creation day; onWeekDay uses 1 = Monday .. 7 = Sunday.
 */
export function nextRunAfter(trigger: TriggerState, after: number): number | null {
  const schedule = trigger.schedule;
  if (!schedule) return null;
  const uid = trigger.uid;
  if (schedule.at) {
    const at = schedule.at.getTime();
    return at > after ? at : null;
  }
  if (schedule.atDate) {
    const { year, month, day } = schedule.atDate;
    const run = new Date(year, month - 1, day, 0, stableOffset(uid, 31) - 15).getTime();
    return run > after ? run : null;
  }
  if (schedule.everyMinutes) {
    const n = schedule.everyMinutes;
    const offset = stableOffset(uid, n);
    return firstMinuteMatch(after, MINUTE, (t) => (t.getMinutes() - offset + 60) % n === 0, 61);
  }
  if (schedule.everyHours) {
    const n = schedule.everyHours;
    const offset = stableOffset(uid, 60);
    return firstMinuteMatch(
      after,
      MINUTE,
      (t) => t.getMinutes() === offset && t.getHours() % n === 0,
      (n + 1) * 60 * 25,
    );
  }
  const anchorDay = localDayNumber((schedule.anchorAt ?? new Date(after)).getTime());
  if (schedule.onWeekDay !== undefined) {
    const weeks = schedule.everyWeeks ?? 1;
    return firstDayMatch(after, uid, schedule, (day) => {
      const iso = day.getDay() === 0 ? 7 : day.getDay();
      const weeksSince = Math.floor((localDayNumber(day.getTime()) - anchorDay) / 7);
      return iso === schedule.onWeekDay && weeksSince % weeks === 0;
    });
  }
  if (schedule.onMonthDay !== undefined) {
    return firstDayMatch(after, uid, schedule, (day) => day.getDate() === schedule.onMonthDay);
  }
  const days = schedule.everyDays ?? (schedule.everyWeeks ? schedule.everyWeeks * 7 : 1);
  return firstDayMatch(after, uid, schedule, (day) => (localDayNumber(day.getTime()) - anchorDay) % days === 0);
}
