// Tests for the lifecycle services as SOPs and the SOP sheet holding every service.
import { describe, expect, it } from 'vitest';
import {
  DATA_CHANGE_SOP,
  missingServiceSops,
  PASSPHRASE_RESET_SOP,
  RENEWAL_SOP,
  REVOCATION_SOP,
  SERVICE_CODES,
  SERVICE_SOPS,
  sopForService,
  sopsFromTable,
  sopsToTable,
} from '../../../src/core/service-sops';
import { SEED_SOP, type SopDefinition, sopFromTable, sopStages, sopToTable } from '../../../src/core/sop';
import { routeOf } from '../../../src/core/workflow-route';

const ALL = SERVICE_CODES.map((c) => SERVICE_SOPS[c]);

function sopsOf(rows: unknown[][]): SopDefinition[] {
  const out = sopsFromTable(rows);
  if ('errors' in out) throw new Error(out.errors.join('\n'));
  return out.sops;
}

describe('the lifecycle SOPs', () => {
  it('exist for every service, each coded with its service and carrying the seed office', () => {
    expect(SERVICE_CODES).toEqual(['PENERBITAN_BARU', 'PEMBARUAN', 'RESET_PASSPHRASE', 'PERUBAHAN_DATA', 'PENCABUTAN']);
    for (const code of SERVICE_CODES) {
      expect(SERVICE_SOPS[code].code).toBe(code);
      expect(SERVICE_SOPS[code].office).toEqual(SEED_SOP.office);
      expect(SERVICE_SOPS[code].steps.length).toBeGreaterThan(2);
    }
    expect(SERVICE_SOPS.PENERBITAN_BARU).toBe(SEED_SOP);
  });

  it('each reads back exactly from its own sheet block (same form as the seed)', () => {
    for (const sop of ALL) expect(sopFromTable(sopToTable(sop))).toEqual({ sop });
  });

  it('has a time standard on the first step of every office stage and none on later sub-steps', () => {
    for (const sop of ALL) {
      for (const step of sop.steps) {
        const first = sop.steps.find((s) => s.no === step.no)!;
        if (first !== step) expect(step.timeStandardMinutes).toBeNull();
        expect(step.actor).toBe(step.actors[step.actors.length - 1]);
      }
      expect(sopStages(sop)[0]!.timeStandardMinutes).not.toBeNull();
    }
  });

  it('renewal states H-30 and that an expired certificate needs a new application', () => {
    const text = JSON.stringify(RENEWAL_SOP);
    expect(text).toContain('30 hari sebelum');
    expect(RENEWAL_SOP.warnings[0]).toContain('kedaluwarsa tidak dapat diperbarui');
    expect(RENEWAL_SOP.steps[0]!.requirements).toContain('Nomor seri sertifikat elektronik yang masih berlaku');
  });

  it('passphrase reset says the BSrE link lasts one day, and routes straight to the Verifikator', () => {
    expect(PASSPHRASE_RESET_SOP.steps.find((s) => s.id === '2a')!.activity).toContain('berlaku 1 hari (24 jam)');
    const route = routeOf(PASSPHRASE_RESET_SOP);
    expect(route.chain.map((s) => s.role)).toEqual(['VERIFIKATOR']);
    expect(route.bsreStep).toBe(2);
    expect(route.issueStep).toBe(3);
  });

  it('revocation asks for the reason and skips the Sandiman', () => {
    expect(REVOCATION_SOP.steps[0]!.requirements.join(' ')).toContain('Alasan pencabutan');
    const route = routeOf(REVOCATION_SOP);
    expect(route.chain.map((s) => s.role)).toEqual(['KEPALA_DINAS', 'KABID_PERSANDIAN', 'VERIFIKATOR']);
    expect(route.bsreStep).toBe(3);
  });

  it('renewal and data change follow the seed route (same roles in the same steps)', () => {
    for (const sop of [RENEWAL_SOP, DATA_CHANGE_SOP]) expect(routeOf(sop)).toEqual(routeOf(SEED_SOP));
  });
});

describe('sopsToTable / sopsFromTable', () => {
  it('carries all five services on one sheet and reads them back exactly', () => {
    const rows = sopsToTable(ALL);
    expect(new Set(rows.map((r) => r.length))).toEqual(new Set([7]));
    expect(sopsOf(rows)).toEqual(ALL);
  });

  it('leaves sopFromTable reading the first block: the seed', () => {
    expect(sopFromTable(sopsToTable(ALL))).toEqual({ sop: SEED_SOP });
  });

  it('reads a sheet with only the seed (written before the services existed) as one SOP', () => {
    expect(sopsOf(sopToTable(SEED_SOP))).toEqual([SEED_SOP]);
    expect(missingServiceSops([SEED_SOP]).map((s) => s.code)).toEqual([
      'PEMBARUAN',
      'RESET_PASSPHRASE',
      'PERUBAHAN_DATA',
      'PENCABUTAN',
    ]);
    expect(missingServiceSops(ALL)).toEqual([]);
  });

  it('picks up a staff edit in a later block', () => {
    const rows = sopsToTable(ALL);
    const revStart = rows.findIndex((r) => r[1] === 'PENCABUTAN');
    const stepRow = rows.findIndex((r, i) => i > revStart && r[0] === '3');
    rows[stepRow]![4] = '30 Menit';
    const sops = sopsOf(rows);
    expect(sopStages(sopForService(sops, 'PENCABUTAN')).find((s) => s.no === 3)!.timeStandardMinutes).toBe(30);
    expect(sopForService(sops, 'PENERBITAN_BARU')).toEqual(SEED_SOP);
  });

  it('names the real sheet row of an error in a later block', () => {
    const rows = sopsToTable(ALL);
    const resetStart = rows.findIndex((r) => r[1] === 'RESET_PASSPHRASE');
    const stepRow = rows.findIndex((r, i) => i > resetStart && r[0] === '1');
    rows[stepRow]![2] = 'Bupati';
    const out = sopsFromTable(rows);
    expect('errors' in out && out.errors[0]).toContain(`Baris ${stepRow + 1}: pelaksana "Bupati" tidak dikenal`);
  });

  it('refuses an unknown or repeated KODE SOP', () => {
    const dup = sopsToTable([SEED_SOP, RENEWAL_SOP, RENEWAL_SOP]);
    const out = sopsFromTable(dup);
    expect('errors' in out && out.errors.join(' ')).toContain('KODE SOP "PEMBARUAN" sudah dipakai');
    const unknown = sopsToTable([SEED_SOP, { ...RENEWAL_SOP, code: 'PERPANJANGAN' }]);
    const out2 = sopsFromTable(unknown);
    expect('errors' in out2 && out2.errors.join(' ')).toContain('KODE SOP "PERPANJANGAN" tidak dikenal');
  });

  it('sopForService falls back to the built-in SOP when the sheet lacks the service', () => {
    expect(sopForService([SEED_SOP], 'PEMBARUAN')).toBe(RENEWAL_SOP);
    expect(sopForService([SEED_SOP], 'UNKNOWN')).toBe(SEED_SOP);
  });
});
