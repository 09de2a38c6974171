// The KTP folder: setup makes "KTP – Data Terbatas" once and keeps its sharing in step with the roster; the Form's notice.
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator';
import { itemAccess } from '../../emulator/services/drive-model';
import { KTP_FILES_TEXT } from '../../src/core/messages/ktp-files';
import { setPengaturan } from '../security/support';
import { APPLICANT, KABID, KADIS, OWNER, SANDIMAN, setUp, VERIFIKATOR } from './harness';
import { FOLDER_NAME, folderId } from './ktp-support';

const NEW_VERIFIKATOR = 'verifikator.baru@bolmongkab.go.id';

function folders(emu: Emulator) {
  return Object.values(emu.state.folders).filter((f) => f.name === FOLDER_NAME && !f.trashed);
}

function setup(emu: Emulator, user = OWNER) {
  const run = emu.runMenuItem('Siapkan/perbaiki sistem', user);
  expect(run.status, run.error ?? '').toBe('COMPLETED');
  return run;
}

describe('KTP folder: setup', () => {
  it('creates "KTP – Data Terbatas" once, owned by the owner, viewable only by the Verifikator, its ID in Script Properties', () => {
    const emu = setUp();
    const id = folderId(emu);
    expect(id).not.toBe('');
    const folder = emu.state.folders[id];
    expect(folder).toMatchObject({ name: FOLDER_NAME, owner: OWNER, editors: [], viewers: [VERIFIKATOR] });
    expect(itemAccess(emu.state, id, VERIFIKATOR)).toBe('view');
    for (const staff of [KADIS, KABID, SANDIMAN, APPLICANT]) expect(itemAccess(emu.state, id, staff)).toBe('none');
    setup(emu);
    setup(emu);
    expect(folderId(emu)).toBe(id);
    expect(folders(emu)).toHaveLength(1);
    expect(emu.state.folders[id]?.viewers).toEqual([VERIFIKATOR]);
  });

  it('a re-run follows the roster: a removed Verifikator loses access, a new one gets it; hand-made sharing is undone', () => {
    const emu = setUp();
    const id = folderId(emu);
    const folder = emu.state.folders[id]!;
    // Someone shares the folder by hand: an editor, a viewer, and "anyone with the link".
    folder.editors.push(KADIS);
    folder.viewers.push(SANDIMAN);
    folder.sharing = { access: 'ANYONE_WITH_LINK', permission: 'VIEW' };
    setPengaturan(emu, 'Peran Verifikator', NEW_VERIFIKATOR);
    const report = setup(emu).value as { lines: string[] };
    expect(folder.editors).toEqual([]);
    expect(folder.viewers).toEqual([NEW_VERIFIKATOR]);
    expect(folder.sharing).toEqual({ access: 'PRIVATE', permission: 'NONE' });
    expect(itemAccess(emu.state, id, VERIFIKATOR)).toBe('none');
    expect(itemAccess(emu.state, id, KADIS)).toBe('none');
    expect(itemAccess(emu.state, id, 'someone@gmail.com')).toBe('none');
    expect(itemAccess(emu.state, id, NEW_VERIFIKATOR)).toBe('view');
    expect(itemAccess(emu.state, id, OWNER)).toBe('owner');
    expect(report.lines).toContain(KTP_FILES_TEXT.setup.folderShared([NEW_VERIFIKATOR]));
    expect(report.lines).toContain(KTP_FILES_TEXT.setup.folderMadePrivate);
    expect(report.lines.join('\n')).toContain(VERIFIKATOR);
    expect(folderId(emu)).toBe(id);
  });

  it('a trashed folder is replaced; setup run by anyone but the owner neither shares nor makes a folder', () => {
    const emu = setUp();
    const first = folderId(emu);
    emu.state.folders[first]!.trashed = true;
    setup(emu);
    const second = folderId(emu);
    expect(second).not.toBe(first);
    expect(emu.state.folders[second]).toMatchObject({ owner: OWNER, viewers: [VERIFIKATOR], trashed: false });
    // The Verifikator (who can open the folder, not share it) runs setup after a roster change: nothing is touched.
    setPengaturan(emu, 'Peran Verifikator', `${VERIFIKATOR}, ${NEW_VERIFIKATOR}`);
    const before = JSON.stringify(emu.state.folders);
    setup(emu, VERIFIKATOR);
    expect(JSON.stringify(emu.state.folders)).toBe(before);
    expect(folderId(emu)).toBe(second);
    // Nor does anyone but the owner make a folder of their own when none is recorded.
    delete emu.state.scriptProperties.KTP_FOLDER_ID;
    setup(emu, VERIFIKATOR);
    expect(JSON.stringify(emu.state.folders)).toBe(before);
    expect(folderId(emu)).toBe('');
    setup(emu);
    expect(emu.state.folders[folderId(emu)]?.viewers).toEqual([VERIFIKATOR, NEW_VERIFIKATOR]);
  });

  it('the Form notice says where uploaded KTP scans go, and that only the link of a Drive answer is kept', () => {
    const emu = setUp();
    const description = Object.values(emu.state.forms)[0]?.description ?? '';
    expect(description).toContain(KTP_FILES_TEXT.privacyNotice);
    expect(description).toMatch(/hanya dapat dibuka Verifikator/);
    expect(description).toMatch(/hanya menyimpan tautannya di Data Terbatas/);
  });
});
