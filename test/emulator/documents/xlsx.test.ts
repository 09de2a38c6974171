// exportXlsx produces a workbook exceljs reads back with the same typed values, formulas, formats and layout.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createSpreadsheetApp, createSpreadsheetState } from '../../../emulator/services/spreadsheet';
import { exportXlsx } from '../../../emulator/xlsx';
import { emptyState, makeContext, OWNER } from './context';

describe('exportXlsx', () => {
  it('round-trips values, types, formulas, number formats, frozen rows and widths', async () => {
    const state = emptyState();
    const ss = createSpreadsheetState(state, 'Register', OWNER, new Date(state.now));
    const book = createSpreadsheetApp(makeContext(state)).openById(ss.id);
    const sheet = book.getSheets()[0]!.setName('Register Permohonan');
    sheet.getRange('C2:C3').setNumberFormat('@');
    sheet.getRange('A1:E1').setValues([['No', 'Tanggal', 'HP', 'Aktif', 'Rumus']]);
    sheet.appendRow([1, '2026-01-05', '0812345', true, '=A2*2']);
    sheet.appendRow([2.5, new Date('2026-01-06T09:30:00+08:00'), '0813', false, '']);
    sheet.setFrozenRows(1);
    sheet.setColumnWidth(2, 140);
    book.insertSheet('Lain').getRange('A1').setValue('x');

    const buffer = await exportXlsx(state, ss.id, ['Register Permohonan']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Register Permohonan']);
    const ws = wb.getWorksheet('Register Permohonan')!;
    expect(ws.getRow(1).values).toEqual([undefined, 'No', 'Tanggal', 'HP', 'Aktif', 'Rumus']);
    expect(ws.getCell('A2').value).toBe(1);
    expect(ws.getCell('B2').value).toEqual(new Date(Date.UTC(2026, 0, 5)));
    expect(ws.getCell('B2').numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('C2').value).toBe('0812345');
    expect(ws.getCell('C2').numFmt).toBe('@');
    expect(ws.getCell('D2').value).toBe(true);
    expect(ws.getCell('E2').formula).toBe('A2*2');
    expect(ws.getCell('A3').value).toBe(2.5);
    expect(ws.getCell('B3').value).toEqual(new Date(Date.UTC(2026, 0, 6, 9, 30)));
    expect(ws.getCell('D3').value).toBe(false);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(2).width).toBe(20);
  });
});
