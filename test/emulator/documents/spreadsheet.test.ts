// Spreadsheet service fidelity: values, formulas, typed-text parsing, bounds, limits, protection, access, Ui.
import { describe, expect, it } from 'vitest';
import { createSpreadsheetApp, createSpreadsheetState, displayValues } from '../../../emulator/services/spreadsheet';
import { emptyState, makeContext, OWNER } from './context';

function setup(options: { user?: string } = {}) {
  const state = emptyState();
  const ss = createSpreadsheetState(state, 'Register', OWNER, new Date(state.now));
  const ctx = makeContext(state, { activeSpreadsheetId: ss.id, ...options });
  const app = createSpreadsheetApp(ctx);
  const book = app.openById(ss.id);
  const sheet = book.getSheetByName('Sheet1')!;
  return { state, ss, ctx, app, book, sheet };
}

describe('SpreadsheetApp basics', () => {
  it('creates a spreadsheet with Sheet1 of 1000x26 and a Drive URL', () => {
    const { book, sheet, ss } = setup();
    expect(book.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${ss.id}/edit`);
    expect(sheet.getMaxRows()).toBe(1000);
    expect(sheet.getMaxColumns()).toBe(26);
    expect(sheet.getLastRow()).toBe(0);
  });

  it('counts every call as Service.Class.method and lets a fault throw', () => {
    const { ctx, sheet } = setup();
    const range = sheet.getRange('A1:B1');
    range.setValues([['a', 'b']]);
    expect(ctx.calls.get('SpreadsheetApp.Range.setValues')).toBe(1);
    expect(ctx.calls.get('SpreadsheetApp.Sheet.getRange')).toBe(1);
    ctx.failNext('SpreadsheetApp.Range.setValues', 'boom');
    expect(() => range.setValues([['c', 'd']])).toThrow('boom');
    expect(range.getValues()).toEqual([['a', 'b']]);
  });

  it('throws a clear error for a method the emulator lacks', () => {
    const { sheet } = setup();
    expect(() => (sheet as unknown as { getSlicers(): void }).getSlicers()).toThrow(/not emulated/);
  });
});

describe('Range values', () => {
  it('setValues requires the exact shape (Open wording)', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([['a', 'b']])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => sheet.getRange(1, 1, 1, 2).setValues([['a']])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(sheet.getLastRow()).toBe(0);
  });

  it("a string starting with '=' becomes an unevaluated formula", () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('=1+2');
    sheet.appendRow(['x', '=HYPERLINK("http://evil")']);
    expect(sheet.getRange('A1').getFormula()).toBe('=1+2');
    expect(sheet.getRange('A1').getValue()).toBe('');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('');
    expect(sheet.getRange('A2:B2').getFormulas()).toEqual([['', '=HYPERLINK("http://evil")']]);
  });

  it('parses typed text like a user unless the cell is plain text', () => {
    const { sheet } = setup();
    sheet.getRange('A1:E1').setValues([['0812345', '7101234567890123', 'TRUE', '2026-01-05', "'0812"]]);
    const [row] = sheet.getRange('A1:E1').getValues();
    expect(row?.[0]).toBe(812345);
    expect(row?.[1]).toBe(7101234567890120);
    expect(row?.[2]).toBe(true);
    expect(row?.[3]).toBeInstanceOf(Date);
    expect((row![3] as Date).toISOString()).toBe('2026-01-04T16:00:00.000Z');
    expect(row?.[4]).toBe('0812');
    sheet.getRange('A2:B2').setNumberFormat('@');
    sheet.getRange('A2:B2').setValues([['0812345', '7101234567890123']]);
    expect(sheet.getRange('A2:B2').getValues()).toEqual([['0812345', '7101234567890123']]);
    sheet.appendRow(['0812', 'FALSE']);
    expect(sheet.getRange('A3:B3').getValues()).toEqual([[812, false]]);
  });

  it('returns Dates as Dates, numbers as numbers and empty cells as empty strings', () => {
    const { sheet } = setup();
    const when = new Date('2026-01-05T09:30:00+08:00');
    sheet.getRange('A1:C1').setValues([[when, 42, null]]);
    const [row] = sheet.getRange('A1:D1').getValues();
    expect(row?.[0]).toEqual(when);
    expect(row?.[0]).not.toBe(when);
    expect(row?.[1]).toBe(42);
    expect(row?.[2]).toBe('');
    expect(row?.[3]).toBe('');
  });

  it('getLastRow/getLastColumn follow content and getDataRange spans A1 to them', () => {
    const { sheet } = setup();
    sheet.getRange('C5').setValue('x');
    sheet.getRange('B2').setValue('y');
    expect(sheet.getLastRow()).toBe(5);
    expect(sheet.getLastColumn()).toBe(3);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C5');
    sheet.getRange('C5').clearContent();
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:B2');
  });

  it('appendRow grows the grid past its last row', () => {
    const { sheet } = setup();
    sheet.getRange(1000, 1).setValue('last');
    sheet.appendRow(['new']);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getRange(1001, 1).getValue()).toBe('new');
  });

  it('out-of-bounds ranges throw', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1001, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(0, 1)).toThrow(/too small/);
    expect(() => sheet.getRange(1, 1, 1, 27)).toThrow(/outside the dimensions/);
  });

  it('refuses cells over 50,000 characters and spreadsheets over 10 million cells', () => {
    const { sheet, book } = setup();
    expect(() => sheet.getRange('A1').setValue('x'.repeat(50_001))).toThrow(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
    sheet.getRange('A1').setValue('x'.repeat(50_000));
    expect(() => sheet.insertRowsAfter(1, 400_000)).toThrow(/above the limit of 10000000 cells/);
    expect(sheet.getMaxRows()).toBe(1000);
    expect(book.getSheets()).toHaveLength(1);
  });

  it('displays by number format', () => {
    const { sheet, ss, state } = setup();
    sheet.getRange('A1:F1').setValues([[1234.5, new Date('2026-01-05T09:30:00+08:00'), '2026-01-05', true, 0.25, '']]);
    sheet.getRange('A2').setNumberFormat('#,##0.00');
    sheet.getRange('A2').setValue(1234.5);
    sheet.getRange('B2').setNumberFormat('dd/mm/yyyy hh:mm');
    sheet.getRange('B2').setValue(new Date('2026-01-05T09:30:00+08:00'));
    sheet.getRange('C2').setNumberFormat('@');
    sheet.getRange('C2').setValue('0812');
    expect(sheet.getRange('A1:E1').getDisplayValues()).toEqual([
      ['1234.5', '1/5/2026 9:30:00', '2026-01-05', 'TRUE', '0.25'],
    ]);
    expect(sheet.getRange('A2:C2').getDisplayValues()).toEqual([['1,234.50', '05/01/2026 09:30', '0812']]);
    expect(displayValues(state, ss.id, 'Sheet1')[1]).toEqual(['1,234.50', '05/01/2026 09:30', '0812', '', '']);
  });
});

describe('Sheets', () => {
  it('insertSheet refuses a duplicate name and deleteSheet keeps one sheet', () => {
    const { book } = setup();
    const s = book.insertSheet('Register Permohonan');
    expect(s.getIndex()).toBe(2);
    expect(() => book.insertSheet('register permohonan')).toThrow(
      'A sheet with the name "register permohonan" already exists. Please enter another name.',
    );
    book.deleteSheet(book.getSheetByName('Sheet1')!);
    expect(() => book.deleteSheet(s)).toThrow(/all the sheets/);
    expect(book.getRange("'Register Permohonan'!A1:B2").getNumRows()).toBe(2);
  });

  it('inserts and deletes rows and columns, shifting content', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A3').setValues([['a'], ['b'], ['c']]);
    sheet.insertRowAfter(1);
    expect(sheet.getRange('A1:A4').getValues()).toEqual([['a'], [''], ['b'], ['c']]);
    expect(sheet.getMaxRows()).toBe(1001);
    sheet.deleteRow(2);
    expect(sheet.getRange('A1:A3').getValues()).toEqual([['a'], ['b'], ['c']]);
    sheet.insertColumnBefore(1);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['', 'a']]);
    sheet.deleteColumn(1);
    expect(sheet.getRange('A1').getValue()).toBe('a');
  });

  it('sorts rows below the frozen header', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B4').setValues([
      ['No', 'Nama'],
      [3, 'c'],
      [1, 'a'],
      [2, 'b'],
    ]);
    sheet.setFrozenRows(1);
    sheet.sort(1, false);
    expect(sheet.getRange('B1:B4').getValues().flat()).toEqual(['Nama', 'c', 'b', 'a']);
  });

  it('stores charts from the builder', () => {
    const { sheet } = setup();
    const chart = sheet
      .newChart()
      .addRange(sheet.getRange('A1:B4'))
      .asPieChart()
      .setOption('title', 'Status')
      .setPosition(2, 4, 0, 0)
      .build();
    sheet.insertChart(chart);
    const [stored] = sheet.getCharts();
    expect(stored?.getRanges()[0]?.getA1Notation()).toBe('A1:B4');
    sheet.updateChart(stored!.modify().setOption('title', 'Baru').build());
    expect(sheet.getCharts()[0]?.getOptions().get('title')).toBe('Baru');
    sheet.removeChart(sheet.getCharts()[0]!);
    expect(sheet.getCharts()).toHaveLength(0);
  });
});

describe('TextFinder', () => {
  it('finds, steps and replaces', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B3').setValues([
      ['REG-1', 'x'],
      ['reg-2', 'REG-1'],
      ['other', 'Reg-10'],
    ]);
    expect(
      sheet
        .createTextFinder('REG-1')
        .matchEntireCell(true)
        .findAll()
        .map((r) => r.getA1Notation()),
    ).toEqual(['A1', 'B2']);
    expect(
      sheet
        .createTextFinder('REG-1')
        .matchCase(true)
        .findAll()
        .map((r) => r.getA1Notation()),
    ).toEqual(['A1', 'B2']);
    const f = sheet.createTextFinder('reg-\\d+').useRegularExpression(true);
    expect(f.findNext()?.getA1Notation()).toBe('A1');
    expect(f.findNext()?.getA1Notation()).toBe('A2');
    expect(f.getCurrentMatch()?.getA1Notation()).toBe('A2');
    expect(sheet.createTextFinder('x').startFrom(sheet.getRange('A1')).findNext()?.getA1Notation()).toBe('B1');
    expect(sheet.createTextFinder('REG').replaceAllWith('NO')).toBe(4);
    expect(sheet.getRange('A1').getValue()).toBe('NO-1');
  });
});

describe('Protection and access', () => {
  it('refuses writes to a protected sheet by a non-editor; the owner always writes', () => {
    const { state, ss, sheet } = setup();
    ss.editors.push('staf@bolmongkab.go.id', 'verif@bolmongkab.go.id');
    const p = sheet.protect().setDescription('Jejak');
    p.removeEditors(['staf@bolmongkab.go.id']);
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([OWNER, 'verif@bolmongkab.go.id']);
    sheet.getRange('A1').setValue('owner writes');
    const staf = createSpreadsheetApp(makeContext(state, { user: 'staf@bolmongkab.go.id' })).openById(ss.id);
    expect(() => staf.getSheetByName('Sheet1')!.appendRow(['x'])).toThrow(
      'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
    );
    const verif = createSpreadsheetApp(makeContext(state, { user: 'verif@bolmongkab.go.id' })).openById(ss.id);
    verif.getSheetByName('Sheet1')!.appendRow(['ok']);
    expect(sheet.getLastRow()).toBe(2);
  });

  it('refuses writes into a protected range only', () => {
    const { state, ss, sheet } = setup();
    ss.editors.push('staf@bolmongkab.go.id');
    sheet.getRange('A1:Z1').protect().removeEditors(['staf@bolmongkab.go.id']);
    const SpreadsheetApp = createSpreadsheetApp(makeContext(state, { user: 'staf@bolmongkab.go.id' }));
    const staf = SpreadsheetApp.openById(ss.id);
    const s = staf.getSheetByName('Sheet1')!;
    expect(() => s.getRange('B1').setValue('x')).toThrow(/protected cell/);
    s.getRange('B2').setValue('x');
    const [protection] = s.getProtections(SpreadsheetApp.ProtectionType.RANGE);
    expect(protection?.getRange().getA1Notation()).toBe('A1:Z1');
    expect(protection?.canEdit()).toBe(false);
  });

  it('openById without access throws', () => {
    const { state, ss } = setup();
    const outsider = createSpreadsheetApp(makeContext(state, { user: 'luar@gmail.com' }));
    expect(() => outsider.openById(ss.id)).toThrow('You do not have permission to access the requested document.');
    expect(() => outsider.openByUrl(`https://docs.google.com/spreadsheets/d/${ss.id}/edit`)).toThrow(/permission/);
  });
});

describe('Ui', () => {
  it('records menus, answers alerts and prompts from the host, records sidebars and toasts', () => {
    const state = emptyState();
    const ss = createSpreadsheetState(state, 'Register', OWNER, new Date(state.now));
    const ctx = makeContext(state, {
      activeSpreadsheetId: ss.id,
      responder: (r) => (r.kind === 'prompt' ? { button: 'OK', text: 'REG-1' } : { button: 'YES' }),
    });
    const app = createSpreadsheetApp(ctx);
    const ui = app.getUi();
    const sub = ui.createMenu('Laporan').addItem('Rekap', 'rekap_');
    ui.createMenu('Register').addItem('Setel', 'setup_').addSeparator().addSubMenu(sub).addToUi();
    expect(ss.menus).toEqual([
      {
        caption: 'Register',
        items: [
          { caption: 'Setel', functionName: 'setup_' },
          { caption: 'Rekap', functionName: 'rekap_' },
        ],
      },
    ]);
    expect(ctx.ui.menus).toHaveLength(1);
    expect(ui.alert('Yakin?', 'Hapus?', ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    const answer = ui.prompt('Nomor?');
    expect(answer.getResponseText()).toBe('REG-1');
    expect(answer.getSelectedButton()).toBe(ui.Button.OK);
    expect(ctx.ui.alerts[0]).toEqual({ title: 'Yakin?', prompt: 'Hapus?', buttons: 'YES_NO' });
    ui.showSidebar({ getTitle: () => 'Panel', getContent: () => '<p>x</p>' } as GoogleAppsScript.HTML.HtmlOutput);
    expect(ctx.ui.sidebars).toEqual([{ title: 'Panel', html: '<p>x</p>' }]);
    app.getActiveSpreadsheet()!.toast('Tersimpan', 'Register');
    expect(ctx.ui.toasts).toEqual([{ message: 'Tersimpan', title: 'Register' }]);
  });

  it('getUi throws where there is no UI', () => {
    const state = emptyState();
    const ss = createSpreadsheetState(state, 'Register', OWNER, new Date(state.now));
    const app = createSpreadsheetApp(makeContext(state, { activeSpreadsheetId: ss.id, uiAvailable: false }));
    expect(() => app.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
  });
});
