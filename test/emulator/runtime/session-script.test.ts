// Session details, ScriptApp's service URL and one-off/minute triggers, HtmlOutput helpers.
import { describe, expect, it } from 'vitest';
import { COLLEAGUE, emulate, OUTSIDER } from './bundle-fixture';

describe('Session (Ref: https://developers.google.com/apps-script/reference/base/session)', () => {
  it('reports the manifest time zone, the Indonesian locale and a per-user temporary key that rotates', () => {
    const emu = emulate(`function info() { return [Session.getScriptTimeZone(), Session.getActiveUserLocale(),
      Session.getTemporaryActiveUserKey()]; }`);
    const info = (user: string) => {
      const result = emu.scriptRun('info', [], { user });
      if (!result.ok) throw new Error(result.error);
      return result.value as string[];
    };
    const [zone, locale, key] = info(OUTSIDER);
    expect(zone).toBe('Asia/Makassar');
    expect(locale).toBe('id');
    expect(key).toMatch(/^[A-Za-z0-9]{20,}$/);
    expect(info(OUTSIDER)[2]).toBe(key);
    expect(info(COLLEAGUE)[2]).not.toBe(key);
    emu.advanceClock(31 * 24 * 60);
    expect(info(OUTSIDER)[2]).not.toBe(key);
  });
});

describe('ScriptApp', () => {
  const CODE = `function url() { return ScriptApp.getService().getUrl(); }
    function once() { ScriptApp.newTrigger('tick').timeBased().after(10 * 60 * 1000).create(); }
    function fiveMinutes() { ScriptApp.newTrigger('tick').timeBased().everyMinutes(5).create(); }
    function tick() { return new Date().toISOString(); }`;

  it('getService().getUrl() is the web app URL (option webAppUrl, else the /macros/s/<id>/exec form)', () => {
    expect(emulate(CODE, { webAppUrl: 'http://127.0.0.1:8080/exec' }).run('url').value).toBe(
      'http://127.0.0.1:8080/exec',
    );
    expect(emulate(CODE).run('url').value).toMatch(/^https:\/\/script\.google\.com\/macros\/s\/[A-Za-z0-9_-]+\/exec$/);
  });

  it('after(ms) fires once at its time; everyMinutes(5) fires every 5 minutes (Ref: [CTB])', () => {
    const emu = emulate(CODE);
    emu.run('once');
    const runs = emu.advanceClock(60);
    expect(runs.map((r) => r.value)).toEqual(['2026-01-05T00:10:00.000Z']);
    const every = emulate(CODE);
    every.run('fiveMinutes');
    const times = every.advanceClock(30).map((r) => Date.parse(r.value as string));
    expect(times).toHaveLength(6);
    expect(times.slice(1).map((t, i) => t - times[i]!)).toEqual(Array(5).fill(300_000));
  });
});

describe('HtmlOutput', () => {
  it('appendUntrusted escapes, append does not; createHtmlOutputFromFile reads the project HTML', () => {
    const emu = emulate(
      `function doGet() { return HtmlService.createHtmlOutputFromFile('hello').append('<b>ok</b>').appendUntrusted('<i>x</i>'); }`,
      { html: { hello: '<p>Halo</p>' } },
    );
    expect(emu.doGet({ user: COLLEAGUE }).content).toBe('<p>Halo</p><b>ok</b>&lt;i&gt;x&lt;/i&gt;');
  });
});
