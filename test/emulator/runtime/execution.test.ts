// Fidelity of one execution: fresh vm context per run, Apps Script globals only, the emulated clock, failures, counters.
import { describe, expect, it } from 'vitest';
import { SERVICE_GLOBALS } from '../../../emulator';
import { emulate, OWNER } from './bundle-fixture';

describe('each execution is a fresh context (Ref: docs/reference/apps-script-runtime.md §2 cold start, [MOGSDAD-PHANTOM])', () => {
  it('re-evaluates the bundle: a global set in one execution is gone in the next', () => {
    const emu = emulate(`var counter = 0; var loads = (typeof loads === 'number' ? loads : 0) + 1;
      function bump() { counter += 1; globalThis.leaked = 'x'; return counter; }
      function look() { return [counter, typeof leaked, loads]; }`);
    expect(emu.run('bump').value).toBe(1);
    expect(emu.run('bump').value).toBe(1);
    expect(emu.run('look').value).toEqual([0, 'undefined', 1]);
  });

  it('offers only Apps Script globals: no require, process, timers, fetch, URL, TextEncoder or Buffer (Ref: §4 [V8-LIM])', () => {
    const emu = emulate(`function probe() {
      return ['require','module','process','setTimeout','setInterval','fetch','URL','TextEncoder','Buffer','queueMicrotask']
        .filter(function (n) { return typeof globalThis[n] !== 'undefined'; }); }
      function services(names) { return names.filter(function (n) { return typeof globalThis[n] !== 'object'; }); }`);
    expect(emu.run('probe').value).toEqual([]);
    expect(emu.run('services', [[...SERVICE_GLOBALS]]).value).toEqual([]);
  });
});

describe('one realm as on Google', () => {
  it('service errors are instanceof Error and service arrays instanceof Array inside the program', () => {
    const emu = emulate(`function probe() {
      var caught;
      try { PropertiesService.getScriptProperties().setProperty('big', new Array(10000).join('x')); } catch (e) { caught = e; }
      class Custom extends Error {}
      return [caught instanceof Error, caught instanceof TypeError, Utilities.parseCsv('a,b') instanceof Array,
        new Custom('x') instanceof Custom, caught instanceof Custom, {} instanceof Array]; }`);
    expect(emu.run('probe').value).toEqual([true, false, true, true, false, false]);
  });
});

describe('the emulated clock (Ref: docs/reference/design.md "The emulator": time is the emulator\'s)', () => {
  it('new Date() and Date.now() follow advanceClock; local time is the manifest zone (Asia/Makassar)', () => {
    const emu = emulate(`function now() { var d = new Date(); return [d.toISOString(), Date.now(), d.getHours(),
      new Date(2026, 0, 5) instanceof Date, Object.prototype.toString.call(new Date())]; }`);
    const first = emu.run('now').value as unknown[];
    expect(first[0]).toBe('2026-01-05T00:00:00.000Z');
    expect(first[2]).toBe(8);
    expect(first[3]).toBe(true);
    emu.advanceClock(90);
    const later = emu.run('now').value as unknown[];
    expect(later[0]).toBe('2026-01-05T01:30:00.000Z');
    expect(later[1]).toBe(Date.parse('2026-01-05T01:30:00Z'));
    expect(later[2]).toBe(9);
  });

  it('Utilities.sleep advances the clock and counts in the execution duration', () => {
    const emu = emulate(`function nap() { var a = Date.now(); Utilities.sleep(2500); return Date.now() - a; }`);
    const result = emu.run('nap');
    expect(result.value).toBe(2500);
    expect(result.durationMs).toBe(2500);
    expect(emu.now().toISOString()).toBe('2026-01-05T00:00:02.500Z');
  });

  it('an execution past 6 emulated minutes ends as TIMED_OUT (Ref: §1 Hard limits, 6 min per execution)', () => {
    const emu = emulate(`function long() { for (var i = 0; i < 10; i++) Utilities.sleep(60000); return 'done'; }`);
    const result = emu.run('long');
    expect(result.status).toBe('TIMED_OUT');
    expect(result.error).toBe('Exceeded maximum execution time');
  });
});

describe('failures and records', () => {
  it('a thrown error fails the execution with its message; effects already applied stay', () => {
    const emu = emulate(`function half() { PropertiesService.getScriptProperties().setProperty('step', 'one');
      throw new Error('berhenti'); }`);
    const result = emu.run('half');
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('berhenti');
    expect(emu.state.scriptProperties).toEqual({ step: 'one' });
    const record = emu.executions().at(-1)!;
    expect(record).toMatchObject({
      functionName: 'half',
      kind: 'EDITOR',
      user: OWNER,
      status: 'FAILED',
      error: 'berhenti',
    });
  });

  it('a missing function fails like Google: "Script function not found: <name>"', () => {
    const emu = emulate('function present() {}');
    expect(emu.run('absent').error).toBe('Script function not found: absent');
  });

  it('Logger and console lines land in the execution logs', () => {
    const emu = emulate(`function talk() { Logger.log('Halo %s, %d berkas', 'Budi', 3); console.log('a', {b: 1}); }`);
    expect(emu.run('talk').logs).toEqual(['Halo Budi, 3 berkas', 'a {"b":1}']);
  });
});

describe('counters', () => {
  it('counts every service call per execution and cumulatively, with snapshot/diff/reset', () => {
    const emu = emulate(`function work() { var p = PropertiesService.getScriptProperties();
      p.setProperty('a', '1'); p.setProperty('b', '2'); CacheService.getScriptCache().put('k', 'v'); }`);
    const before = emu.counters.snapshot();
    const result = emu.run('work');
    expect(result.calls['PropertiesService.Properties.setProperty']).toBe(2);
    emu.run('work');
    expect(emu.counters.diff(before)).toEqual({
      'PropertiesService.PropertiesService.getScriptProperties': 2,
      'PropertiesService.Properties.setProperty': 4,
      'CacheService.CacheService.getScriptCache': 2,
      'CacheService.Cache.put': 2,
    });
    emu.counters.reset();
    expect(emu.counters.snapshot()).toEqual({});
  });

  it('throwOn makes the (after+1)th call throw like a service error, once', () => {
    const emu = emulate(`function write() { var p = PropertiesService.getScriptProperties();
      p.setProperty('a', '1'); p.setProperty('b', '2'); p.setProperty('c', '3'); }`);
    emu.faults.throwOn('PropertiesService.Properties.setProperty', { after: 1 });
    const failed = emu.run('write');
    expect(failed.status).toBe('FAILED');
    expect(failed.error).toMatch(/server error/);
    expect(emu.state.scriptProperties).toEqual({ a: '1' });
    expect(emu.run('write').status).toBe('COMPLETED');
  });
});
