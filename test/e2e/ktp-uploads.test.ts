// KTP scans uploaded through a hand-added file-upload question: moved to the restricted folder, recorded, trashed by retention.
import { describe, expect, it } from 'vitest';
import { itemAccess } from '../../emulator/services/drive-model';
import { addItem } from '../../emulator/services/forms-items';
import { FILES_DELIVERY_CHOICES } from '../../src/core/intake-form';
import { setPengaturan } from '../security/support';
import { APPLICANT, act, answers, KABID, KADIS, OWNER, SANDIMAN, setUp, sharedText, VERIFIKATOR } from './harness';
import { folderId, H, restrictedRows, scan, UPLOAD_TITLE, uploadedIds, withUploadQuestion } from './ktp-support';

describe('KTP uploads through a hand-added file-upload question', () => {
  it('moves the scan into the folder, renamed by application ID, its link only in Data Terbatas', () => {
    const emu = withUploadQuestion(setUp());
    const submit = emu.submitForm(answers(), { files: { [UPLOAD_TITLE]: [scan('KTP Budi Santoso 7101.JPG')] } });
    expect(submit.executions.map((e) => e.status)).toEqual(['COMPLETED']);
    const [id = ''] = uploadedIds(emu);
    const file = emu.state.files[id];
    expect(file).toMatchObject({ name: 'TTE-2026-0001 KTP.jpg', parents: [folderId(emu)], owner: OWNER });
    expect(itemAccess(emu.state, id, VERIFIKATOR)).toBe('view');
    for (const staff of [KADIS, KABID, SANDIMAN, APPLICANT]) expect(itemAccess(emu.state, id, staff)).toBe('none');
    expect(restrictedRows(emu)[0]).toMatchObject({
      [H.applicationId]: 'TTE-2026-0001',
      [H.nik]: '7101201508850001',
      [H.filesLink]: `https://drive.google.com/file/d/${id}/view`,
    });
    // Never in the register, mails, audit log, outbox or execution logs.
    const logs = emu.executions().flatMap((run) => [...run.logs, run.error ?? '']);
    expect([sharedText(emu), ...logs].join('\n')).not.toContain(id);
  });

  it('several scans are all moved and recorded; a repeated delivery changes nothing', () => {
    const emu = withUploadQuestion(setUp());
    emu.faults.duplicateFormSubmit();
    emu.submitForm(answers(), { files: { [UPLOAD_TITLE]: [scan('depan.png'), scan('belakang.pdf')] } });
    const ids = uploadedIds(emu);
    expect(ids.map((id) => emu.state.files[id]?.name)).toEqual([
      'TTE-2026-0001 KTP (1).png',
      'TTE-2026-0001 KTP (2).pdf',
    ]);
    for (const id of ids) expect(emu.state.files[id]?.parents).toEqual([folderId(emu)]);
    expect(restrictedRows(emu)).toHaveLength(1);
    expect(restrictedRows(emu)[0]?.[H.filesLink]).toBe(
      ids.map((id) => `https://drive.google.com/file/d/${id}/view`).join('\n'),
    );
  });

  it("the Verifikator's decision page links the moved scan", () => {
    const emu = withUploadQuestion(setUp());
    emu.submitForm(answers(), { files: { [UPLOAD_TITLE]: [scan('ktp.jpg')] } });
    const [id = ''] = uploadedIds(emu);
    act(emu, APPLICANT, { action: 'VERIFY_EMAIL' });
    emu.advanceClock(3);
    act(emu, KADIS, { action: 'DISPOSE', toEmail: KABID, instruction: 'Proses' });
    emu.advanceClock(3);
    act(emu, KABID, { action: 'DISPOSE', toEmail: SANDIMAN, instruction: 'Periksa' });
    emu.advanceClock(3);
    const sandiman = act(emu, SANDIMAN, { action: 'VERIFY', toEmail: VERIFIKATOR, note: 'Lengkap' });
    expect(sandiman.page.content).not.toContain(id);
    emu.advanceClock(3);
    const verifikator = act(emu, VERIFIKATOR, { action: 'SUBMIT_TO_BSRE' });
    expect(verifikator.page.content).toContain(`https://drive.google.com/file/d/${id}/view`);
  });

  it('without the question, a Drive-link answer stays as given: the applicant keeps the file, Data Terbatas the link', () => {
    const emu = setUp();
    const link = 'https://drive.google.com/drive/folders/1AbCdEfGhIjKlMnOp';
    emu.submitForm(answers({ filesDelivery: FILES_DELIVERY_CHOICES.TAUTAN_DRIVE, filesLink: link }));
    expect(restrictedRows(emu)[0]?.[H.filesLink]).toBe(link);
    expect(Object.values(emu.state.files).filter((f) => f.parents.includes(folderId(emu)))).toEqual([]);
  });

  it('retention trashes a moved scan once the application is finished and the set days have passed, logged', () => {
    const emu = withUploadQuestion(setUp());
    emu.submitForm(answers(), { files: { [UPLOAD_TITLE]: [scan('ktp.jpg')] } });
    const [id = ''] = uploadedIds(emu);
    act(emu, APPLICANT, { action: 'VERIFY_EMAIL' });
    emu.advanceClock(3);
    act(emu, KADIS, { action: 'REJECT', reason: 'Bukan pegawai Pemerintah Kabupaten' });
    const check = () => emu.run('runIntegrityCheck_', [], { kind: 'TIME_DRIVEN' });
    expect(check().status).toBe('COMPLETED');
    expect(emu.state.files[id]?.trashed).toBe(false);
    setPengaturan(emu, 'Masa simpan Data Terbatas setelah selesai (hari)', '0');
    const run = check();
    expect(run.status, run.error ?? '').toBe('COMPLETED');
    expect(run.value).toMatchObject({ erased: 1 });
    expect(emu.state.files[id]?.trashed).toBe(true);
    expect(restrictedRows(emu)[0]).toMatchObject({ [H.nik]: '', [H.filesLink]: '' });
  });

  it('retention trashes every scan of a several-file upload (one link per line), and says how many', () => {
    const emu = withUploadQuestion(setUp());
    emu.submitForm(answers(), { files: { [UPLOAD_TITLE]: [scan('depan.png'), scan('belakang.pdf')] } });
    const ids = uploadedIds(emu);
    expect(ids).toHaveLength(2);
    act(emu, APPLICANT, { action: 'VERIFY_EMAIL' });
    emu.advanceClock(3);
    act(emu, KADIS, { action: 'REJECT', reason: 'Bukan pegawai Pemerintah Kabupaten' });
    setPengaturan(emu, 'Masa simpan Data Terbatas setelah selesai (hari)', '0');
    const run = emu.run('runIntegrityCheck_', [], { kind: 'TIME_DRIVEN' });
    expect(run.status, run.error ?? '').toBe('COMPLETED');
    for (const id of ids) expect(emu.state.files[id]?.trashed).toBe(true);
    expect(restrictedRows(emu)[0]).toMatchObject({ [H.nik]: '', [H.filesLink]: '' });
    expect(sharedText(emu)).toContain('2 berkas KTP/permohonan di Drive milik sistem dipindahkan ke sampah.');
  });

  it('a file ID typed into any other hand-added question is never taken for an upload (the register stays put)', () => {
    const emu = setUp();
    const formId = emu.state.scriptProperties.FORM_ID ?? '';
    const registerId = emu.state.scriptProperties.SPREADSHEET_ID ?? '';
    // Staff add a checkbox question with an "Other" box: the applicant's typed text arrives in a list, like file IDs.
    const form = emu.state.forms[formId]!;
    const item = addItem(form, 'CHECKBOX', UPLOAD_TITLE);
    item.choices = ['Terlampir'];
    item.hasOtherOption = true;
    const before = JSON.stringify(emu.state.files[registerId]);
    const submit = emu.submitForm({ ...answers(), [UPLOAD_TITLE]: [registerId] });
    expect(submit.executions.map((e) => e.status)).toEqual(['COMPLETED']);
    expect(JSON.stringify(emu.state.files[registerId])).toBe(before);
    expect(restrictedRows(emu)[0]?.[H.filesLink]).toBe('');
  });

  it('a correction through the edit link that adds the scan moves and records it too', () => {
    const emu = withUploadQuestion(setUp());
    const first = emu.submitForm(answers({ name: 'Dr. Budi Santoso' }));
    expect(restrictedRows(emu)[0]?.[H.filesLink]).toBe('');
    // The edited response carries an upload Forms stored in the owner's Drive (as a submit with files does).
    const id = '1upEditedScan0001';
    emu.state.files[id] = {
      id,
      name: 'ktp baru.png',
      mimeType: 'image/png',
      content: Buffer.from('pindaian').toString('base64'),
      parents: [emu.state.rootFolderId],
      owner: OWNER,
      editors: [],
      viewers: [],
      sharing: { access: 'PRIVATE', permission: 'NONE' },
      trashed: false,
      created: emu.now(),
      description: '',
    };
    emu.advanceClock(5);
    const edited = emu.editResponse(first.responseId, { ...answers(), [UPLOAD_TITLE]: [id] });
    expect(edited.executions.map((e) => e.status)).toEqual(['COMPLETED']);
    expect(emu.state.files[id]).toMatchObject({ name: 'TTE-2026-0001 KTP.png', parents: [folderId(emu)] });
    expect(restrictedRows(emu)[0]?.[H.filesLink]).toBe(`https://drive.google.com/file/d/${id}/view`);
  });

  it('a correction that replaces the scan trashes the replaced one (no unlinked scan stays in the folder)', () => {
    const emu = withUploadQuestion(setUp());
    const first = emu.submitForm(answers({ name: 'Dr. Budi Santoso' }), {
      files: { [UPLOAD_TITLE]: [scan('lama.jpg')] },
    });
    const [old = ''] = uploadedIds(emu);
    expect(emu.state.files[old]?.parents).toEqual([folderId(emu)]);
    const id = '1upReplacedScan001';
    emu.state.files[id] = {
      ...structuredClone(emu.state.files[old]!),
      id,
      name: 'baru.jpg',
      parents: [emu.state.rootFolderId],
    };
    emu.advanceClock(5);
    const edited = emu.editResponse(first.responseId, { ...answers(), [UPLOAD_TITLE]: [id] });
    expect(edited.executions.map((e) => e.status)).toEqual(['COMPLETED']);
    expect(emu.state.files[id]).toMatchObject({ parents: [folderId(emu)], trashed: false });
    expect(emu.state.files[old]?.trashed).toBe(true);
    expect(restrictedRows(emu)[0]?.[H.filesLink]).toBe(`https://drive.google.com/file/d/${id}/view`);
    const logs = emu.executions().flatMap((run) => run.logs);
    expect(logs.join('\n')).not.toContain(old);
  });
});
