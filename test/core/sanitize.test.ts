// Tests for applicant-text neutralisation: formula prefixes, HTML escaping, invisible characters and clipping.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clip, escapeHtml, fromSafeCell, hasInvisible, stripInvisible, toSafeCell } from '../../src/core/sanitize';

const hostileArb = fc.oneof(
  fc.string(),
  fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', "'", 'a', '1', ' ', '<', '\u00A0') }),
  fc.tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', "'"), fc.string()).map(([a, b]) => a + b),
);

describe('toSafeCell', () => {
  it.each([
    ['=IMPORTXML("http://x","//a")', '\'=IMPORTXML("http://x","//a")'],
    ['+cmd|/C calc', "'+cmd|/C calc"],
    ['-1+1', "'-1+1"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['\n=1', "'\n=1"],
    ['+62 812 3456 7890', "'+62 812 3456 7890"],
    ["'quoted", "''quoted"],
    ['6281234567890', '6281234567890'],
    ['Budi Santoso', 'Budi Santoso'],
    ['', ''],
    [' =1+1', "' =1+1"],
    ['  @x', "'  @x"],
    [' Budi', ' Budi'],
  ])('%j -> %j', (input, expected) => {
    expect(toSafeCell(input)).toBe(expected);
  });
  it('never yields a cell starting with = + - @ tab CR LF, even after spaces (property)', () => {
    fc.assert(
      fc.property(hostileArb, (s) => {
        expect(['=', '+', '-', '@', '\t', '\r', '\n']).not.toContain(toSafeCell(s).charAt(0));
        expect(toSafeCell(s)).not.toMatch(/^\s*[=+\-@]/);
      }),
    );
  });
  it('keeps the text intact after the quote prefix, and fromSafeCell undoes it exactly', () => {
    fc.assert(
      fc.property(hostileArb, (s) => {
        const safe = toSafeCell(s);
        expect(safe === s || safe === `'${s}`).toBe(true);
        expect(fromSafeCell(safe)).toBe(s);
      }),
    );
  });
  it('fromSafeCell leaves ordinary text alone', () => {
    expect(fromSafeCell("'abc")).toBe("'abc");
    expect(fromSafeCell('abc')).toBe('abc');
    expect(fromSafeCell("'")).toBe("'");
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;',
    );
  });
  it('leaves no < > " \' and no & that does not start an entity it produced (property)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = escapeHtml(s);
        expect(out).not.toMatch(/[<>"']/);
        expect(out.replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
      }),
    );
  });
  it('round-trips through an HTML decoder', () => {
    const decode = (t: string) =>
      t
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&');
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(decode(escapeHtml(s))).toBe(s);
      }),
    );
  });
});

describe('stripInvisible', () => {
  it.each([
    ['a\u200Bb', 'ab'],
    ['a\u200Cb\u200Dc', 'abc'],
    ['\uFEFFnama', 'nama'],
    ['a\u2060b', 'ab'],
    ['x\u00ADy', 'xy'],
    ['r\u202Eevil', 'revil'],
    ['a\u180Eb', 'ab'],
    ['tag\uDB40\uDC41', 'tag'],
    ['normal text', 'normal text'],
  ])('%j -> %j', (input, expected) => {
    expect(stripInvisible(input)).toBe(expected);
    expect(hasInvisible(input)).toBe(input !== expected);
  });
  it('is idempotent and never lengthens (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const once = stripInvisible(s);
        expect(stripInvisible(once)).toBe(once);
        expect(once.length).toBeLessThanOrEqual(s.length);
        expect(hasInvisible(once)).toBe(false);
      }),
    );
  });
  it('hasInvisible is stable across repeated calls (global regex state)', () => {
    expect(hasInvisible('a\u200Bb')).toBe(true);
    expect(hasInvisible('a\u200Bb')).toBe(true);
  });
});

describe('clip', () => {
  it('clips to the limit and never splits a surrogate pair', () => {
    expect(clip('abcdef', 3)).toBe('abc');
    expect(clip('ab', 3)).toBe('ab');
    expect(clip('a😀', 2)).toBe('a');
    expect(clip('abc', 0)).toBe('');
    expect(clip('x'.repeat(50001), 50000).length).toBe(50000);
  });
  it('result is a prefix no longer than max (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.integer({ min: 0, max: 50 }), (s, max) => {
        const out = clip(s, max);
        expect(out.length).toBeLessThanOrEqual(max);
        expect(s.startsWith(out)).toBe(true);
        expect(out.length).toBeGreaterThanOrEqual(Math.min(s.length, max) - 1);
      }),
    );
  });
});
