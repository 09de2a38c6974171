// Persistence: the whole EmulatorState saved to SQLite after every execution and loaded by a new Emulator on the same file.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Emulator } from '../../../emulator';
import { OWNER, writeProject } from './bundle-fixture';

describe('SQLite persistence (Ref: docs/reference/design.md "The emulator": persists to an embedded SQLite file)', () => {
  it('a new Emulator on the same file finds properties, triggers (with Dates), mail and the clock', () => {
    const codeDir = writeProject(`function setup() {
        PropertiesService.getScriptProperties().setProperty('registerId', 'abc');
        ScriptApp.newTrigger('tick').timeBased().everyHours(1).create();
        MailApp.sendEmail('a@x.id', 'S', 'B');
        CacheService.getScriptCache().put('k', 'v', 3600);
      }
      function tick() {}
      function read() { return [PropertiesService.getScriptProperties().getProperty('registerId'),
        CacheService.getScriptCache().get('k'), new Date().toISOString()]; }`);
    const file = join(mkdtempSync(join(tmpdir(), 'emu-sqlite-')), 'state.sqlite');
    const options = {
      codeDir,
      owner: OWNER,
      start: '2026-01-05T08:00:00+08:00',
      storage: { kind: 'sqlite' as const, file },
    };
    const first = new Emulator(options);
    first.run('setup');
    first.advanceClock(30);
    const nextRun = first.state.triggers[0]!.nextRunAt!.getTime();
    first.close();

    const second = new Emulator({ ...options, start: '2030-01-01T00:00:00Z' });
    expect(second.run('read').value).toEqual(['abc', 'v', '2026-01-05T00:30:00.000Z']);
    expect(second.state.triggers[0]!.nextRunAt).toBeInstanceOf(Date);
    expect(second.state.triggers[0]!.nextRunAt!.getTime()).toBe(nextRun);
    expect(second.outbox()[0]!.sentAt).toBeInstanceOf(Date);
    const names = second.executions().map((e) => e.functionName);
    expect(names[0]).toBe('setup');
    expect(names.at(-1)).toBe('read');
    second.close();
  });
});
