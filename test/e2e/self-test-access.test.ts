// selfTest is public for the Apps Script API, so it must refuse anyone but the script's owner.
import { describe, expect, it } from 'vitest';
import { OWNER, setUp } from './harness';

describe('selfTest access', () => {
  it('runs for the owner and refuses a web-app visitor calling it through google.script.run', () => {
    const emu = setUp();
    const own = emu.run('selfTest', [], { user: OWNER });
    expect(own.status).toBe('COMPLETED');
    expect((own.value as { ok: boolean }).ok).toBe(true);
    for (const visitor of ['orang.luar@gmail.com', 'kepala.dinas@bolmongkab.go.id', '']) {
      const call = emu.scriptRun('selfTest', [], { user: visitor });
      expect(call.ok).toBe(false);
      if (!call.ok) expect(String(call.error)).toContain('hanya dapat dijalankan oleh pemilik skrip');
    }
  });
});
