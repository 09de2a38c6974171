// A mail sent at once under the lock (issue 5): its Kotak Keluar row is appended claimed, then marked sent: two writes.
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator';
import { APPLICANT, act, answers, KABID, KADIS, lastMailTo, mailsTo, post, setUp, tokenOf, webLinks } from './harness';

const QUOTA_ERROR = 'Service invoked too many times for one day: email.';

function atKadis(): Emulator {
  const emu = setUp();
  emu.submitForm(answers());
  act(emu, APPLICANT, { action: 'VERIFY_EMAIL' });
  return emu;
}

/** Kotak Keluar as header -> display value. */
function outbox(emu: Emulator): Record<string, string>[] {
  const [header = [], ...rows] = emu.sheetDisplayValues('Kotak Keluar');
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i] ?? ''])));
}

const toKabid = (emu: Emulator) => outbox(emu).filter((row) => row.Kepada === KABID);
const disposition = (emu: Emulator) => mailsTo(emu, KABID).filter((mail) => mail.subject.includes('[Perlu disposisi]'));

function decide(emu: Emulator) {
  const link = webLinks(lastMailTo(emu, KADIS))[0] ?? '';
  return post(emu, tokenOf(link), { action: 'DISPOSE', toEmail: '', instruction: 'Proses' }, KADIS);
}

describe('outbox: a mail sent at once', () => {
  it('is written once claimed and once sent: a decision makes 4 writes (register, audit, 2 outbox)', () => {
    const emu = atKadis();
    const page = decide(emu);
    expect(page.title).toBe('Tercatat');
    expect(page.execution?.calls['SpreadsheetApp.Range.setValues']).toBe(4);
    expect(toKabid(emu)).toEqual([
      expect.objectContaining({ Status: 'Terkirim', Percobaan: '1', 'Isi teks': '', 'Isi HTML': '' }),
    ]);
    expect(disposition(emu)).toHaveLength(1);
  });

  it('a refused send (quota) puts the row back to waiting; the trigger sends it once after the reset', () => {
    const emu = atKadis();
    emu.faults.throwOn('MailApp.MailApp.sendEmail', { message: QUOTA_ERROR });
    expect(decide(emu).title).toBe('Tercatat');
    expect(toKabid(emu)).toEqual([
      expect.objectContaining({ Status: 'Menunggu', Percobaan: '1', 'Galat terakhir': QUOTA_ERROR }),
    ]);
    expect(disposition(emu)).toHaveLength(0);
    emu.advanceClock(16);
    expect(disposition(emu)).toHaveLength(1);
    emu.advanceClock(24 * 60);
    expect(disposition(emu)).toHaveLength(1);
    expect(toKabid(emu).filter((row) => row.Subjek?.includes('[Perlu disposisi]'))).toEqual([
      expect.objectContaining({ Status: 'Terkirim', Percobaan: '2' }),
    ]);
  });

  it('a quota that cannot be read leaves the row waiting, unclaimed, for the trigger', () => {
    const emu = atKadis();
    emu.faults.throwOn('MailApp.MailApp.getRemainingDailyQuota');
    expect(decide(emu).title).toBe('Tercatat');
    expect(toKabid(emu)).toEqual([expect.objectContaining({ Status: 'Menunggu', Percobaan: '0' })]);
    expect(disposition(emu)).toHaveLength(0);
    emu.advanceClock(16);
    expect(disposition(emu)).toHaveLength(1);
  });

  it('a fault at the append writes no row and undoes the decision; the retry sends once', () => {
    const emu = atKadis();
    // Writes of the decision: register row, audit row, outbox append.
    emu.faults.throwOn('SpreadsheetApp.Range.setValues', { after: 2 });
    expect(decide(emu).title).toBe('Terjadi kesalahan sistem');
    expect(toKabid(emu)).toEqual([]);
    expect(disposition(emu)).toHaveLength(0);
    expect(decide(emu).title).toBe('Tercatat');
    emu.advanceClock(24 * 60);
    expect(disposition(emu)).toHaveLength(1);
  });

  it('a fault at the sent mark leaves the decision standing and the mail sent once, never again', () => {
    const emu = atKadis();
    emu.faults.throwOn('SpreadsheetApp.Range.setValues', { after: 3 });
    expect(decide(emu).title).toBe('Tercatat');
    expect(disposition(emu)).toHaveLength(1);
    expect(toKabid(emu).map((row) => row.Status)).toEqual(['Sedang dikirim']);
    emu.advanceClock(24 * 60 + 30);
    expect(disposition(emu)).toHaveLength(1);
  });
});
