// Data Terbatas follows the roster: a Verifikator taken off Pengaturan, or anyone shared by hand, loses the full NIKs.
import { describe, expect, it } from 'vitest';
import { setPengaturan } from '../security/support';
import { KADIS, OWNER, setUp, VERIFIKATOR } from './harness';

const NEW_VERIFIKATOR = 'verifikator.baru@bolmongkab.go.id';

describe('Data Terbatas sharing', () => {
  it("the owner's setup keeps only the roster's Verifikator(s); anyone else's setup leaves sharing alone", () => {
    const emu = setUp();
    const store = emu.state.spreadsheets[emu.state.scriptProperties.RESTRICTED_SPREADSHEET_ID ?? '']!;
    expect(store.editors.map((e) => e.toLowerCase())).toContain(VERIFIKATOR);
    store.viewers.push(KADIS);
    setPengaturan(emu, 'Peran Verifikator', NEW_VERIFIKATOR);
    // The old Verifikator runs setup: still an editor, but not the owner, so nothing is removed.
    expect(emu.runMenuItem('Siapkan/perbaiki sistem', VERIFIKATOR).status).toBe('COMPLETED');
    expect(store.viewers).toContain(KADIS);
    const run = emu.runMenuItem('Siapkan/perbaiki sistem', OWNER);
    expect(run.status, run.error ?? '').toBe('COMPLETED');
    const access = [...store.editors, ...store.viewers].map((e) => e.toLowerCase());
    expect(access).toContain(NEW_VERIFIKATOR);
    expect(access).not.toContain(VERIFIKATOR);
    expect(access).not.toContain(KADIS);
    expect(store.owner).toBe(OWNER);
  });
});
