// More spreadsheet fidelity: Open choices pinned (formula despite '@', inherited formats), viewers, warning-only protection, helpers.
import { describe, expect, it } from 'vitest';
import {
  createSpreadsheetApp,
  createSpreadsheetState,
  sheetFormulas,
  sheetValues,
} from '../../../emulator/services/spreadsheet';
import { emptyState, makeContext, OWNER } from './context';

function setup() {
  const state = emptyState();
  const ss = createSpreadsheetState(state, 'Register', OWNER, new Date(state.now));
  const SpreadsheetApp = createSpreadsheetApp(makeContext(state, { activeSpreadsheetId: ss.id }));
  const book = SpreadsheetApp.openById(ss.id);
  return { state, ss, SpreadsheetApp, book, sheet: book.getSheets()[0]! };
}

describe('Open choices, pinned', () => {
  it("'=' makes a formula even in a plain-text cell (conservative: the program must escape user text)", () => {
    const { sheet, state, ss } = setup();
    sheet.getRange('A1').setNumberFormat('@').setValue('=IMPORTXML("x")');
    expect(sheet.getRange('A1').getFormula()).toBe('=IMPORTXML("x")');
    sheet.getRange('A2').setValue("'=1+2");
    expect(sheet.getRange('A2').getValue()).toBe('=1+2');
    expect(sheet.getRange('A2').getFormula()).toBe('');
    expect(sheetFormulas(state, ss.id, 'Sheet1')).toEqual([['=IMPORTXML("x")'], ['']]);
    expect(sheetValues(state, ss.id, 'Sheet1')).toEqual([[''], ['=1+2']]);
  });

  it('rows inserted beside a row take its number formats; rows appendRow grows do not', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A1000').setNumberFormat('@');
    sheet.insertRowAfter(1);
    sheet.getRange('A2').setValue('0812');
    expect(sheet.getRange('A2').getValue()).toBe('0812');
    sheet.getRange(1001, 1).setValue('x');
    sheet.appendRow(['0813']);
    expect(sheet.getRange(1002, 1).getValue()).toBe(813);
  });

  it('a 16-digit NIK typed into an automatic cell keeps 15 significant digits and shows in E notation', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('7101234567890123');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('7.10123E+15');
  });
});

describe('access and protection details', () => {
  it('a viewer can read but not write', () => {
    const { state, ss, sheet, book } = setup();
    book.addViewer('pimpinan@bolmongkab.go.id');
    sheet.getRange('A1').setValue('x');
    const viewer = createSpreadsheetApp(makeContext(state, { user: 'pimpinan@bolmongkab.go.id' })).openById(ss.id);
    expect(viewer.getSheets()[0]!.getRange('A1').getValue()).toBe('x');
    expect(() => viewer.getSheets()[0]!.getRange('A1').setValue('y')).toThrow(/permission to edit/);
    expect(viewer.getEditors()).toEqual([]);
  });

  it('warning-only protection does not block a script; only protection editors may change a protection', () => {
    const { state, ss, sheet, book } = setup();
    book.addEditor('staf@bolmongkab.go.id');
    const p = sheet.protect();
    p.removeEditor('staf@bolmongkab.go.id');
    const staf = createSpreadsheetApp(makeContext(state, { user: 'staf@bolmongkab.go.id' })).openById(ss.id);
    const stafSheet = staf.getSheets()[0]!;
    expect(() => stafSheet.getProtections(SpreadsheetAppEnums.SHEET)[0]!.setWarningOnly(true)).toThrow(/protected/);
    p.setWarningOnly(true);
    stafSheet.getRange('A1').setValue('ok');
    expect(sheet.getRange('A1').getValue()).toBe('ok');
    p.remove();
    expect(sheet.getProtections(SpreadsheetAppEnums.SHEET)).toHaveLength(0);
  });
});

const SpreadsheetAppEnums = { SHEET: 'SHEET' as unknown as GoogleAppsScript.Spreadsheet.ProtectionType };

describe('range helpers', () => {
  it('named ranges, getCell/offset, getNextDataCell and checkboxes', () => {
    const { sheet, book, SpreadsheetApp } = setup();
    sheet.getRange('A1:A4').setValues([['h'], ['a'], ['b'], ['']]);
    book.setNamedRange('Kepala', sheet.getRange('A1:C1'));
    expect(book.getRangeByName('Kepala')?.getA1Notation()).toBe('A1:C1');
    expect(book.getRangeByName('Tidak')).toBeNull();
    const block = sheet.getRange('B2:D5');
    expect(block.getCell(2, 3).getA1Notation()).toBe('D3');
    expect(block.offset(1, -1, 1, 1).getA1Notation()).toBe('A3');
    expect(sheet.getRange('A1').getNextDataCell(SpreadsheetApp.Direction.DOWN).getA1Notation()).toBe('A3');
    sheet.getRange('E2:E3').insertCheckboxes();
    expect(sheet.getRange('E2:E3').getValues()).toEqual([[false], [false]]);
    sheet.getRange('E2').check();
    expect(sheet.getRange('E2').isChecked()).toBe(true);
    const rule = SpreadsheetApp.newDataValidation()
      .requireValueInList(['Baru', 'Selesai'], true)
      .setAllowInvalid(false)
      .build();
    sheet.getRange('F2:F10').setDataValidation(rule);
    expect(rule.getCriteriaValues()).toEqual([['Baru', 'Selesai'], true]);
  });

  it('TextFinder matches formula text only when asked', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setValues([['=SUM(C1:C3)', 'SUM']]);
    expect(
      sheet
        .createTextFinder('SUM')
        .findAll()
        .map((r) => r.getA1Notation()),
    ).toEqual(['B1']);
    expect(
      sheet
        .createTextFinder('SUM')
        .matchFormulaText(true)
        .findAll()
        .map((r) => r.getA1Notation()),
    ).toEqual(['A1', 'B1']);
    expect(sheet.createTextFinder('Sum').matchCase(true).findAll()).toHaveLength(0);
  });

  it('insertSheet makes the new sheet active and Spreadsheet.getRange reads it without a sheet name', () => {
    const { book, SpreadsheetApp } = setup();
    book.insertSheet('Dasbor', 0).getRange('A1').setValue('d');
    expect(book.getSheets().map((s) => s.getName())).toEqual(['Dasbor', 'Sheet1']);
    expect(SpreadsheetApp.getActiveSheet()?.getName()).toBe('Dasbor');
    expect(book.getRange('A1').getValue()).toBe('d');
    expect(String(book)).toBe('Spreadsheet');
  });
});

describe('typed times and signs', () => {
  it("'08:30' becomes a time on Sheets' epoch day and '+62812' a number", () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setValues([['08:30', '+62812345']]);
    const [[time, phone]] = sheet.getRange('A1:B1').getValues() as [[Date, number]];
    expect(time).toBeInstanceOf(Date);
    expect(sheet.getRange('A1').getDisplayValue()).toBe('8:30');
    expect(phone).toBe(62812345);
  });
});
