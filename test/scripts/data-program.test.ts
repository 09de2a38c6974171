// Import against the real program: the built bundle sets up the register in the emulator (SQLite state), the import writes into it, and the program accepts the result.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Emulator } from '../../emulator';
import { FIELD_LABELS as F } from '../../scripts/data/column-mapping';
import { runExport } from '../../scripts/data/export';
import { runImport } from '../../scripts/data/import';
import { REGISTER_HEADERS, SHEET_NAMES } from '../../scripts/data/register-layout';
import { LocalTarget } from '../../scripts/data/targets';
import { INTAKE_FORM, SERVICE_CHOICES } from '../../src/core/intake-form';
import { answers, OWNER, START } from '../e2e/harness';
import { bundleDir } from '../support/bundle';
import { APPLICANT_HEADERS, applicantRow, readWorkbook, writeWorkbook } from './support/applicants';

let dir: string;
let stateFile: string;

function emulator(): Emulator {
  return new Emulator({
    codeDir: bundleDir(),
    owner: OWNER,
    start: START,
    bound: true,
    mailDailyQuota: 100,
    storage: { kind: 'sqlite', file: stateFile },
  });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'program-'));
  stateFile = join(dir, 'simulator.sqlite');
  const emu = emulator();
  emu.openSpreadsheet(OWNER);
  const setup = emu.runMenuItem('Siapkan/perbaiki sistem', OWNER);
  expect(setup.status, setup.error ?? '').toBe('COMPLETED');
  emu.close();
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('import into a register set up by the program itself', () => {
  it('writes rows the program reads: schema, audit chain and NIK key all accepted', async () => {
    const file = join(dir, 'riwayat.xlsx');
    const rows = [0, 1, 2].map((i) => applicantRow(i));
    const sameNik = { ...answers(), [titleOf('nik')]: rows[0]?.[F.nik] ?? '' };
    await writeWorkbook(
      file,
      APPLICANT_HEADERS,
      rows.map((row) => APPLICANT_HEADERS.map((header) => row[header] ?? '')),
    );
    const target = new LocalTarget(stateFile);
    const summary = await runImport(
      { file, allowedEmailDomains: [], actor: OWNER, now: new Date(START), progress: () => {} },
      target,
    );
    target.close();
    expect({ written: summary.written, refused: summary.refused, nikKeyMissing: summary.nikKeyMissing }).toEqual({
      written: 3,
      refused: 0,
      nikKeyMissing: false,
    });

    const emu = emulator();
    const check = emu.run('selfTest');
    expect(check.status, check.error ?? '').toBe('COMPLETED');
    const report = check.value as { ok: boolean; steps: { name: string; ok: boolean; detail: string }[] };
    expect(report.steps.filter((step) => !step.ok)).toEqual([]);
    expect(report.ok).toBe(true);
    const audit = emu.run('verifyAuditLog_');
    expect((audit.value as { ok: boolean }).ok, JSON.stringify(audit.value)).toBe(true);

    const submitted = emu.submitForm({ ...sameNik, [titleOf('service')]: SERVICE_CHOICES.PEMBARUAN });
    expect(submitted.executions.every((execution) => execution.status === 'COMPLETED')).toBe(true);
    const [header = [], ...registerRows] = emu.sheetDisplayValues(SHEET_NAMES.register);
    const keyColumn = header.indexOf(REGISTER_HEADERS.nikKey);
    const idColumn = header.indexOf(REGISTER_HEADERS.reference);
    expect(registerRows).toHaveLength(4);
    const imported = registerRows.find((row) => row[idColumn] === rows[0]?.[F.reference]);
    const fromForm = registerRows[registerRows.length - 1];
    expect(fromForm?.[keyColumn]).toMatch(/^[0-9a-f]{64}$/);
    expect(imported?.[keyColumn]).toBe(fromForm?.[keyColumn]);

    const certificates = emu.sheetDisplayValues(SHEET_NAMES.issued);
    expect(certificates).toHaveLength(1 + 2);
    emu.close();

    const backup = join(dir, 'cadangan.xlsx');
    const reader = new LocalTarget(stateFile);
    await runExport({ out: backup, withNik: true, now: new Date(START) }, reader);
    reader.close();
    const register = (await readWorkbook(backup)).get(SHEET_NAMES.register);
    const nikColumn = register?.header.indexOf('NIK') ?? -1;
    expect(register?.rows.map((row) => row[nikColumn])).toEqual([
      rows[0]?.[F.nik],
      rows[1]?.[F.nik],
      rows[2]?.[F.nik],
      rows[0]?.[F.nik],
    ]);
  });
});

/** The Form question title of an answer key. */
function titleOf(key: string): string {
  const found = INTAKE_FORM.questions.find((question) => question.key === key);
  if (!found) throw new Error(`no question ${key}`);
  return found.title;
}
