// Tamper evidence of Jejak Audit (menu and hourly check) and personal data: Data Terbatas, masking everywhere else,
// retention with logged deletion, the privacy notice on the Form.
import { describe, expect, it } from 'vitest';
import type { Emulator, WebResponse } from '../../emulator';
import { createSpreadsheetApp } from '../../emulator/services/spreadsheet';
import {
  APPLICANT,
  act,
  answers,
  auditRows,
  KABID,
  KADIS,
  OWNER,
  registerRows,
  SANDIMAN,
  setUp,
  VERIFIKATOR,
  webLinks,
} from '../e2e/harness';
import { makeContext } from '../emulator/documents/context';
import {
  knownNiks,
  leakedNiks,
  outboxRows,
  restrictedId,
  setPengaturan,
  sharedEverywhere,
  tally,
  track,
} from './support';

const NIK = '7101201508850001';
const AUDIT = 'Jejak Audit';

function auditSheet(emu: Emulator) {
  const ss = emu.state.spreadsheets[emu.state.scriptProperties.SPREADSHEET_ID ?? ''];
  const sheet = ss?.sheets.find((s) => s.name === AUDIT);
  if (!sheet) throw new Error('no Jejak Audit');
  return sheet;
}

/** A world with an issued certificate, every page visited kept for the scans. */
function issued(pages: WebResponse[]): Emulator {
  const emu = track(setUp());
  knownNiks.add(NIK);
  emu.submitForm(answers());
  const turns: [string, Record<string, string>][] = [
    [APPLICANT, { action: 'VERIFY_EMAIL' }],
    [KADIS, { action: 'DISPOSE', toEmail: KABID, instruction: 'Proses' }],
    [KABID, { action: 'DISPOSE', toEmail: SANDIMAN, instruction: 'Periksa' }],
    [SANDIMAN, { action: 'VERIFY', toEmail: VERIFIKATOR, note: 'Lengkap' }],
    [VERIFIKATOR, { action: 'SUBMIT_TO_BSRE' }],
    [VERIFIKATOR, { action: 'BSRE_ACCOUNT_SENT' }],
    [VERIFIKATOR, { action: 'BSRE_VERIFIED' }],
    [VERIFIKATOR, { action: 'PASSPHRASE_SET' }],
    [VERIFIKATOR, { action: 'CERTIFICATE_ISSUED', serial: 'BSRE-2026-000123', validUntil: '2028-01-05' }],
  ];
  for (const [who, fields] of turns) {
    emu.advanceClock(3);
    const { page, result } = act(emu, who, fields);
    pages.push(page, result);
  }
  // The applicant's status link, opened after issuance.
  for (const mail of emu.outbox().filter((m) => m.to === APPLICANT)) {
    for (const link of webLinks(mail))
      pages.push(emu.doGet({ query: { t: decodeURIComponent(link.split('t=')[1] ?? '') }, user: APPLICANT }));
  }
  expect(registerRows(emu)[0]?.Status).toBe('Sertifikat terbit');
  return emu;
}

function integrity(emu: Emulator): { chainOk: boolean; brokenRow: number; erased: number; repaired: number } {
  const run = emu.run('runIntegrityCheck_', [], { kind: 'TIME_DRIVEN' });
  expect(run.status, run.error ?? '').toBe('COMPLETED');
  return run.value as { chainOk: boolean; brokenRow: number; erased: number; repaired: number };
}

describe('tamper evidence: Jejak Audit', () => {
  const tampers: [string, (emu: Emulator) => number][] = [
    [
      'a cell edited',
      (emu) => {
        const row = auditSheet(emu).values[3];
        if (row) row[3] = 'orang.lain@bolmongkab.go.id';
        return 4;
      },
    ],
    [
      'a row deleted',
      (emu) => {
        const sheet = auditSheet(emu);
        for (const grid of [sheet.values, sheet.formulas, sheet.numberFormats]) grid.splice(2, 1);
        return 3;
      },
    ],
    [
      'a row inserted',
      (emu) => {
        const sheet = auditSheet(emu);
        const copy = [...(sheet.values[2] ?? [])];
        copy[2] = 'Disposisi palsu';
        sheet.values.splice(3, 0, copy);
        sheet.formulas.splice(
          3,
          0,
          copy.map(() => ''),
        );
        sheet.numberFormats.splice(
          3,
          0,
          copy.map(() => '@'),
        );
        return 4;
      },
    ],
    [
      'two rows swapped',
      (emu) => {
        const values = auditSheet(emu).values;
        const [a, b] = [values[2], values[3]];
        if (a && b) [values[2], values[3]] = [b, a];
        return 3;
      },
    ],
  ];
  for (const [what, tamper] of tampers) {
    it(`${what}: the menu check and the hourly check name the first broken row; the owner is alarmed once`, () => {
      const emu = track(setUp());
      knownNiks.add(NIK);
      emu.submitForm(answers());
      act(emu, APPLICANT, { action: 'VERIFY_EMAIL' });
      emu.advanceClock(3);
      act(emu, KADIS, { action: 'DISPOSE', toEmail: '', instruction: 'Proses' });
      expect(integrity(emu).chainOk).toBe(true);
      const row = tamper(emu);
      tally.faultsInjected += 1;
      const menu = emu.run('verifyAuditLog_');
      expect(menu.value).toMatchObject({ ok: false });
      expect(String((menu.value as { message: string }).message)).toContain(`baris ${row}`);
      const hourly = integrity(emu);
      expect(hourly).toMatchObject({ chainOk: false, brokenRow: row });
      const alarm = outboxRows(emu).filter((r) => (r.Subjek ?? '').includes(`rusak mulai baris ${row}`));
      expect(alarm).toHaveLength(1);
      expect(alarm[0]?.Kepada).toContain(OWNER);
      integrity(emu);
      expect(outboxRows(emu).filter((r) => (r.Subjek ?? '').includes('Jejak Audit rusak'))).toHaveLength(1);
      tally.faultsRecovered += 1;
    });
  }

  it('the whole log rewritten with freshly computed hashes is caught by the anchor the last check kept', () => {
    const emu = track(setUp());
    knownNiks.add(NIK);
    emu.submitForm(answers());
    act(emu, APPLICANT, { action: 'VERIFY_EMAIL' });
    expect(integrity(emu).chainOk).toBe(true);
    // Someone with edit rights drops every row after the first and leaves a chain that verifies on its own.
    const sheet = auditSheet(emu);
    const keep = 2;
    for (const grid of [sheet.values, sheet.formulas, sheet.numberFormats]) grid.splice(keep);
    tally.faultsInjected += 1;
    expect(emu.run('verifyAuditLog_').value).toMatchObject({ ok: true });
    const hourly = integrity(emu);
    expect(hourly.chainOk).toBe(false);
    expect(hourly.brokenRow).toBeGreaterThan(keep - 1);
    tally.faultsRecovered += 1;
  });

  it('a status edited by hand in the register is found and explained in the log', () => {
    const emu = track(setUp());
    knownNiks.add(NIK);
    emu.submitForm(answers());
    act(emu, APPLICANT, { action: 'VERIFY_EMAIL' });
    const ss = emu.state.spreadsheets[emu.state.scriptProperties.SPREADSHEET_ID ?? ''];
    const register = ss?.sheets.find((s) => s.name === 'Register Permohonan');
    const statusColumn = register?.values[0]?.indexOf('Kode status') ?? -1;
    const row = register?.values[1];
    if (!row || statusColumn < 0) throw new Error('no register row');
    row[statusColumn] = 'DITOLAK';
    tally.faultsInjected += 1;
    expect(integrity(emu).repaired).toBe(1);
    expect(auditRows(emu).at(-1)).toMatchObject({ Peristiwa: 'Pemulihan jejak audit', 'Status Sesudah': 'Ditolak' });
    expect(integrity(emu).repaired).toBe(0);
    expect(emu.run('verifyAuditLog_').value).toMatchObject({ ok: true });
    tally.faultsRecovered += 1;
  });

  it('the log sheet is protected (not a warning): only the script owner may edit it; a re-run drops other editors', () => {
    const emu = track(setUp());
    const protections = () => auditSheet(emu).protections.filter((p) => p.type === 'SHEET');
    expect(protections()).toHaveLength(1);
    expect(protections()[0]?.warningOnly).toBe(false);
    expect(protections()[0]?.editors).toEqual([OWNER]);
    // Editors an earlier version added (the roster) are removed when setup runs again.
    protections()[0]?.editors.push(KADIS, VERIFIKATOR);
    const again = emu.runMenuItem('Siapkan/perbaiki sistem', OWNER);
    expect(again.status, again.error ?? '').toBe('COMPLETED');
    expect(protections()).toHaveLength(1);
    expect(protections()[0]?.editors).toEqual([OWNER]);
  });

  it("a staff member's own write to the log is refused; decisions by every role still append (the web app runs as the owner)", () => {
    const emu = issued([]);
    const spreadsheetId = emu.state.scriptProperties.SPREADSHEET_ID ?? '';
    for (const staff of [KADIS, KABID, SANDIMAN, VERIFIKATOR]) {
      const book = createSpreadsheetApp(makeContext(emu.state, { user: staff })).openById(spreadsheetId);
      const log = book.getSheetByName(AUDIT);
      if (!log) throw new Error('no Jejak Audit');
      expect(() => log.appendRow(['palsu'])).toThrow(/protected cell/);
      expect(() => log.getRange('D2').setValue(staff)).toThrow(/protected cell/);
    }
    const actors = new Set(auditRows(emu).map((row) => row.Pelaku));
    for (const staff of [APPLICANT, KADIS, KABID, SANDIMAN, VERIFIKATOR]) expect(actors).toContain(staff);
    expect(emu.run('verifyAuditLog_').value).toMatchObject({ ok: true });
  });
});

describe('personal data', () => {
  it('the full NIK is only in Data Terbatas, shared only with the Verifikator; never in sheets, mail, logs or pages', () => {
    const pages: WebResponse[] = [];
    const emu = issued(pages);
    const restricted = emu.state.spreadsheets[restrictedId(emu)];
    expect(restricted?.editors.map((e) => e.toLowerCase()).sort()).toEqual([VERIFIKATOR]);
    expect(restricted?.viewers).toEqual([]);
    expect(restricted?.owner).toBe(OWNER);
    expect(emu.sheetDisplayValues('Data Terbatas', restrictedId(emu)).flat().join('\n')).toContain(NIK);
    const sidebar = emu.runMenuItem('Buka panel tindakan', KADIS);
    const everything = sharedEverywhere(emu, [
      ...pages.map((p) => p.content),
      ...sidebar.ui.sidebars.map((s) => s.html),
      ...sidebar.ui.alerts.map((a) => a.prompt),
    ]);
    expect(leakedNiks(everything)).toEqual([]);
    expect(everything).toContain('7101********0001');
    // No 16-digit run at all outside Data Terbatas that is one of the applicants' NIKs, in any mail's HTML or text.
    for (const mail of emu.outbox()) expect(`${mail.body}${mail.htmlBody}`).not.toContain(NIK);
  });

  it('retention: full NIK and files link deleted the set number of days after issuance, logged; chain intact', () => {
    const emu = issued([]);
    const nikCell = () => emu.sheetDisplayValues('Data Terbatas', restrictedId(emu))[1]?.[1] ?? '';
    expect(nikCell()).toBe(NIK);
    emu.state.now += 29 * 86_400_000;
    expect(integrity(emu).erased).toBe(0);
    expect(nikCell()).toBe(NIK);
    emu.state.now += 2 * 86_400_000;
    expect(integrity(emu).erased).toBe(1);
    expect(nikCell()).toBe('');
    expect(auditRows(emu).at(-1)).toMatchObject({ Peristiwa: 'Data pribadi dihapus (retensi)' });
    expect(auditRows(emu).at(-1)?.Keterangan).toContain('30 hari');
    expect(integrity(emu).erased).toBe(0);
    expect(emu.run('verifyAuditLog_').value).toMatchObject({ ok: true });
    // The issued-certificate register (SOP record keeping) stays.
    expect(registerRows(emu)[0]?.Status).toBe('Sertifikat terbit');
    expect(emu.sheetDisplayValues('Sertifikat Terbit').length).toBe(2);
  });

  it('retention follows Pengaturan, applies to rejections too, and never touches applications in process', () => {
    const emu = track(setUp());
    knownNiks.add(NIK);
    knownNiks.add('7101201508850002');
    emu.submitForm(answers());
    emu.submitForm(answers({ nik: '7101201508850002', email: 'ani@bolmongkab.go.id' }));
    act(emu, APPLICANT, { action: 'VERIFY_EMAIL' });
    emu.advanceClock(3);
    act(emu, KADIS, { action: 'REJECT', reason: 'Bukan pegawai Pemerintah Kabupaten' });
    setPengaturan(emu, 'Masa simpan Data Terbatas setelah selesai (hari)', '0');
    expect(integrity(emu).erased).toBe(1);
    const rows = emu.sheetDisplayValues('Data Terbatas', restrictedId(emu));
    expect(rows[1]?.[1]).toBe('');
    expect(rows[2]?.[1]).toBe('7101201508850002');
  });

  it('the Form carries the privacy notice: what is kept, why (public service task), for how long', () => {
    const emu = track(setUp());
    const form = Object.values(emu.state.forms)[0];
    const notice = form?.description ?? '';
    expect(notice).toMatch(/NIK/);
    expect(notice).toMatch(/KTP/);
    expect(notice).toMatch(/pelayanan publik|tugas/i);
    expect(notice).toMatch(/27 Tahun 2022|Pelindungan Data Pribadi/i);
    expect(notice).toContain('30 hari');
    setPengaturan(emu, 'Masa simpan Data Terbatas setelah selesai (hari)', '14');
    emu.runMenuItem('Siapkan/perbaiki sistem', OWNER);
    expect(Object.values(emu.state.forms)[0]?.description).toContain('14 hari');
  });
});
