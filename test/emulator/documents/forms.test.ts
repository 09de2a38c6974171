// FormApp fidelity: items and validations, submit-time checks as the form UI does them, edits, the destination sheet.
import { describe, expect, it } from 'vitest';
import {
  addFileUploadItem,
  createFormApp,
  formObject,
  formResponseObject,
  recordFormResponse,
} from '../../../emulator/services/forms';
import { createSpreadsheetApp, createSpreadsheetState } from '../../../emulator/services/spreadsheet';
import { emptyState, makeContext, OWNER } from './context';

function setup() {
  const state = emptyState();
  const ctx = makeContext(state);
  const FormApp = createFormApp(ctx);
  const form = FormApp.create('Permohonan Sertifikat Elektronik');
  form.addTextItem().setTitle('Nama').setRequired(true);
  form
    .addTextItem()
    .setTitle('Nomor HP')
    .setRequired(true)
    .setValidation(
      FormApp.createTextValidation()
        .requireTextMatchesPattern('08\\d{8,11}')
        .setHelpText('Nomor HP tidak valid')
        .build(),
    );
  form.addTextItem().setTitle('Email').setValidation(FormApp.createTextValidation().requireTextIsEmail().build());
  form.addMultipleChoiceItem().setTitle('Jenis').setChoiceValues(['Baru', 'Perpanjangan']).setRequired(true);
  form
    .addCheckboxItem()
    .setTitle('Persetujuan')
    .setChoiceValues(['Setuju SOP', 'Setuju Data'])
    .setValidation(FormApp.createCheckboxValidation().requireSelectExactly(2).build());
  form.addDateItem().setTitle('Tanggal Lahir');
  return { state, ctx, FormApp, form };
}

const GOOD = {
  Nama: 'Budi',
  'Nomor HP': '081234567890',
  Email: 'budi@bolmongkab.go.id',
  Jenis: 'Baru',
  Persetujuan: ['Setuju SOP', 'Setuju Data'],
  'Tanggal Lahir': '1990-02-03',
};

describe('FormApp items', () => {
  it('builds items with types, indexes, choices and checked conversions', () => {
    const { form, FormApp } = setup();
    const items = form.getItems();
    expect(items.map((i) => i.getType())).toEqual(['TEXT', 'TEXT', 'TEXT', 'MULTIPLE_CHOICE', 'CHECKBOX', 'DATE']);
    expect(items[3]?.getIndex()).toBe(3);
    expect(
      items[3]
        ?.asMultipleChoiceItem()
        .getChoices()
        .map((c) => c.getValue()),
    ).toEqual(['Baru', 'Perpanjangan']);
    expect(() => items[0]?.asCheckboxItem()).toThrow('Invalid conversion for item type: TEXT.');
    expect(form.getItems(FormApp.ItemType.TEXT)).toHaveLength(3);
    form.moveItem(5, 0);
    expect(form.getItems()[0]?.getTitle()).toBe('Tanggal Lahir');
    form.deleteItem(0);
    expect(form.getItems()).toHaveLength(5);
    expect(form.getPublishedUrl()).toBe(`https://docs.google.com/forms/d/e/${form.getId()}/viewform`);
    expect(FormApp.getActiveForm()).toBeNull();
  });

  it('refuses openById to a user who cannot edit the form', () => {
    const { state, form } = setup();
    const other = createFormApp(makeContext(state, { user: 'luar@gmail.com' }));
    expect(() => other.openById(form.getId())).toThrow(/No item with the given ID could be found/);
    form.addEditor('staf@bolmongkab.go.id');
    expect(
      createFormApp(makeContext(state, { user: 'staf@bolmongkab.go.id' }))
        .openById(form.getId())
        .getTitle(),
    ).toBe('Permohonan Sertifikat Elektronik');
  });
});

describe('recordFormResponse validates as the form UI does', () => {
  it('reports required, pattern (help text), email, choice, checkbox count and date errors and stores nothing', () => {
    const { ctx, form, state } = setup();
    const result = recordFormResponse(
      ctx,
      form.getId(),
      {
        'Nomor HP': '12345',
        Email: 'bukan-email',
        Jenis: 'Lain',
        Persetujuan: ['Setuju SOP'],
        'Tanggal Lahir': '1990-02-31',
      },
      {},
    );
    expect('errors' in result && result.errors).toEqual([
      'Nama: This is a required question',
      'Nomor HP: Nomor HP tidak valid',
      'Email: Must be an email',
      'Jenis: Invalid choice',
      'Persetujuan: Must select exactly 2 options',
      'Tanggal Lahir: Invalid date',
    ]);
    expect(state.forms[form.getId()]?.responses).toHaveLength(0);
  });

  it('refuses a closed form, a second response when limited, and edits when not allowed', () => {
    const { ctx, form } = setup();
    form.setAcceptingResponses(false);
    expect(recordFormResponse(ctx, form.getId(), GOOD, {})).toEqual({
      errors: ['The form Permohonan Sertifikat Elektronik is no longer accepting responses.'],
    });
    form.setAcceptingResponses(true).setLimitOneResponsePerUser(true);
    const first = recordFormResponse(ctx, form.getId(), GOOD, { respondentEmail: 'budi@x.id' });
    expect('response' in first).toBe(true);
    expect('errors' in recordFormResponse(ctx, form.getId(), GOOD, { respondentEmail: 'budi@x.id' })).toBe(true);
    if (!('response' in first)) return;
    const edit = recordFormResponse(ctx, form.getId(), GOOD, {
      respondentEmail: 'budi@x.id',
      responseId: first.response.id,
    });
    expect(edit).toEqual({ errors: ['This form does not allow responses to be edited.'] });
  });
});

describe('responses and the destination sheet', () => {
  it('writes Timestamp + one column per question; an edit keeps the ID and rewrites the row', () => {
    const { state, ctx, form } = setup();
    const ss = createSpreadsheetState(state, 'Register', OWNER, new Date(state.now));
    form.setDestination('SPREADSHEET' as never, ss.id).setAllowResponseEdits(true);
    const sheet = createSpreadsheetApp(ctx).openById(ss.id).getSheetByName('Form Responses 1')!;
    expect(sheet.getIndex()).toBe(1);
    expect(sheet.getFrozenRows()).toBe(1);
    const first = recordFormResponse(ctx, form.getId(), GOOD, { respondentEmail: 'budi@x.id' });
    if (!('response' in first)) throw new Error('rejected');
    expect(first.destination?.row).toBe(2);
    const values = sheet.getDataRange().getValues();
    expect(values[0]).toEqual(['Timestamp', 'Nama', 'Nomor HP', 'Email', 'Jenis', 'Persetujuan', 'Tanggal Lahir']);
    expect(values[1]?.[0]).toEqual(new Date(state.now));
    expect(values[1]?.[2]).toBe(81234567890);
    expect(values[1]?.[5]).toBe('Setuju SOP, Setuju Data');
    expect(values[1]?.[6]).toBeInstanceOf(Date);
    expect(first.destination?.values[2]).toBe('081234567890');

    ctx.advance(60_000);
    const edited = recordFormResponse(
      ctx,
      form.getId(),
      { ...GOOD, Nama: 'Budi S' },
      { responseId: first.response.id },
    );
    if (!('response' in edited)) throw new Error('rejected');
    expect(edited.response.id).toBe(first.response.id);
    expect(edited.response.revision).toBe(2);
    expect(edited.destination?.row).toBe(2);
    expect(sheet.getLastRow()).toBe(2);
    expect(sheet.getRange('B2').getValue()).toBe('Budi S');

    const r = formResponseObject(ctx, form.getId(), first.response.id);
    expect(r.getEditResponseUrl()).toBe(
      `https://docs.google.com/forms/d/e/${form.getId()}/viewform?edit2=${first.response.id}`,
    );
    expect(r.getItemResponses().map((x) => x.getResponse())).toEqual([
      'Budi S',
      '081234567890',
      'budi@bolmongkab.go.id',
      'Baru',
      ['Setuju SOP', 'Setuju Data'],
      '1990-02-03',
    ]);
    expect(r.getResponseForItem(form.getItems()[4]!).getItem().getTitle()).toBe('Persetujuan');
    expect(formObject(ctx, form.getId()).getResponses()).toHaveLength(1);
  });

  it('accepts file uploads as Drive file IDs on a hand-added item', () => {
    const { state, ctx, form } = setup();
    addFileUploadItem(state, form.getId(), 'Scan KTP', { required: true });
    const upload = form.getItems()[6] as unknown as { asFileUploadItem(): GoogleAppsScript.Forms.Item };
    expect(upload.asFileUploadItem().getType()).toBe('FILE_UPLOAD');
    expect('errors' in recordFormResponse(ctx, form.getId(), { ...GOOD, 'Scan KTP': ['missing'] }, {})).toBe(true);
    state.files.f1 = {
      id: 'f1',
      name: 'ktp.jpg',
      mimeType: 'image/jpeg',
      content: '',
      parents: ['root'],
      owner: 'budi@x.id',
      editors: [],
      viewers: [],
      sharing: { access: 'PRIVATE', permission: 'NONE' },
      trashed: false,
      created: new Date(state.now),
      description: '',
    };
    const ok = recordFormResponse(ctx, form.getId(), { ...GOOD, 'Scan KTP': ['f1'] }, {});
    if (!('response' in ok)) throw new Error('rejected');
    expect(formResponseObject(ctx, form.getId(), ok.response.id).getItemResponses()[6]?.getResponse()).toEqual(['f1']);
  });

  it('a script-built response is stored on submit (no triggers) and gets its edit URL then', () => {
    const { form } = setup();
    const items = form.getItems();
    const draft = form.createResponse();
    expect(draft.getEditResponseUrl()).toBeNull();
    draft
      .withItemResponse(items[0]!.asTextItem().createResponse('Ani'))
      .withItemResponse(items[1]!.asTextItem().createResponse('081234567890'))
      .withItemResponse(items[3]!.asMultipleChoiceItem().createResponse('Baru'))
      .withItemResponse(items[4]!.asCheckboxItem().createResponse(['Setuju SOP', 'Setuju Data']))
      .withItemResponse(items[5]!.asDateItem().createResponse(new Date('2000-01-02T00:00:00+08:00')));
    expect(() => items[3]!.asMultipleChoiceItem().createResponse('Lain')).toThrow(/Invalid response/);
    const submitted = draft.submit();
    expect(submitted.getId()).toMatch(/^2_ABaOn/);
    expect(form.getResponses()).toHaveLength(1);
    expect(form.getResponses()[0]?.getItemResponses()[4]?.getResponse()).toBe('2000-01-02');
    expect(() => form.createResponse().submit()).toThrow(/This is a required question/);
  });
});

describe('more form behaviour', () => {
  it('number validations, prefilled URLs, responses since a time, deleting responses', () => {
    const { ctx, form, FormApp } = setup();
    form
      .addTextItem()
      .setTitle('Jumlah')
      .setValidation(FormApp.createTextValidation().requireNumberBetween(1, 5).build());
    expect(recordFormResponse(ctx, form.getId(), { ...GOOD, Jumlah: '9' }, {})).toEqual({
      errors: ['Jumlah: Must be a number'],
    });
    expect(recordFormResponse(ctx, form.getId(), { ...GOOD, Jumlah: '' }, {})).not.toHaveProperty('errors');
    ctx.advance(1000);
    const since = ctx.now();
    const later = recordFormResponse(ctx, form.getId(), { ...GOOD, Jumlah: '3' }, {});
    if (!('response' in later)) throw new Error('rejected');
    expect(form.getResponses(since).map((r) => r.getId())).toEqual([later.response.id]);
    const url = form.getResponse(later.response.id).toPrefilledUrl();
    expect(url).toContain(`${form.getPublishedUrl()}?usp=pp_url&entry.`);
    expect(url).toContain(`=${encodeURIComponent('Setuju SOP')}`);
    form.deleteResponse(later.response.id);
    expect(form.getResponses()).toHaveLength(1);
  });

  it('refuses a destination the user cannot edit and unknown question titles', () => {
    const { state, ctx, form } = setup();
    const foreign = createSpreadsheetState(state, 'Lain', 'luar@gmail.com', new Date(state.now));
    expect(() => form.setDestination('SPREADSHEET' as never, foreign.id)).toThrow(/permission/);
    expect(() => form.getDestinationId()).toThrow('Form currently has no response destination.');
    const result = recordFormResponse(ctx, form.getId(), { ...GOOD, Alamat: 'x' }, {});
    expect(result).toEqual({ errors: ['Alamat: no such question'] });
  });
});
