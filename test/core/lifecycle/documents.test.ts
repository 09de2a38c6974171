// Tests for the lifecycle documents: letterhead settings, Surat Permohonan, Lembar Disposisi kop, expiry mail, status lookup.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { defaultLetterhead, lifecycleSettingsRows, parseLifecycleSettings } from '../../../src/core/letterhead';
import { PASSPHRASE_RESET_TEXT } from '../../../src/core/messages/lifecycle';
import { blankApplication } from '../../../src/core/register-schema';
import { SERVICE_SOPS } from '../../../src/core/service-sops';
import { SEED_SOP } from '../../../src/core/sop';
import { accessCodeMatches, normaliseAccessCode, statusAccessCode } from '../../../src/core/status-code';
import { renderExpiryMail } from '../../../src/ui/lifecycle/expiry-mail';
import {
  longDate,
  renderLembarDisposisiWithLetterhead,
  renderSuratPermohonan,
} from '../../../src/ui/lifecycle/printables';
import { renderLifecycleStatusPage, renderStatusLookupPage } from '../../../src/ui/lifecycle/status-lookup';
import { applicant } from '../workflow-fixtures';

const sign = (message: string) =>
  Array.from(createHmac('sha256', 'rahasia').update(message).digest(), (b) => (b > 127 ? b - 256 : b));
const LH = defaultLetterhead(SEED_SOP);

function app(service = 'PENERBITAN_BARU' as const) {
  const a = blankApplication();
  a.id = 'TTE-2026-0042';
  a.applicant = applicant({ service, name: 'Siti <Aminah>' });
  a.submittedAt = '2026-11-02T01:00:00.000Z';
  a.updatedAt = a.submittedAt;
  a.status = 'MENUNGGU_DISPOSISI_KADIS';
  return a;
}

describe('letterhead settings', () => {
  it('defaults to the SOP office and reads the Pengaturan rows, ignoring empty values', () => {
    expect(LH).toEqual({
      government: 'PEMERINTAH KABUPATEN BOLAANG MONGONDOW',
      office: 'DINAS KOMUNIKASI DAN INFORMATIKA',
      address: 'JALAN TRANS SULAWESI DESA LALOW',
      contact: '',
    });
    const rows = lifecycleSettingsRows(SEED_SOP);
    rows[3]![1] = 'Telp. (0434) 000000 · diskominfo@bolmongkab.go.id';
    rows[4]![1] = '1AbCdEfGhIjKlMnOp';
    rows[0]![1] = '';
    const parsed = parseLifecycleSettings([['Pengaturan', 'Nilai'], ...rows], SEED_SOP);
    expect(parsed.letterhead.contact).toContain('(0434)');
    expect(parsed.letterhead.government).toBe(LH.government);
    expect(parsed.reportFolderId).toBe('1AbCdEfGhIjKlMnOp');
    expect(
      parseLifecycleSettings([['Folder laporan Monev SOP (ID Google Drive)', 'x y']], SEED_SOP).reportFolderId,
    ).toBe('');
  });
});

describe('Surat Permohonan', () => {
  it('is pre-filled from the answers in the kop, without the NIK, with the first step requirements', () => {
    const html = renderSuratPermohonan(app(), SEED_SOP, LH, null, '2026-11-02');
    expect(html).toContain('PEMERINTAH KABUPATEN BOLAANG MONGONDOW');
    expect(html).toContain('Lolak, 2 November 2026');
    expect(html).toContain('Siti &lt;Aminah&gt;');
    expect(html).toContain('198503122010011001');
    expect(html).toContain('TTE-2026-0042');
    expect(html).toContain('<li>Surat Permohonan</li>');
    expect(html).not.toContain('7101');
    expect(html).not.toContain('<Aminah>');
    expect(html).toContain('@page{size:A4');
  });
  it('names the certificate and the reason of a revocation', () => {
    const html = renderSuratPermohonan(
      app('PENCABUTAN' as never),
      SERVICE_SOPS.PENCABUTAN,
      LH,
      { service: 'PENCABUTAN', serial: 'AB12', revocationReason: 'KUNCI_BOCOR', revocationNote: 'laptop hilang' },
      '2026-11-02',
    );
    expect(html).toContain('Pencabutan');
    expect(html).toContain('AB12');
    expect(html).toContain('disalahgunakan: laptop hilang');
  });
  it('formats letter dates', () => {
    expect(longDate('2027-01-09')).toBe('9 Januari 2027');
  });
});

describe('Lembar Disposisi in the kop', () => {
  it('replaces the plain office lines with the letterhead, once', () => {
    const html = renderLembarDisposisiWithLetterhead(app(), SEED_SOP, { ...LH, contact: 'Telp. 1' });
    expect(html.match(/class="kop"/g)).toHaveLength(1);
    expect(html).toContain('Telp. 1');
    expect(html).toContain('TTE-2026-0042');
  });
});

describe('expiry mail', () => {
  it('says when the certificate ends, links the Form once, and has the same content as text', () => {
    const m = renderExpiryMail({
      kind: 'H7',
      name: 'Budi <b>',
      serial: 'AB12',
      validUntil: '2027-01-31',
      unit: 'Dinas Kominfo',
      daysLeft: 7,
      formUrl: 'https://docs.google.com/forms/d/e/x/viewform',
    });
    expect(m.subject).toContain('dalam 7 hari');
    expect(m.html).toContain('Budi &lt;b&gt;');
    expect(m.html.match(/<a /g)).toHaveLength(1);
    expect(m.text).toContain('Ajukan Pembaruan: https://docs.google.com/forms/d/e/x/viewform');
    expect(m.text).toContain('7 hari lagi');
    const expired = renderExpiryMail({
      kind: 'EXPIRED',
      name: 'B',
      serial: 'AB12',
      validUntil: '2027-01-31',
      unit: '',
      daysLeft: -1,
      formUrl: 'javascript:alert(1)',
    });
    expect(expired.subject).toContain('sudah kedaluwarsa');
    expect(expired.text).toContain('ajukan Penerbitan baru');
    expect(expired.html).not.toContain('javascript:');
  });
});

describe('status access code', () => {
  it('is stable, 10 Crockford characters, and differs between references', () => {
    const code = statusAccessCode('TTE-2026-0042', sign);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(statusAccessCode('tte-2026-0042 ', sign)).toBe(code);
    expect(statusAccessCode('TTE-2026-0043', sign)).not.toBe(code);
  });
  it('accepts the code typed loosely and refuses others', () => {
    const code = statusAccessCode('TTE-2026-0042', sign);
    expect(accessCodeMatches('TTE-2026-0042', code.toLowerCase().replace('-', ' '), sign)).toBe(true);
    expect(accessCodeMatches('TTE-2026-0043', code, sign)).toBe(false);
    expect(accessCodeMatches('TTE-2026-0042', '', sign)).toBe(false);
    expect(normaliseAccessCode('o1-il')).toBe('0111');
  });
});

describe('status lookup pages', () => {
  it('asks for the reference and the code with a GET form to the top window', () => {
    const html = renderStatusLookupPage('https://script.google.com/macros/s/x/exec', 'TTE-"1', 'Tidak cocok');
    expect(html).toContain('method="get"');
    expect(html).toContain('target="_top"');
    expect(html).toContain('value="TTE-&quot;1"');
    expect(html).toContain('role="alert"');
    expect(renderStatusLookupPage('javascript:x')).toContain('action=""');
  });
  it('shows no personal data, and warns of the one-day reset link for a passphrase reset', () => {
    const reset = app('RESET_PASSPHRASE' as never);
    const html = renderLifecycleStatusPage(reset, SERVICE_SOPS.RESET_PASSPHRASE);
    expect(html).toContain(PASSPHRASE_RESET_TEXT.notice);
    expect(html).not.toContain('Siti');
    expect(html).not.toContain('198503122010011001');
    expect(renderLifecycleStatusPage(app(), SEED_SOP)).not.toContain(PASSPHRASE_RESET_TEXT.notice);
  });
});
