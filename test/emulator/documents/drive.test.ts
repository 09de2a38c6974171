// DriveApp and Blob fidelity: files and folders, iterators, access by effective user, sharing, copies; signed bytes.
import { describe, expect, it } from 'vitest';
import { EmuBlob } from '../../../emulator/services/blob';
import { createDriveApp } from '../../../emulator/services/drive';
import { createSpreadsheetApp, createSpreadsheetState } from '../../../emulator/services/spreadsheet';
import { emptyState, makeContext, OWNER } from './context';

const NOT_FOUND =
  'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';

function setup() {
  const state = emptyState();
  const DriveApp = createDriveApp(makeContext(state));
  const as = (user: string) => createDriveApp(makeContext(state, { user }));
  return { state, DriveApp, as };
}

describe('Blob', () => {
  it('returns Java signed bytes and round-trips strings', () => {
    const blob = new EmuBlob(new Uint8Array([0, 127, 128, 255]), 'application/octet-stream', 'x.bin');
    expect(blob.getBytes()).toEqual([0, 127, -128, -1]);
    const text = new EmuBlob(new Uint8Array(), null, null).setDataFromString('Kabupaten Bolaang Mongondow ✓');
    expect(text.getDataAsString()).toBe('Kabupaten Bolaang Mongondow ✓');
    expect(text.getBytes().at(-1)).toBe(-109);
    expect(new EmuBlob(new Uint8Array([0xe9]), null, null).getDataAsString('ISO-8859-1')).toBe('é');
  });

  it('copies, renames, sets types and marks unemulated conversions', () => {
    const blob = new EmuBlob(new Uint8Array([1]), 'text/plain', 'a.pdf');
    expect(blob.setContentTypeFromExtension().getContentType()).toBe('application/pdf');
    const copy = blob.copyBlob().setName('b.pdf');
    expect(blob.getName()).toBe('a.pdf');
    expect(copy.getName()).toBe('b.pdf');
    expect(blob.isGoogleType()).toBe(false);
    expect(blob.getAs('application/pdf').getBytes()).toEqual([1]);
    expect(() => blob.getAs('image/png')).toThrow(/not emulated \(Open\)/);
  });
});

describe('DriveApp', () => {
  it('creates files and folders, reads them back and iterates', () => {
    const { DriveApp } = setup();
    const folder = DriveApp.createFolder('Scan KTP');
    const file = folder.createFile(new EmuBlob(new Uint8Array([1, 2, 3]), 'image/jpeg', 'ktp.jpg'));
    const note = DriveApp.createFile('catatan.txt', 'halo', 'text/plain');
    expect(DriveApp.getFileById(file.getId()).getBlob().getBytes()).toEqual([1, 2, 3]);
    expect(file.getSize()).toBe(3);
    expect(file.getMimeType()).toBe('image/jpeg');
    expect(note.getBlob().getDataAsString()).toBe('halo');
    expect(note.getUrl()).toBe(`https://drive.google.com/file/d/${note.getId()}/view?usp=drivesdk`);
    const it = folder.getFiles();
    expect(it.hasNext()).toBe(true);
    expect(it.next().getName()).toBe('ktp.jpg');
    expect(it.hasNext()).toBe(false);
    expect(() => it.next()).toThrow('Cannot retrieve the next object: iterator has reached the end.');
    expect(DriveApp.getFoldersByName('Scan KTP').next().getId()).toBe(folder.getId());
    expect(DriveApp.getFilesByName('catatan.txt').hasNext()).toBe(true);
    expect(file.getParents().next().getId()).toBe(folder.getId());
    const archive = DriveApp.createFolder('Arsip');
    file.moveTo(archive);
    expect(archive.getFiles().next().getId()).toBe(file.getId());
    expect(folder.getFiles().hasNext()).toBe(false);
  });

  it('hides items from users without access and grants by share, folder and link', () => {
    const { DriveApp, as } = setup();
    const folder = DriveApp.createFolder('Data Terbatas');
    const file = folder.createFile('nik.txt', '7101...');
    const staf = as('staf@bolmongkab.go.id');
    expect(() => staf.getFileById(file.getId())).toThrow(NOT_FOUND);
    expect(() => staf.getFolderById(folder.getId())).toThrow(NOT_FOUND);
    expect(staf.getFiles().hasNext()).toBe(false);
    folder.addViewer('staf@bolmongkab.go.id');
    expect(staf.getFileById(file.getId()).getName()).toBe('nik.txt');
    expect(staf.getFileById(file.getId()).getEditors()).toEqual([]);
    expect(() => staf.getFileById(file.getId()).setName('x')).toThrow('Access denied: DriveApp.');
    folder.removeViewer('staf@bolmongkab.go.id');
    const other = as('luar@gmail.com');
    expect(() => other.getFileById(file.getId())).toThrow(NOT_FOUND);
    file.setSharing(DriveApp.Access.ANYONE_WITH_LINK, DriveApp.Permission.VIEW);
    expect(other.getFileById(file.getId()).getSharingAccess()).toBe('ANYONE_WITH_LINK');
    file.addEditor('verif@bolmongkab.go.id');
    const verif = as('verif@bolmongkab.go.id').getFileById(file.getId());
    expect(verif.getEditors().map((u) => u.getEmail())).toEqual(['verif@bolmongkab.go.id']);
    expect(() => verif.setTrashed(true)).toThrow('Access denied: DriveApp.');
    file.setTrashed(true);
    expect(file.isTrashed()).toBe(true);
    expect(DriveApp.getFilesByName('nik.txt').hasNext()).toBe(false);
  });

  it('treats spreadsheets as Drive files: sharing opens them, copies carry the data', () => {
    const { state, DriveApp } = setup();
    const ss = createSpreadsheetState(state, 'Register', OWNER, new Date(state.now));
    const SpreadsheetApp = createSpreadsheetApp(makeContext(state));
    SpreadsheetApp.openById(ss.id).getSheets()[0]!.getRange('A1').setValue('data');
    const file = DriveApp.getFileById(ss.id);
    expect(file.getMimeType()).toBe('application/vnd.google-apps.spreadsheet');
    const stafSheets = createSpreadsheetApp(makeContext(state, { user: 'staf@bolmongkab.go.id' }));
    expect(() => stafSheets.openById(ss.id)).toThrow('You do not have permission to access the requested document.');
    file.addEditor('staf@bolmongkab.go.id');
    expect(
      stafSheets
        .openById(ss.id)
        .getEditors()
        .map((u) => u.getEmail()),
    ).toEqual([OWNER, 'staf@bolmongkab.go.id']);
    const copy = file.makeCopy('Register (salinan)');
    const copied = SpreadsheetApp.openById(copy.getId());
    expect(copied.getName()).toBe('Register (salinan)');
    expect(copied.getSheets()[0]!.getRange('A1').getValue()).toBe('data');
    expect(() => file.getBlob()).toThrow(/not emulated/);
  });
});
