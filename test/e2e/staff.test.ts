// Staff in the spreadsheet: the menu, setup run twice, decisions via the sidebar's link, the Lembar Disposisi, the audit check.
import { describe, expect, it } from 'vitest';
import {
  APPLICANT,
  act,
  answers,
  auditRows,
  KABID,
  KADIS,
  lastMailTo,
  OWNER,
  openLink,
  pageToken,
  post,
  registerRows,
  setUp,
  unescapeHtml,
} from './harness';

const REFERENCE = 'TTE-2026-0001';

describe('the menu and setup', () => {
  it('shows the custom menu on open and is safe to run twice, by anyone: triggers once each', () => {
    const emu = setUp();
    expect(emu.menus()[0]?.caption).toBe('Sertifikat Elektronik');
    expect(emu.menus()[0]?.items.map((i) => i.functionName)).toEqual([
      'setup_',
      'openSidebar_',
      'openDisposition_',
      'flushOutbox_',
      'verifyAuditLog_',
      'openSuratPermohonan_',
      'refreshDashboard_',
      'generateReport_',
      'checkExpiryNow_',
    ]);
    const handlers = () => emu.state.triggers.map((t) => t.handlerFunction).sort();
    expect(handlers()).toEqual([
      'flushOutbox_',
      'handleFormSubmit_',
      'runExpiryCheck_',
      'runIntegrityCheck_',
      'runMonthlyReport_',
      'runSlaCheck_',
    ]);
    const sheets = () => Object.values(emu.state.spreadsheets).map((s) => s.sheets.map((sh) => sh.name));
    const before = sheets();
    const props = { ...emu.state.scriptProperties };

    const again = emu.runMenuItem('Siapkan/perbaiki sistem', OWNER);
    expect(again.status).toBe('COMPLETED');
    expect(again.ui.alerts[0]?.prompt).toContain('Semua sudah siap');
    const byOther = emu.runMenuItem('Siapkan/perbaiki sistem', KADIS);
    expect(byOther.status, byOther.error ?? '').toBe('COMPLETED');
    expect(handlers()).toEqual([
      'flushOutbox_',
      'handleFormSubmit_',
      'runExpiryCheck_',
      'runIntegrityCheck_',
      'runMonthlyReport_',
      'runSlaCheck_',
    ]);
    expect(sheets()).toEqual(before);
    expect(emu.state.scriptProperties).toEqual(props);
    expect(Object.keys(emu.state.forms)).toHaveLength(1);
  });

  it('repairs a missing sheet', () => {
    const emu = setUp();
    const ss = emu.state.spreadsheets[emu.state.scriptProperties.SPREADSHEET_ID ?? ''];
    const outbox = ss?.sheets.find((s) => s.name === 'Kotak Keluar');
    if (!ss || !outbox) throw new Error('setup did not create Kotak Keluar');
    ss.sheets = ss.sheets.filter((s) => s !== outbox);
    const result = emu.runMenuItem('Siapkan/perbaiki sistem', OWNER);
    expect(result.ui.alerts[0]?.prompt).toContain('Sheet "Kotak Keluar" dibuat.');
    emu.submitForm(answers());
    expect(lastMailTo(emu, APPLICANT).subject).toContain(REFERENCE);
  });
});

describe('the sidebar and the Lembar Disposisi', () => {
  it("the Kepala Dinas decides via the sidebar's link to the web app; the Lembar Disposisi prints both dispositions", () => {
    const emu = setUp();
    emu.submitForm(answers());
    act(emu, APPLICANT, { action: 'VERIFY_EMAIL' });
    emu.uiResponder = () => ({ button: 'OK', text: REFERENCE });
    const opened = emu.runMenuItem('Buka panel tindakan', KADIS);
    expect(opened.status, opened.error ?? '').toBe('COMPLETED');
    const html = opened.ui.sidebars[0]?.html ?? '';
    expect(html).toContain('7101********0001');
    // The sidebar decides nothing itself (it runs as the staff member): no form, only the link to the decision page.
    expect(html).not.toContain('<form');
    const link =
      /<a class="open-link" href="([^"]*\/exec\?t=[^"]+)" target="_blank"[^>]*>Buka halaman keputusan</.exec(
        html,
      )?.[1] ?? '';
    expect(link).not.toBe('');
    const page = openLink(emu, unescapeHtml(link), KADIS);
    expect(page.content).toContain(`Keputusan permohonan ${REFERENCE}`);
    const fields = { action: 'DISPOSE', toEmail: '', instruction: 'Segera diproses' };
    const decided = post(emu, pageToken(page), fields, KADIS);
    expect(decided.execution?.status, decided.execution?.error ?? '').toBe('COMPLETED');
    expect(registerRows(emu)[0]?.Status).toBe('Didisposisikan ke Kabid Persandian');
    expect(auditRows(emu).at(-1)).toMatchObject({ Peristiwa: 'Disposisi', Pelaku: KADIS });

    // The same page's form again: already used.
    const twice = post(emu, pageToken(page), fields, KADIS);
    expect(twice.content).toContain('Tautan sudah dipakai');

    // Someone who does not hold the step sees the application but no link.
    const notHolder = emu.runMenuItem('Buka panel tindakan', KADIS);
    expect(notHolder.ui.sidebars[0]?.html).toContain(REFERENCE);
    expect(notHolder.ui.sidebars[0]?.html).not.toContain('/exec?t=');

    act(emu, KABID, { action: 'DISPOSE', toEmail: '', instruction: 'Periksa berkas' });
    const sheet = emu.runMenuItem('Lembar Disposisi (baris terpilih)', OWNER);
    const dialog = sheet.ui.dialogs[0];
    expect(dialog?.title).toContain(REFERENCE);
    expect(dialog?.html).toContain('Segera diproses');
    expect(dialog?.html).toContain('Periksa berkas');
    expect(dialog?.html).not.toContain('7101201508850001');
  });

  it('the audit check finds an edited row', () => {
    const emu = setUp();
    emu.submitForm(answers());
    act(emu, APPLICANT, { action: 'VERIFY_EMAIL' });
    expect(emu.run('verifyAuditLog_').value).toMatchObject({ ok: true });
    const ss = emu.state.spreadsheets[emu.state.scriptProperties.SPREADSHEET_ID ?? ''];
    const audit = ss?.sheets.find((s) => s.name === 'Jejak Audit');
    const row = audit?.values[1];
    if (!row) throw new Error('no audit row');
    row[3] = 'orang.lain@bolmongkab.go.id';
    const check = emu.run('verifyAuditLog_');
    expect(check.value).toMatchObject({ ok: false });
    expect(String((check.value as { message: string }).message)).toContain('baris 2');
  });
});
