// Expiry tracking through the built bundle: the daily trigger sends H-30, H-7 and expiry notices exactly once each.
import { describe, expect, it } from 'vitest';
import { APPLICANT, auditRows, mailsTo, OWNER, setUp, VERIFIKATOR } from '../harness';
import { issueCertificate, keepClockTriggers, rowsOf } from './lifecycle-harness';

const SERIAL = 'BSRE-2026-000777';
/** Last valid day: H-30 falls on 8 February, H-7 on 3 March, and it is expired from 11 March 2026. */
const VALID_UNTIL = '2026-03-10';

/** "2026-02-08 07" : the WITA day and hour a mail went (a daily trigger runs within its hour). */
function witaHour(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 13).replace('T', ' ');
}

function notices(emu: ReturnType<typeof setUp>, to: string) {
  return mailsTo(emu, to)
    .filter((m) => m.subject.includes(SERIAL))
    .map((m) => ({ subject: m.subject, at: witaHour(m.sentAt) }));
}

describe('expiry notices', () => {
  it('mails the holder and the Verifikator at H-30, H-7 and on expiry, once each, and marks the certificate', () => {
    const emu = setUp();
    issueCertificate(emu, SERIAL, VALID_UNTIL);
    expect(emu.state.triggers.map((t) => t.handlerFunction)).toContain('runExpiryCheck_');
    keepClockTriggers(emu, ['runExpiryCheck_']);

    // 5 January -> 1 February: nothing due yet; the state column says active... then expiring within the window.
    const early = emu.advanceClock(27 * 24 * 60);
    expect(early.length).toBeGreaterThanOrEqual(27);
    expect(early.every((r) => r.status === 'COMPLETED')).toBe(true);
    expect(notices(emu, APPLICANT)).toEqual([]);
    expect(rowsOf(emu, 'Sertifikat Terbit')[0]?.['Status sertifikat']).toBe('Aktif');

    // Across H-30, H-7 and the expiry day, then three more weeks: every run completes, each notice comes once.
    const runs = emu.advanceClock(60 * 24 * 60);
    expect(runs.every((r) => r.status === 'COMPLETED')).toBe(true);
    const holder = notices(emu, APPLICANT);
    expect(holder).toHaveLength(3);
    expect(holder[0]).toEqual({
      subject: `Masa berlaku sertifikat elektronik Anda berakhir dalam 30 hari (nomor seri ${SERIAL})`,
      at: '2026-02-08 07',
    });
    expect(holder[1]).toEqual({
      subject: `Masa berlaku sertifikat elektronik Anda berakhir dalam 7 hari (nomor seri ${SERIAL})`,
      at: '2026-03-03 07',
    });
    expect(holder[2]).toEqual({
      subject: `Sertifikat elektronik Anda sudah kedaluwarsa (nomor seri ${SERIAL})`,
      at: '2026-03-11 07',
    });
    expect(notices(emu, VERIFIKATOR)).toEqual(holder);

    const h30 = mailsTo(emu, APPLICANT).find((m) => m.subject.includes('30 hari'))!;
    expect(h30.body).toContain('berlaku sampai 2026-03-10 (30 hari lagi)');
    expect(h30.htmlBody).toMatch(/href="https:\/\/docs\.google\.com\/forms\/[^"]*viewform\?[^"]*Pembaruan/);
    // The link is pre-filled with this certificate's own serial (the run makes one link per kind and puts it in).
    expect(h30.htmlBody).toMatch(new RegExp(`href="[^"]*viewform\\?[^"]*=${SERIAL}[&"]`));
    const expired = mailsTo(emu, APPLICANT).find((m) => m.subject.includes('kedaluwarsa'))!;
    expect(expired.body).toContain('ajukan Penerbitan baru');

    const cert = rowsOf(emu, 'Sertifikat Terbit')[0]!;
    expect(cert['Status sertifikat']).toBe('Kedaluwarsa');
    expect(cert['Pemberitahuan masa berlaku terkirim']).toBe('H-30, H-7, Kedaluwarsa');
    expect(auditRows(emu).filter((r) => r.Peristiwa === 'Pemberitahuan masa berlaku sertifikat')).toHaveLength(3);

    // Run again by hand from the menu: nothing more is sent.
    const again = emu.runMenuItem('Periksa masa berlaku sertifikat', OWNER);
    expect(again.status, again.error ?? '').toBe('COMPLETED');
    expect(again.value).toEqual({ notices: 0, marked: 0, waiting: 0 });
    expect(notices(emu, APPLICANT)).toHaveLength(3);
  });
});
