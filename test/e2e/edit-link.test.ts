// The applicant's Form edit link opens their answers (the full NIK among them): never kept in the shared register.
import { describe, expect, it } from 'vitest';
import { APPLICANT, act, answers, KABID, KADIS, lastMailTo, OWNER, registerRows, setUp, sheetState } from './harness';

describe('the Form edit link', () => {
  it('is in no register cell; a return mail still carries it, asked of Forms', () => {
    const emu = setUp();
    const submitted = emu.submitForm(answers());
    expect(submitted.editUrl).toMatch(/^https:\/\//);
    const cells = () => emu.sheetDisplayValues('Register Permohonan').flat().join('\n');
    expect(cells()).not.toContain(submitted.editUrl);
    expect(sheetState(emu, 'Register Permohonan').values[0]).not.toContain('Tautan edit Form');
    act(emu, APPLICANT, { action: 'VERIFY_EMAIL' });
    emu.advanceClock(3);
    act(emu, KADIS, { action: 'DISPOSE', toEmail: '', instruction: 'Proses' });
    emu.advanceClock(4);
    act(emu, KABID, { action: 'RETURN', reason: 'Tulis unit kerja sesuai SK' });
    expect(lastMailTo(emu, APPLICANT).body).toContain(submitted.editUrl);
    expect(cells()).not.toContain(submitted.editUrl);
  });

  it("setup deletes the column an older version kept, and the register's data stays", () => {
    const emu = setUp();
    const submitted = emu.submitForm(answers());
    const sheet = sheetState(emu, 'Register Permohonan');
    const before = registerRows(emu)[0];
    sheet.maxColumns += 1;
    for (const row of sheet.values) row.length = sheet.maxColumns - 1;
    sheet.values[0]?.push('Tautan edit Form');
    sheet.values[1]?.push(submitted.editUrl ?? '');
    const run = emu.run('setup_', [], { user: OWNER });
    expect(run.status, run.error ?? '').toBe('COMPLETED');
    expect(JSON.stringify(run.value)).toContain('Kolom \\"Tautan edit Form\\" dihapus');
    expect(sheet.values[0]).not.toContain('Tautan edit Form');
    expect(emu.sheetDisplayValues('Register Permohonan').flat().join('\n')).not.toContain(submitted.editUrl);
    expect(registerRows(emu)[0]).toEqual(before);
  });
});
