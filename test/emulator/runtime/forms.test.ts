// Form submit delivery: validation as the form UI does it, form and spreadsheet onFormSubmit events, edits, faults.
import { describe, expect, it } from 'vitest';
import { FormSubmitError } from '../../../emulator';
import { addFileUploadItem } from '../../../emulator/services/forms';
import { COLLEAGUE, emulate, OUTSIDER } from './bundle-fixture';

const CODE = `
function setup() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var form = FormApp.create('Permohonan');
  form.addTextItem().setTitle('Nama').setRequired(true);
  form.addCheckboxItem().setTitle('Layanan').setChoiceValues(['TTE', 'Email']);
  form.setAllowResponseEdits(true);
  form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
  ScriptApp.newTrigger('onSubmitForm').forForm(form).onFormSubmit().create();
  ScriptApp.newTrigger('onSubmitSheet').forSpreadsheet(ss).onFormSubmit().create();
  PropertiesService.getScriptProperties().setProperty('formId', form.getId());
}
function onSubmitForm(e) {
  Logger.log(JSON.stringify({ id: e.response.getId(), auth: e.authMode, uid: e.triggerUid, source: e.source.getId(),
    user: Session.getEffectiveUser().getEmail(),
    items: e.response.getItemResponses().map(function (r) { return [r.getItem().getTitle(), r.getResponse()]; }) }));
}
function onSubmitSheet(e) {
  Logger.log(JSON.stringify({ values: e.values, named: e.namedValues, a1: e.range ? e.range.getA1Notation() : null,
    uid: e.triggerUid, auth: e.authMode }));
}
function scriptSubmit() {
  var form = FormApp.openById(PropertiesService.getScriptProperties().getProperty('formId'));
  var item = form.getItems()[0].asTextItem();
  form.createResponse().withItemResponse(item.createResponse('Dari skrip')).submit();
}
`;

function logged(result: { logs: string[] }) {
  return JSON.parse(result.logs[0] ?? 'null');
}

describe('form submit delivery (Ref: docs/reference/apps-script-runtime.md §3 Form submit [EV][FTB], Trigger rules [INST])', () => {
  it('runs the form trigger with {authMode, response, source, triggerUid} and the sheet trigger with {namedValues, range, values}, as the creator', () => {
    const emu = emulate(CODE, { bound: true });
    emu.state.spreadsheets[emu.state.containerSpreadsheetId!]!.editors.push(COLLEAGUE);
    const setup = emu.run('setup', [], { user: COLLEAGUE });
    expect(setup.error).toBeNull();
    const formId = emu.state.scriptProperties.formId!;
    const [formUid, sheetUid] = emu.state.triggers.map((t) => t.uid);
    const submitted = emu.submitForm({ Nama: 'Budi', Layanan: ['TTE', 'Email'] }, { respondentEmail: OUTSIDER });
    expect(submitted.executions.map((e) => [e.functionName, e.kind, e.user, e.status])).toEqual([
      ['onSubmitForm', 'TRIGGER', COLLEAGUE, 'COMPLETED'],
      ['onSubmitSheet', 'TRIGGER', COLLEAGUE, 'COMPLETED'],
    ]);
    expect(logged(submitted.executions[0]!)).toEqual({
      id: submitted.responseId,
      auth: 'FULL',
      uid: formUid,
      source: formId,
      user: COLLEAGUE,
      items: [
        ['Nama', 'Budi'],
        ['Layanan', ['TTE', 'Email']],
      ],
    });
    const sheet = logged(submitted.executions[1]!);
    expect(sheet.uid).toBe(sheetUid);
    expect(sheet.auth).toBe('FULL');
    expect(sheet.a1).toBe('A2:C2');
    expect(sheet.values.slice(1)).toEqual(['Budi', 'TTE, Email']);
    expect(sheet.named.Nama).toEqual(['Budi']);
    expect(Object.keys(sheet.named)).toHaveLength(3);
    expect(submitted.editUrl).toContain(formId);
  });

  it('refuses answers the form UI would refuse, changing nothing and running nothing', () => {
    const emu = emulate(CODE, { bound: true });
    emu.run('setup');
    const before = emu.executions().length;
    expect(() => emu.submitForm({ Layanan: ['TTE'] })).toThrow(FormSubmitError);
    expect(emu.executions()).toHaveLength(before);
    expect(Object.values(emu.state.forms)[0]!.responses).toHaveLength(0);
  });

  it('an edit through the edit URL delivers the same response ID again', () => {
    const emu = emulate(CODE, { bound: true });
    emu.run('setup');
    const { responseId } = emu.submitForm({ Nama: 'Budi' });
    emu.advanceClock(5);
    const edited = emu.editResponse(responseId, { Nama: 'Budi Santoso' });
    const event = logged(edited.executions[0]!);
    expect(event.id).toBe(responseId);
    expect(event.items).toEqual([['Nama', 'Budi Santoso']]);
  });

  it('FormResponse.submit() from a script fires no trigger', () => {
    const emu = emulate(CODE, { bound: true });
    emu.run('setup');
    const before = emu.executions().length;
    expect(emu.run('scriptSubmit').status).toBe('COMPLETED');
    expect(emu.executions()).toHaveLength(before + 1);
    expect(Object.values(emu.state.forms)[0]!.responses).toHaveLength(1);
  });

  it('faults: a duplicate delivery repeats the event; a blank delivery has no item responses and empty values', () => {
    const emu = emulate(CODE, { bound: true });
    emu.run('setup');
    emu.faults.duplicateFormSubmit();
    const twice = emu.submitForm({ Nama: 'Budi' });
    expect(twice.executions.map((e) => e.functionName)).toEqual([
      'onSubmitForm',
      'onSubmitSheet',
      'onSubmitForm',
      'onSubmitSheet',
    ]);
    expect(logged(twice.executions[2]!).id).toBe(twice.responseId);
    emu.faults.blankFormSubmit();
    const blank = emu.submitForm({ Nama: 'Sari' });
    expect(blank.executions).toHaveLength(4);
    expect(logged(blank.executions[2]!).items).toEqual([]);
    const blankSheet = logged(blank.executions[3]!);
    expect(blankSheet.values.every((v: string) => v === '')).toBe(true);
    expect(emu.submitForm({ Nama: 'Ani' }).executions).toHaveLength(2);
  });

  it('uploaded files are stored in Drive and answered as file IDs', () => {
    const emu = emulate(CODE, { bound: true });
    emu.run('setup');
    const formId = emu.state.scriptProperties.formId!;
    addFileUploadItem(emu.state, formId, 'Pindaian KTP');
    const content = Buffer.from('gambar');
    const { executions } = emu.submitForm(
      { Nama: 'Budi' },
      { files: { 'Pindaian KTP': [{ name: 'ktp.jpg', mimeType: 'image/jpeg', content }] } },
    );
    const [, upload] = logged(executions[0]!).items as [unknown, [string, string[]]];
    expect(upload[0]).toBe('Pindaian KTP');
    const file = emu.state.files[upload[1][0]!]!;
    expect(file).toMatchObject({ name: 'ktp.jpg', mimeType: 'image/jpeg', content: content.toString('base64') });
  });
});
