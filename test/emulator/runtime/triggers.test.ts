// Fidelity of ScriptApp triggers: builder validation, who a trigger runs as and who sees it, time-driven schedules.
import { describe, expect, it } from 'vitest';
import { COLLEAGUE, emulate, OWNER } from './bundle-fixture';

const CODE = `
function hourly() { return ScriptApp.newTrigger('tick').timeBased().everyHours(1).create().getUniqueId(); }
function morning() { ScriptApp.newTrigger('tick').timeBased().everyDays(1).atHour(9).create(); }
function myTriggers() { return ScriptApp.getProjectTriggers().map(function (t) { return t.getHandlerFunction(); }); }
function many(n) { for (var i = 0; i < n; i++) ScriptApp.newTrigger('tick').timeBased().everyHours(1).create(); }
function dropAll() { ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); }); }
function tick(e) {
  var d = new Date();
  Logger.log(JSON.stringify({ at: d.toISOString(), localHour: d.getHours(), user: Session.getEffectiveUser().getEmail(),
    active: Session.getActiveUser().getEmail(), e: e }));
}
`;

function ticks(emu: ReturnType<typeof emulate>, minutes: number) {
  return emu.advanceClock(minutes).map((r) => JSON.parse(r.logs[0] ?? '{}'));
}

describe('ClockTriggerBuilder (Ref: docs/reference/apps-script-runtime.md §3 Time-driven triggers [CTB])', () => {
  it('everyMinutes accepts only 1, 5, 10, 15 or 30', () => {
    const emu = emulate(
      `${CODE} function every(n) { ScriptApp.newTrigger('tick').timeBased().everyMinutes(n).create(); }`,
    );
    const refused = emu.run('every', [7]);
    expect(refused.status).toBe('FAILED');
    expect(refused.error).toMatch(/minutes/);
    expect(emu.state.triggers).toHaveLength(0);
    for (const n of [1, 5, 10, 15, 30]) expect(emu.run('every', [n]).status).toBe('COMPLETED');
    expect(emu.state.triggers).toHaveLength(5);
  });

  it('an hourly trigger fires once per emulated hour at a stable minute, with the clock at its due time', () => {
    const emu = emulate(CODE);
    emu.run('hourly');
    const runs = ticks(emu, 180);
    expect(runs).toHaveLength(3);
    const times = runs.map((r) => Date.parse(r.at));
    expect(times[1]! - times[0]!).toBe(3_600_000);
    expect(times[2]! - times[1]!).toBe(3_600_000);
    const minute = new Date(times[0]!).getUTCMinutes();
    expect(runs.every((r) => new Date(r.at).getUTCMinutes() === minute)).toBe(true);
    expect(times[0]!).toBeGreaterThan(Date.parse('2026-01-05T00:00:00Z'));
    expect(emu.now().toISOString()).toBe('2026-01-05T03:00:00.000Z');
  });

  it("everyDays(1).atHour(9) runs between 09:00 and 10:00 local time each day, with Google's event fields", () => {
    const emu = emulate(CODE);
    emu.run('morning');
    const runs = ticks(emu, 3 * 24 * 60);
    expect(runs).toHaveLength(3);
    for (const run of runs) expect(run.localHour).toBe(9);
    const uid = emu.state.triggers[0]!.uid;
    const at = new Date(runs[0].at);
    expect(runs[0].e).toEqual({
      authMode: 'FULL',
      year: 2026,
      month: 1,
      'day-of-month': 5,
      'day-of-week': 1,
      'week-of-year': 2,
      hour: at.getUTCHours(),
      minute: at.getUTCMinutes(),
      second: 0,
      timezone: 'UTC',
      triggerUid: uid,
    });
  });
});

describe('weekly and monthly schedules (Ref: [CTB] onWeekDay, onMonthDay, nearMinute)', () => {
  it('onWeekDay(MONDAY).atHour(7).nearMinute(30) runs on Mondays within 07:15..07:45; onMonthDay(1) on the 1st', () => {
    const emu = emulate(`${CODE}
      function weekly() { ScriptApp.newTrigger('tick').timeBased().onWeekDay(ScriptApp.WeekDay.MONDAY).atHour(7).nearMinute(30).create(); }
      function monthly() { ScriptApp.newTrigger('tick').timeBased().onMonthDay(1).atHour(6).create(); }`);
    emu.run('weekly');
    emu.run('monthly');
    const runs = ticks(emu, 40 * 24 * 60).map((r) => new Date(r.at));
    const mondays = runs.filter((d) => d.getDay() === 1);
    const firsts = runs.filter((d) => d.getDate() === 1);
    expect(mondays).toHaveLength(5);
    expect(firsts).toHaveLength(1);
    expect(runs).toHaveLength(6);
    for (const d of mondays) {
      const minutes = d.getHours() * 60 + d.getMinutes();
      expect(minutes).toBeGreaterThanOrEqual(7 * 60 + 15);
      expect(minutes).toBeLessThanOrEqual(7 * 60 + 45);
    }
    expect(firsts[0]!.getMonth()).toBe(1);
    expect(firsts[0]!.getHours()).toBe(6);
  });
});

describe('installable trigger users (Ref: §3 Trigger rules [INST])', () => {
  it("runs as its creator, and getProjectTriggers hides another account's triggers", () => {
    const emu = emulate(CODE);
    emu.run('hourly', [], { user: COLLEAGUE });
    expect(emu.run('myTriggers').value).toEqual([]);
    expect(emu.run('myTriggers', [], { user: COLLEAGUE }).value).toEqual(['tick']);
    emu.run('dropAll');
    expect(emu.state.triggers).toHaveLength(1);
    const [run] = ticks(emu, 60);
    expect(run.user).toBe(COLLEAGUE);
    expect(run.active).toBe(COLLEAGUE);
    expect(emu.executions().at(-1)).toMatchObject({ kind: 'TRIGGER', user: COLLEAGUE });
  });

  it('allows 20 triggers per user per script (Ref: §1 Hard limits)', () => {
    const emu = emulate(CODE);
    expect(emu.run('many', [20]).status).toBe('COMPLETED');
    const over = emu.run('many', [1]);
    expect(over.status).toBe('FAILED');
    expect(over.error).toMatch(/too many triggers/);
    expect(emu.run('many', [1], { user: COLLEAGUE }).status).toBe('COMPLETED');
    expect(emu.state.triggers.filter((t) => t.owner === OWNER)).toHaveLength(20);
  });
});
