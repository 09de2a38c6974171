// Tests for business-time arithmetic in WITA: working hours, breaks, weekends, holidays, settings parsing, properties.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  businessMillisBetween,
  businessMinutesBetween,
  calendarToRows,
  DEFAULT_CALENDAR,
  isWorkingTime,
  parseCalendarSettings,
  type WorkCalendar,
} from '../../src/core/business-time';

const cal = DEFAULT_CALENDAR;
/** A WITA wall-clock instant. 2026-01-05 is a Monday. */
const w = (local: string) => new Date(`${local}+08:00`);

describe('DEFAULT_CALENDAR', () => {
  it('is WITA, Mon–Thu 08:00–16:00 with 12:00–13:00 break, Fri 08:00–16:30 with 11:30–13:00 break, weekends off', () => {
    expect(cal.utcOffsetMinutes).toBe(480);
    expect(businessMinutesBetween(w('2026-01-05T00:00:00'), w('2026-01-06T00:00:00'), cal)).toBe(420);
    expect(businessMinutesBetween(w('2026-01-09T00:00:00'), w('2026-01-10T00:00:00'), cal)).toBe(420);
    expect(businessMinutesBetween(w('2026-01-10T00:00:00'), w('2026-01-12T00:00:00'), cal)).toBe(0);
    expect(businessMinutesBetween(w('2026-01-05T00:00:00'), w('2026-01-12T00:00:00'), cal)).toBe(35 * 60);
    expect(cal.holidays).toEqual([]);
  });
});

describe('isWorkingTime', () => {
  it.each([
    ['2026-01-05T07:59:59', false],
    ['2026-01-05T08:00:00', true],
    ['2026-01-05T11:59:59', true],
    ['2026-01-05T12:00:00', false],
    ['2026-01-05T12:30:00', false],
    ['2026-01-05T13:00:00', true],
    ['2026-01-05T15:59:59', true],
    ['2026-01-05T16:00:00', false],
    ['2026-01-09T11:30:00', false],
    ['2026-01-09T16:15:00', true],
    ['2026-01-09T16:30:00', false],
    ['2026-01-10T10:00:00', false],
    ['2026-01-11T10:00:00', false],
  ])('%s WITA -> %s', (t, expected) => {
    expect(isWorkingTime(w(t), cal)).toBe(expected);
  });
  it('respects holidays', () => {
    const withHoliday: WorkCalendar = { ...cal, holidays: ['2026-01-05'] };
    expect(isWorkingTime(w('2026-01-05T09:00:00'), withHoliday)).toBe(false);
    expect(isWorkingTime(w('2026-01-06T09:00:00'), withHoliday)).toBe(true);
  });
});

describe('businessMinutesBetween', () => {
  it.each([
    ['2026-01-05T08:00:00', '2026-01-05T08:10:00', 10],
    ['2026-01-05T07:00:00', '2026-01-05T08:10:00', 10],
    ['2026-01-05T11:55:00', '2026-01-05T13:05:00', 10],
    ['2026-01-05T15:55:00', '2026-01-06T08:05:00', 10],
    ['2026-01-09T16:25:00', '2026-01-12T08:05:00', 10],
    ['2026-01-09T11:25:00', '2026-01-09T13:05:00', 10],
    ['2026-01-05T08:00:30', '2026-01-05T08:01:00', 0.5],
    ['2026-01-05T10:00:00', '2026-01-05T09:00:00', 0],
    ['2026-01-05T10:00:00', '2026-01-05T10:00:00', 0],
  ])('%s -> %s = %d', (a, b, expected) => {
    expect(businessMinutesBetween(w(a), w(b), cal)).toBe(expected);
  });
  it('skips holidays', () => {
    const withHoliday: WorkCalendar = { ...cal, holidays: ['2026-01-06'] };
    expect(businessMinutesBetween(w('2026-01-05T15:55:00'), w('2026-01-07T08:05:00'), withHoliday)).toBe(10);
  });
  it('works in another offset (WIB, UTC+7)', () => {
    const wib: WorkCalendar = { ...cal, utcOffsetMinutes: 420 };
    expect(
      businessMinutesBetween(new Date('2026-01-05T08:00:00+07:00'), new Date('2026-01-05T08:10:00+07:00'), wib),
    ).toBe(10);
    expect(isWorkingTime(new Date('2026-01-05T07:30:00+07:00'), wib)).toBe(false);
  });
});

describe('addBusinessMinutes', () => {
  it.each([
    ['2026-01-05T08:00:00', 10, '2026-01-05T08:10:00'],
    ['2026-01-05T06:00:00', 10, '2026-01-05T08:10:00'],
    ['2026-01-05T11:55:00', 10, '2026-01-05T13:05:00'],
    ['2026-01-05T15:55:00', 10, '2026-01-06T08:05:00'],
    ['2026-01-09T16:25:00', 15, '2026-01-12T08:10:00'],
    ['2026-01-10T09:00:00', 15, '2026-01-12T08:15:00'],
    ['2026-01-05T11:50:00', 10, '2026-01-05T12:00:00'],
    ['2026-01-05T12:30:00', 0, '2026-01-05T12:30:00'],
  ])('%s + %d min = %s', (start, minutes, expected) => {
    expect(addBusinessMinutes(w(start), minutes, cal).getTime()).toBe(w(expected).getTime());
  });
  it('skips holidays and refuses impossible requests', () => {
    const withHoliday: WorkCalendar = { ...cal, holidays: ['2026-01-06'] };
    expect(addBusinessMinutes(w('2026-01-05T15:55:00'), 10, withHoliday).getTime()).toBe(
      w('2026-01-07T08:05:00').getTime(),
    );
    expect(() => addBusinessMinutes(w('2026-01-05T08:00:00'), -1, cal)).toThrow(RangeError);
    expect(() => addBusinessMinutes(w('2026-01-05T08:00:00'), Number.NaN, cal)).toThrow(RangeError);
    const never: WorkCalendar = { utcOffsetMinutes: 480, workingHours: {}, holidays: [] };
    expect(() => addBusinessMinutes(w('2026-01-05T08:00:00'), 1, never)).toThrow(RangeError);
  });
});

const instant = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 0, 1) }).map((ms) => new Date(ms));
const calArb: fc.Arbitrary<WorkCalendar> = fc.oneof(
  fc.constant(DEFAULT_CALENDAR),
  fc.record({
    utcOffsetMinutes: fc.integer({ min: -720, max: 840 }),
    workingHours: fc.dictionary(
      fc.constantFrom('1', '2', '3', '4', '5', '6', '7'),
      fc
        .array(fc.tuple(fc.integer({ min: 0, max: 1440 }), fc.integer({ min: 0, max: 1440 })), { maxLength: 3 })
        .map((list) =>
          list.map(([a, b]) => {
            const f = (m: number) =>
              `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
            return { start: f(Math.min(a, b)), end: f(Math.max(a, b)) };
          }),
        ),
    ),
    holidays: fc.array(
      fc
        .integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 0, 1) })
        .map((ms) => new Date(ms).toISOString().slice(0, 10)),
      { maxLength: 20 },
    ),
  }) as fc.Arbitrary<WorkCalendar>,
);

describe('properties', () => {
  it('is monotonic in the end instant', () => {
    fc.assert(
      fc.property(calArb, instant, instant, instant, (c, a, b1, b2) => {
        const [lo, hi] = b1 <= b2 ? [b1, b2] : [b2, b1];
        expect(businessMillisBetween(a, lo, c)).toBeLessThanOrEqual(businessMillisBetween(a, hi, c));
      }),
    );
  });
  it('never exceeds wall-clock time', () => {
    fc.assert(
      fc.property(calArb, instant, instant, (c, a, b) => {
        expect(businessMillisBetween(a, b, c)).toBeLessThanOrEqual(Math.max(0, b.getTime() - a.getTime()));
      }),
    );
  });
  it('is additive over any split point', () => {
    fc.assert(
      fc.property(calArb, instant, instant, instant, (c, x, y, z) => {
        const [a, m, b] = [x, y, z].sort((p, q) => p.getTime() - q.getTime()) as [Date, Date, Date];
        expect(businessMillisBetween(a, m, c) + businessMillisBetween(m, b, c)).toBe(businessMillisBetween(a, b, c));
      }),
    );
  });
  it('addBusinessMinutes is the inverse of businessMinutesBetween', () => {
    const working = fc.constant(DEFAULT_CALENDAR);
    fc.assert(
      fc.property(working, instant, fc.integer({ min: 0, max: 20000 }), (c, a, minutes) => {
        const end = addBusinessMinutes(a, minutes, c);
        expect(end.getTime()).toBeGreaterThanOrEqual(a.getTime());
        expect(businessMillisBetween(a, end, c)).toBe(minutes * 60000);
      }),
    );
  });
  it('addBusinessMinutes returns the earliest such instant', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 5000 }), (a, minutes) => {
        const end = addBusinessMinutes(a, minutes, cal);
        expect(businessMillisBetween(a, new Date(end.getTime() - 1), cal)).toBeLessThan(minutes * 60000);
      }),
    );
  });
  it('businessMinutesBetween then addBusinessMinutes lands at or before the end', () => {
    fc.assert(
      fc.property(instant, instant, (a, b) => {
        if (b < a) return;
        const back = addBusinessMinutes(a, businessMinutesBetween(a, b, cal), cal);
        expect(back.getTime()).toBeLessThanOrEqual(b.getTime());
        expect(businessMillisBetween(back, b, cal)).toBe(0);
      }),
    );
  });
});

describe('parseCalendarSettings', () => {
  it('round-trips calendarToRows', () => {
    const custom: WorkCalendar = {
      utcOffsetMinutes: 480,
      workingHours: { ...DEFAULT_CALENDAR.workingHours, 6: [{ start: '08:00', end: '12:00' }] },
      holidays: ['2026-01-01', '2026-08-17'],
    };
    expect(parseCalendarSettings(calendarToRows(custom))).toEqual({ calendar: custom });
    expect(parseCalendarSettings(calendarToRows(DEFAULT_CALENDAR))).toEqual({ calendar: DEFAULT_CALENDAR });
  });
  it('keeps defaults for what the sheet does not say and ignores other settings', () => {
    const out = parseCalendarSettings([
      ['Domain email', 'bolmongkab.go.id'],
      ['Hari libur', '2026-08-17'],
      ['Hari libur', '2026-12-25, 2026-01-01'],
      ['jam kerja jumat', '07.30-11.30; 13.00-16.30'],
    ]);
    expect(out).toEqual({
      calendar: {
        utcOffsetMinutes: 480,
        workingHours: {
          ...DEFAULT_CALENDAR.workingHours,
          5: [
            { start: '07:30', end: '11:30' },
            { start: '13:00', end: '16:30' },
          ],
        },
        holidays: ['2026-01-01', '2026-08-17', '2026-12-25'],
      },
    });
  });
  it('reads a date cell as its local (WITA) date', () => {
    const out = parseCalendarSettings([['Hari libur', new Date('2026-08-17T00:00:00+08:00')]]);
    expect('calendar' in out && out.calendar.holidays).toEqual(['2026-08-17']);
  });
  it('accepts "Libur" and numeric offsets', () => {
    const out = parseCalendarSettings([
      ['Selisih waktu dari UTC (menit)', 420],
      ['Jam kerja Senin', 'Libur'],
    ]);
    expect('calendar' in out && out.calendar.utcOffsetMinutes).toBe(420);
    expect('calendar' in out && out.calendar.workingHours[1]).toEqual([]);
  });
  it('refuses unreadable values with Indonesian messages naming the row', () => {
    const out = parseCalendarSettings([
      ['Selisih waktu dari UTC (menit)', 'WITA'],
      ['Jam kerja Senin', '8 sampai 4'],
      ['Jam kerja Selasa', '16:00-08:00'],
      ['Hari libur', '2026-02-30'],
      ['Hari libur', '17/08/2026'],
    ]);
    expect(out).toEqual({
      errors: [
        'Baris 1: selisih waktu "WITA" harus angka menit antara -720 dan 840 (WITA = 480).',
        'Baris 2: jam kerja Senin "8 sampai 4" tidak terbaca. Tulis seperti "08:00-12:00, 13:00-16:00", atau "Libur".',
        'Baris 3: jam kerja Selasa "16:00-08:00" tidak terbaca. Tulis seperti "08:00-12:00, 13:00-16:00", atau "Libur".',
        'Baris 4: hari libur "2026-02-30" bukan tanggal yang sah. Tulis dengan format yyyy-MM-dd, misalnya 2026-08-17.',
        'Baris 5: hari libur "17/08/2026" bukan tanggal yang sah. Tulis dengan format yyyy-MM-dd, misalnya 2026-08-17.',
      ],
    });
  });
});
