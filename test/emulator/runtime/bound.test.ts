// The spreadsheet-bound project: the container created on first start, onOpen as a simple trigger, menus, menu items.
import { describe, expect, it } from 'vitest';
import { CONTAINER_NAME } from '../../../emulator';
import { COLLEAGUE, emulate, OUTSIDER, OWNER } from './bundle-fixture';

const CODE = `
function onOpen(e) {
  SpreadsheetApp.getUi().createMenu('Register').addItem('Siapkan lembar', 'setup_').addToUi();
  Logger.log([Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail(), e.authMode, e.source.getName()].join('|'));
}
function setup_() {
  Logger.log(Session.getActiveUser().getEmail());
  return SpreadsheetApp.getActiveSpreadsheet().getName();
}
`;

describe('bound project (Ref: docs/architecture.md host API; [USER] simple triggers; [EV] open event)', () => {
  it('creates the container on first start; onOpen runs as the opener with LIMITED authority and adds menus', () => {
    const emu = emulate(CODE, { bound: true });
    const id = emu.state.containerSpreadsheetId!;
    expect(emu.state.spreadsheets[id]?.name).toBe(CONTAINER_NAME);
    const opened = emu.openSpreadsheet();
    expect(opened.logs).toEqual([`${OWNER}|${OWNER}|LIMITED|${CONTAINER_NAME}`]);
    expect(opened.kind).toBe('SIMPLE_TRIGGER');
    expect(emu.menus()).toEqual([
      { caption: 'Register', items: [{ caption: 'Siapkan lembar', functionName: 'setup_' }] },
    ]);
    const clicked = emu.runMenuItem('Siapkan lembar', COLLEAGUE);
    expect(clicked).toMatchObject({ kind: 'MENU', value: CONTAINER_NAME, logs: [COLLEAGUE] });
  });

  it("withholds the opener's address from a simple trigger when outside the owner's domain", () => {
    const emu = emulate(CODE, { bound: true });
    emu.state.spreadsheets[emu.state.containerSpreadsheetId!]!.editors.push(OUTSIDER, COLLEAGUE);
    expect(emu.openSpreadsheet(OUTSIDER).logs[0]).toBe(`|${OUTSIDER}|LIMITED|${CONTAINER_NAME}`);
    expect(emu.openSpreadsheet(COLLEAGUE).logs[0]).toBe(`${COLLEAGUE}|${COLLEAGUE}|LIMITED|${CONTAINER_NAME}`);
  });

  it('onOpen runs in LIMITED mode: mail and trigger management are refused, the bound file and properties are not', () => {
    const emu = emulate(
      `function onOpen() { PropertiesService.getScriptProperties().setProperty('seen', SpreadsheetApp.getActiveSpreadsheet().getName());
        MailApp.sendEmail('a@x.id', 'S', 'B'); }
      function install() { ScriptApp.newTrigger('onOpen').timeBased().everyHours(1).create(); }`,
      { bound: true },
    );
    const opened = emu.openSpreadsheet();
    expect(opened.status).toBe('FAILED');
    expect(opened.error).toBe(
      'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    );
    expect(emu.state.scriptProperties.seen).toBe(CONTAINER_NAME);
    expect(emu.outbox()).toHaveLength(0);
    expect(opened.calls['SpreadsheetApp.SpreadsheetApp.openById']).toBeUndefined();
    expect(emu.run('install').status).toBe('COMPLETED');
  });

  it('getUi() is refused in a trigger (no editor UI)', () => {
    const emu = emulate(
      `${CODE} function install() { ScriptApp.newTrigger('onOpen').timeBased().everyMinutes(5).create(); }`,
      {
        bound: true,
      },
    );
    emu.run('install');
    const [run] = emu.advanceClock(5);
    expect(run?.status).toBe('FAILED');
    expect(run?.error).toMatch(/getUi/);
  });

  it('host helpers read the container: sheetValues, sheetDisplayValues, sheetFormulas', () => {
    const emu = emulate(
      `function fill() { var sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
      sh.getRange(1, 1, 2, 2).setValues([['Nama', 'Jumlah'], ['Budi', 3]]); sh.getRange(3, 2).setFormula('=B2*2'); }`,
      {
        bound: true,
      },
    );
    expect(emu.run('fill').status).toBe('COMPLETED');
    expect(emu.sheetValues('Sheet1').slice(0, 2)).toEqual([
      ['Nama', 'Jumlah'],
      ['Budi', 3],
    ]);
    expect(emu.sheetDisplayValues('Sheet1')[1]).toEqual(['Budi', '3']);
    expect(emu.sheetFormulas('Sheet1')[2]).toEqual(['', '=B2*2']);
  });

  it('exportXlsx writes the container as an .xlsx file (a zip)', async () => {
    const emu = emulate(CODE, { bound: true });
    const file = await emu.exportXlsx();
    expect(file.subarray(0, 2).toString('latin1')).toBe('PK');
  });
});
