// A mail sent at once under the lock (issue 5): sent first, then its Kotak Keluar row appended once, already final.
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
  it('is written once, already sent and without its bodies: a decision makes 3 writes (register, audit, outbox)', () => {
    const emu = atKadis();
    const page = decide(emu);
    expect(page.title).toBe('Tercatat');
    expect(page.execution?.calls['SpreadsheetApp.Range.setValues']).toBe(3);
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

  it('a fault at the append after the send keeps the decision, tries the append again, never sends twice', () => {
    const emu = atKadis();
    // Writes of the decision: register row, audit row, outbox append (the third fails, its retry succeeds).
    emu.faults.throwOn('SpreadsheetApp.Range.setValues', { after: 2 });
    const page = decide(emu);
    expect(page.title).toBe('Tercatat');
    expect(page.execution?.calls['SpreadsheetApp.Range.setValues']).toBe(4);
    expect(disposition(emu)).toHaveLength(1);
    expect(toKabid(emu)).toEqual([expect.objectContaining({ Status: 'Terkirim', 'Isi teks': '', 'Isi HTML': '' })]);
    emu.advanceClock(24 * 60 + 30);
    expect(disposition(emu)).toHaveLength(1);
  });

  it('when both appends after a send fail, the decision stands and the mail is never sent again', () => {
    const emu = atKadis();
    // Two rules on the same method: the first throws at the third write, the second (which does not count that call
    // it never saw) at the fourth, the retry.
    emu.faults.throwOn('SpreadsheetApp.Range.setValues', { after: 2 });
    emu.faults.throwOn('SpreadsheetApp.Range.setValues', { after: 2 });
    expect(decide(emu).title).toBe('Tercatat');
    expect(disposition(emu)).toHaveLength(1);
    expect(toKabid(emu)).toEqual([]);
    emu.advanceClock(24 * 60 + 30);
    expect(disposition(emu)).toHaveLength(1);
  });

  it('a fault at the append of a mail not sent (quota unreadable) undoes the decision; the retry sends once', () => {
    const emu = atKadis();
    emu.faults.throwOn('MailApp.MailApp.getRemainingDailyQuota');
    emu.faults.throwOn('SpreadsheetApp.Range.setValues', { after: 2 });
    expect(decide(emu).title).toBe('Terjadi kesalahan sistem');
    expect(toKabid(emu)).toEqual([]);
    expect(disposition(emu)).toHaveLength(0);
    expect(decide(emu).title).toBe('Tercatat');
    emu.advanceClock(24 * 60);
    expect(disposition(emu)).toHaveLength(1);
  });

  it('a fault at the append of a refused mail undoes the decision: nothing sent, nothing lost', () => {
    const emu = atKadis();
    emu.faults.throwOn('MailApp.MailApp.sendEmail', { message: QUOTA_ERROR });
    emu.faults.throwOn('SpreadsheetApp.Range.setValues', { after: 2 });
    expect(decide(emu).title).toBe('Terjadi kesalahan sistem');
    expect(toKabid(emu)).toEqual([]);
    expect(decide(emu).title).toBe('Tercatat');
    emu.advanceClock(24 * 60);
    expect(disposition(emu)).toHaveLength(1);
  });
});
