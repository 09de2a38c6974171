// Fidelity of the runtime's services: Properties limits, Utilities bytes and dates, Cache expiry, Mail quotas.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { emulate, OWNER } from './bundle-fixture';

describe('PropertiesService limits (Ref: docs/reference/apps-script-runtime.md §1 Hard limits: 9 KB per value, 500 KB per store)', () => {
  const code = `function put(size) { PropertiesService.getScriptProperties().setProperty('big', new Array(size + 1).join('x')); }
    function fill(n) { var p = PropertiesService.getScriptProperties(); var v = new Array(9001).join('y');
      for (var i = 0; i < n; i++) p.setProperty('k' + i, v); }
    function batch() { PropertiesService.getScriptProperties().setProperties({ ok: 'ya', big: new Array(9300).join('z') }); }`;

  it('refuses a value over 9 KB and keeps the store unchanged', () => {
    const emu = emulate(code);
    expect(emu.run('put', [9 * 1024]).status).toBe('COMPLETED');
    const over = emu.run('put', [9 * 1024 + 1]);
    expect(over.status).toBe('FAILED');
    expect(over.error).toMatch(/too large/);
    expect(emu.state.scriptProperties.big).toHaveLength(9 * 1024);
    expect(emu.run('batch').status).toBe('FAILED');
    expect(emu.state.scriptProperties.ok).toBeUndefined();
  });

  it('refuses to grow a store past 500 KB', () => {
    const emu = emulate(code);
    const result = emu.run('fill', [60]);
    expect(result.status).toBe('FAILED');
    expect(result.error).toMatch(/property storage quota/);
    expect(Object.keys(emu.state.scriptProperties).length).toBeLessThan(60);
    expect(Object.keys(emu.state.scriptProperties).length).toBeGreaterThan(50);
  });
});

describe('Utilities bytes (Ref: §3 Utilities [UTIL]: Byte[] are Java signed bytes)', () => {
  it('computeHmacSha256Signature matches RFC 4231 test case 2 as signed bytes', () => {
    const emu =
      emulate(`function mac() { return Utilities.computeHmacSha256Signature('what do ya want for nothing?', 'Jefe'); }
      function macBytes() { return Utilities.computeHmacSha256Signature(
        Utilities.newBlob('what do ya want for nothing?').getBytes(), Utilities.newBlob('Jefe').getBytes()); }`);
    const expectedHex = '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843';
    const expected = Array.from(Buffer.from(expectedHex, 'hex'), (b) => (b > 127 ? b - 256 : b));
    expect(emu.run('mac').value).toEqual(expected);
    expect(emu.run('macBytes').value).toEqual(expected);
    expect(Math.min(...(expected as number[]))).toBeLessThan(0);
    expect(createHmac('sha256', 'Jefe').update('what do ya want for nothing?').digest('hex')).toBe(expectedHex);
  });

  it('computeDigest and base64Decode return signed bytes; web-safe base64 round-trips', () => {
    const emu = emulate(`function run() {
      var md5 = Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, 'abc');
      var back = Utilities.base64DecodeWebSafe(Utilities.base64EncodeWebSafe([-1, -2, 62, 63]));
      return [md5, back, Utilities.base64Encode('Halo')]; }`);
    const [md5, back, b64] = emu.run('run').value as [number[], number[], string];
    expect(Buffer.from(md5.map((b) => b & 0xff)).toString('hex')).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(md5.some((b) => b < 0)).toBe(true);
    expect(back).toEqual([-1, -2, 62, 63]);
    expect(b64).toBe('SGFsbw==');
  });
});

describe('Utilities.formatDate (Ref: §3 Utilities [FMT], Java SimpleDateFormat)', () => {
  it('formats in Asia/Makassar with English names', () => {
    const emu =
      emulate(`function fmt(p) { return Utilities.formatDate(new Date(Date.UTC(2026, 0, 5, 6, 7, 8, 9)), 'Asia/Makassar', p); }
      function gmt(p) { return Utilities.formatDate(new Date(Date.UTC(2026, 0, 5, 6, 7, 8)), 'GMT', p); }`);
    const fmt = (pattern: string) => emu.run('fmt', [pattern]).value;
    expect(fmt("yyyy-MM-dd'T'HH:mm:ss.SSS")).toBe('2026-01-05T14:07:08.009');
    expect(fmt('EEEE, d MMMM yyyy')).toBe('Monday, 5 January 2026');
    expect(fmt('EEE, dd MMM yy hh:mm a')).toBe('Mon, 05 Jan 26 02:07 PM');
    expect(fmt('z / Z / X / XX / XXX')).toBe('WITA / +0800 / +08 / +0800 / +08:00');
    expect(fmt("'Pukul' H 'lewat' m, 'o''clock' ''")).toBe("Pukul 14 lewat 7, o'clock '");
    expect(fmt('D w u k K')).toBe('5 2 1 14 2');
    expect(emu.run('gmt', ["yyyy-MM-dd'T'HH:mm:ss'Z' z X"]).value).toBe('2026-01-05T06:07:08Z GMT Z');
    expect(emu.run('fmt', ['yyyy-MM-dd q']).error).toMatch(/Illegal pattern character 'q'/);
    const yearEnd = emulate(
      `function fmt(p) { return Utilities.formatDate(new Date(Date.UTC(2025, 11, 30, 4)), 'Asia/Makassar', p); }`,
    );
    expect(yearEnd.run('fmt', ['yyyy YYYY w']).value).toBe('2025 2026 1');
  });
});

describe('CacheService (Ref: §1 CacheService [CACHE][CACHE-LIM])', () => {
  it('expires entries on the emulated clock, 600 s by default', () => {
    const emu =
      emulate(`function put() { var c = CacheService.getScriptCache(); c.put('short', 'a', 60); c.put('default', 'b'); }
      function get() { var c = CacheService.getScriptCache(); return [c.get('short'), c.get('default')]; }`);
    emu.run('put');
    emu.advanceClock(0.5);
    expect(emu.run('get').value).toEqual(['a', 'b']);
    emu.advanceClock(1);
    expect(emu.run('get').value).toEqual([null, 'b']);
    emu.advanceClock(8.6);
    expect(emu.run('get').value).toEqual([null, null]);
  });

  it('refuses keys over 250 characters and values over 100 KB; keeps the 900 farthest from expiry past 1,000 items', () => {
    const emu = emulate(`function key() { CacheService.getScriptCache().put(new Array(252).join('k'), 'v'); }
      function value() { CacheService.getScriptCache().put('k', new Array(102402).join('v')); }
      function flood() { var c = CacheService.getScriptCache(); for (var i = 0; i < 1001; i++) c.put('k' + i, 'v', 100 + i); }
      function count() { var c = CacheService.getScriptCache(); var keys = []; for (var i = 0; i < 1001; i++) keys.push('k' + i);
        var all = c.getAll(keys); return [Object.keys(all).length, all.k0 === undefined, all.k1000]; }`);
    expect(emu.run('key').status).toBe('FAILED');
    expect(emu.run('value').status).toBe('FAILED');
    emu.run('flood');
    expect(emu.run('count').value).toEqual([900, true, 'v']);
  });
});

describe('MailApp quotas (Ref: §1 Daily quotas: recipients per user, reset 24 h after the first send; 50 per message)', () => {
  const code = `function send(to) { MailApp.sendEmail(to, 'Subjek', 'Isi'); return MailApp.getRemainingDailyQuota(); }
    function remaining() { return MailApp.getRemainingDailyQuota(); }
    function viaObject() { MailApp.sendEmail({ to: 'a@x.id', cc: 'b@x.id', subject: 'S', body: 'B', htmlBody: '<b>B</b>', name: 'Dinas' }); }
    function gmail() { GmailApp.sendEmail('a@x.id', 'S', 'B', { bcc: 'c@x.id' }); }
    function replyForm() { MailApp.sendEmail('a@x.id', 'balas@x.id', 'S', 'B'); }
    function noReply() { MailApp.sendEmail('a@x.id', 'S', 'B', { noReply: true, replyTo: 'balas@x.id' }); }`;

  it('counts to+cc+bcc, throws past the quota, and resets 24 h after the first send', () => {
    const emu = emulate(code, { mailDailyQuota: 6 });
    expect(emu.run('send', ['a@x.id, b@x.id']).value).toBe(4);
    emu.advanceClock(60);
    expect(emu.run('viaObject').status).toBe('COMPLETED');
    const over = emu.run('gmail');
    expect(over.status).toBe('COMPLETED');
    expect(emu.run('remaining').value).toBe(0);
    const refused = emu.run('send', ['d@x.id']);
    expect(refused.error).toBe('Service invoked too many times for one day: email.');
    expect(emu.outbox()).toHaveLength(3);
    emu.advanceClock(23 * 60 - 1);
    expect(emu.run('send', ['d@x.id']).status).toBe('FAILED');
    emu.advanceClock(1);
    expect(emu.run('send', ['d@x.id']).value).toBe(5);
    expect(emu.outbox()[1]).toMatchObject({
      to: 'a@x.id',
      cc: 'b@x.id',
      htmlBody: '<b>B</b>',
      name: 'Dinas',
      from: OWNER,
      via: 'MailApp',
    });
    expect(emu.outbox()[2]).toMatchObject({ bcc: 'c@x.id', via: 'GmailApp' });
  });

  it('accepts the (to, replyTo, subject, body) form; noReply (Workspace) drops replyTo', () => {
    const emu = emulate(code);
    emu.run('replyForm');
    emu.run('noReply');
    expect(emu.outbox()[0]).toMatchObject({ to: 'a@x.id', replyTo: 'balas@x.id', subject: 'S', body: 'B' });
    expect(emu.outbox()[1]).toMatchObject({ from: 'noreply@bolmongkab.go.id', replyTo: '' });
  });

  it('refuses an invalid address and more than 50 recipients; exhaustMailQuota fault', () => {
    const emu = emulate(code);
    expect(emu.run('send', ['bukan-email']).error).toBe('Invalid email: bukan-email');
    const fifty = Array.from({ length: 51 }, (_, i) => `u${i}@x.id`).join(',');
    expect(emu.run('send', [fifty]).status).toBe('FAILED');
    expect(emu.outbox()).toHaveLength(0);
    emu.faults.exhaustMailQuota();
    expect(emu.run('send', ['a@x.id']).error).toBe('Service invoked too many times for one day: email.');
    expect(emu.run('remaining').value).toBe(0);
  });
});
