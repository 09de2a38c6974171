// Settings: defaults round-trip through the Pengaturan rows; roster, superiors, delegations, errors per row.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, holdersOf, parseSettings, rolesOf, settingsToRows, witaDate } from '../../src/core/settings';

function parsed(rows: unknown[][]) {
  const r = parseSettings(rows);
  if ('errors' in r) throw new Error(r.errors.join('\n'));
  return r.settings;
}

describe('Pengaturan', () => {
  it('writes defaults that read back to the same settings, example addresses marked', () => {
    const rows = settingsToRows(DEFAULT_SETTINGS);
    expect(parsed(rows)).toEqual(DEFAULT_SETTINGS);
    const kadis = rows.find((r) => r[0] === 'Peran Kepala Dinas');
    expect(kadis?.[1]).toBe('kepala.dinas@bolmongkab.go.id');
    expect(kadis?.[4]).toContain('CONTOH');
    expect(rows.every((r) => r.length === 5)).toBe(true);
    expect(rows.some((r) => r[0] === 'Jam kerja Senin')).toBe(true);
  });

  it('reads several addresses per role, superiors, delegations with Date cells, domains and numbers', () => {
    const rows = settingsToRows(DEFAULT_SETTINGS).map((r) => [...r]) as unknown[][];
    rows.push(['Peran Sandiman', 'A@bolmongkab.go.id; b@bolmongkab.go.id']);
    rows.push(['Atasan Verifikator', 'Kepala Dinas']);
    rows.push([
      'Plt./Plh. Kabid Persandian',
      'plt@bolmongkab.go.id',
      new Date('2026-01-04T16:00:00Z'),
      '2026-01-09',
      'cuti',
    ]);
    rows.push(['Domain email dinas yang diizinkan', 'bolmongkab.go.id, @sulutprov.go.id']);
    rows.push(['Masa berlaku tautan (jam)', 48]);
    rows.push(['Hari libur', '2026-01-06']);
    rows.push(['Catatan staf yang tidak dikenal', 'apa saja']);
    const s = parsed(rows);
    expect(s.roster.SANDIMAN).toEqual(['a@bolmongkab.go.id', 'b@bolmongkab.go.id']);
    expect(s.superiors.VERIFIKATOR).toBe('KEPALA_DINAS');
    expect(s.delegations).toEqual([
      {
        role: 'KABID_PERSANDIAN',
        email: 'plt@bolmongkab.go.id',
        from: '2026-01-05',
        until: '2026-01-09',
        note: 'cuti',
      },
    ]);
    expect(s.allowedEmailDomains).toEqual(['bolmongkab.go.id', 'sulutprov.go.id']);
    expect(s.linkExpiryHours).toBe(48);
    expect(s.calendar.holidays).toEqual(['2026-01-06']);
  });

  it('names every bad row in Indonesian and uses nothing', () => {
    const r = parseSettings([
      ['Peran Kepala Dinas', 'bukan-email'],
      ['Atasan Sandiman', 'Bupati'],
      ['Plt./Plh. Kepala Dinas', 'plt@bolmongkab.go.id', '2026-02-10', '2026-02-01'],
      ['Domain email dinas yang diizinkan', 'gmail.com'],
      ['Masa berlaku tautan (jam)', 'tiga'],
      ['Tautan SOP Pembuatan Email Dinas', 'http://x'],
      ['Peran Verifikator', ''],
      ['Jam kerja Senin', '8 sampai 4'],
    ]);
    expect('errors' in r).toBe(true);
    if (!('errors' in r)) return;
    const text = r.errors.join('\n');
    expect(text).toContain('baris 1: "bukan-email" bukan alamat email');
    expect(text).toContain('baris 2: peran "Bupati" tidak dikenal');
    expect(text).toContain('baris 3: tanggal');
    expect(text).toContain('baris 4: domain email dinas harus berakhiran go.id ("gmail.com" tidak)');
    expect(text).toContain('baris 5: "tiga" harus bilangan bulat');
    expect(text).toContain('baris 6: tautan SOP');
    expect(text).toContain('peran Verifikator belum berisi alamat email');
    expect(text).toContain('Baris 8');
  });
});

describe('roster with delegations', () => {
  const settings = {
    ...DEFAULT_SETTINGS,
    delegations: [
      {
        role: 'KEPALA_DINAS' as const,
        email: 'plt@bolmongkab.go.id',
        from: '2026-01-05',
        until: '2026-01-06',
        note: '',
      },
    ],
  };
  it('sends work to the acting official during the delegation only (WITA dates)', () => {
    expect(holdersOf(settings, 'KEPALA_DINAS', new Date('2026-01-04T15:59:00Z'))).toEqual([
      'kepala.dinas@bolmongkab.go.id',
    ]);
    expect(holdersOf(settings, 'KEPALA_DINAS', new Date('2026-01-04T16:00:00Z'))).toEqual(['plt@bolmongkab.go.id']);
    expect(holdersOf(settings, 'KEPALA_DINAS', new Date('2026-01-06T15:59:00Z'))).toEqual(['plt@bolmongkab.go.id']);
    expect(holdersOf(settings, 'KEPALA_DINAS', new Date('2026-01-06T16:00:00Z'))).toEqual([
      'kepala.dinas@bolmongkab.go.id',
    ]);
  });
  it('lets both the official and the acting official act, case-insensitively', () => {
    const at = new Date('2026-01-05T02:00:00Z');
    expect(rolesOf(settings, 'PLT@bolmongkab.go.id', at)).toEqual(['KEPALA_DINAS']);
    expect(rolesOf(settings, 'kepala.dinas@bolmongkab.go.id', at)).toEqual(['KEPALA_DINAS']);
    expect(rolesOf(settings, 'siapa@bolmongkab.go.id', at)).toEqual([]);
    expect(witaDate(new Date('2026-01-04T16:00:00Z'))).toBe('2026-01-05');
  });
});
