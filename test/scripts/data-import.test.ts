// Import refusals and targets: a hostile file (formulas, wrong types, duplicates) gets a clear report; CSV, mapping file, the live Sheets path faked.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { google } from 'googleapis';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FIELD_LABELS as F } from '../../scripts/data/column-mapping';
import { main as exportMain, runExport } from '../../scripts/data/export';
import { formatReport, main as importMain, nikKeyOf, runImport } from '../../scripts/data/import';
import { REGISTER_HEADERS, RESTRICTED_SHEET, SETUP_HEADERS, SHEET_NAMES } from '../../scripts/data/register-layout';
import { LocalTarget, SheetsTarget } from '../../scripts/data/targets';
import { staticTokenClient } from '../../scripts/google/auth';
import { APPLICANT_HEADERS, applicantRow, readWorkbook, type WorkbookCell, writeWorkbook } from './support/applicants';
import { type FakeGoogle, type FakeRequest, googleError, startFakeGoogle } from './support/fake-google';
import { HMAC_SECRET, loadState, saveState, setupState } from './support/local-state';

const NOW = new Date('2026-01-05T01:00:00Z');
let dir: string;
let stateFile: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'import-'));
  stateFile = join(dir, 'simulator.sqlite');
  saveState(stateFile, setupState());
});

afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

function sheetValues(name: string): unknown[][] {
  const state = loadState(stateFile);
  for (const spreadsheet of Object.values(state.spreadsheets)) {
    const sheet = spreadsheet.sheets.find((s) => s.name === name);
    if (sheet) return sheet.values;
  }
  throw new Error(`no sheet ${name}`);
}

async function importLocal(file: string, extra: Partial<Parameters<typeof runImport>[0]> = {}) {
  const target = new LocalTarget(stateFile);
  try {
    return await runImport(
      { file, allowedEmailDomains: [], actor: 'admin@bolmongkab.go.id', now: NOW, progress: () => {}, ...extra },
      target,
    );
  } finally {
    target.close();
  }
}

const row = (i: number) => APPLICANT_HEADERS.map((header) => applicantRow(i)[header] ?? '');
const col = (header: string) => APPLICANT_HEADERS.indexOf(header);
function withCell(i: number, header: string, value: WorkbookCell): WorkbookCell[] {
  const cells: WorkbookCell[] = row(i);
  cells[col(header)] = value;
  return cells;
}

describe('import: a hostile file', () => {
  it('writes only the valid row and reports every other row with its reason', async () => {
    const file = join(dir, 'berbahaya.xlsx');
    const rows = [
      row(0),
      withCell(1, F.name, { formula: 'HYPERLINK("http://contoh.invalid","klik")' }),
      withCell(2, F.name, "=cmd|'/c calc'!A1"),
      withCell(3, 'NIK', Number('9101234567890001')),
      withCell(4, F.nip, Number('198506022010011001')),
      withCell(5, F.phone, true),
      withCell(0, F.reference, 'TTE-2025-99999'),
      withCell(7, F.unit, '@SUM(1+1)'),
      withCell(8, F.service, 'Layanan palsu'),
      withCell(9, F.issuedAt, 'kemarin'),
      withCell(10, F.email, 'orang@gmail.com'),
      withCell(11, F.position, '<script>alert(1)</script>'),
      withCell(13, F.reference, applicantRow(0)[F.reference] ?? ''),
      withCell(16, F.serial, applicantRow(0)[F.serial] ?? ''),
    ];
    await writeWorkbook(file, APPLICANT_HEADERS, rows);
    const summary = await importLocal(file);
    expect({ written: summary.written, refused: summary.refused, skipped: summary.skipped }).toEqual({
      written: 1,
      refused: 13,
      skipped: 0,
    });
    const reasons = new Map(summary.outcomes.map((outcome) => [outcome.line, outcome.reasons.join(' | ')]));
    expect(reasons.get(3)).toContain('berisi rumus (formula)');
    expect(reasons.get(4)).toMatch(/Nama/);
    expect(reasons.get(5)).toContain('digit terakhirnya hilang');
    expect(reasons.get(6)).toContain('digit terakhirnya hilang');
    expect(reasons.get(7)).toContain('nilai benar/salah');
    expect(reasons.get(8)).toContain('Duplikat baris 2');
    expect(reasons.get(9)).toBeDefined();
    expect(reasons.get(10)).toBeDefined();
    expect(reasons.get(11)).toContain('bukan tanggal yang sah');
    expect(reasons.get(12)).toBeDefined();
    expect(reasons.get(13)).toBeDefined();
    expect(reasons.get(14)).toContain('Nomor permohonan sama dengan baris 2');
    expect(reasons.get(15)).toContain('Nomor seri sertifikat sama dengan baris 2');

    expect(sheetValues(SHEET_NAMES.register)).toHaveLength(2);
    expect(sheetValues(RESTRICTED_SHEET)).toHaveLength(2);
    expect(sheetValues(SHEET_NAMES.audit)).toHaveLength(2);
    const written = JSON.stringify(loadState(stateFile).spreadsheets);
    expect(written).not.toContain('cmd|');
    expect(written).not.toContain('HYPERLINK');

    const report = formatReport(summary.outcomes);
    expect(report.startsWith('\uFEFF"Baris";"Hasil"')).toBe(true);
    expect(report).toContain(`"'=cmd|'/c calc'!A1"`);
    for (const line of report.split('\r\n').slice(1, -1)) {
      for (const cell of line.split('";"')) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@]/);
    }
    expect(report).not.toContain(applicantRow(7)[F.nik]);
  });

  it('the command writes the report beside the file and exits 1', async () => {
    const file = join(dir, 'campur.xlsx');
    await writeWorkbook(file, APPLICANT_HEADERS, [row(0), withCell(1, F.email, 'x@gmail.com')]);
    const lines: string[] = [];
    const code = await importMain([file, '--to', 'local', '--state', stateFile], '/', (line) => lines.push(line));
    expect(code).toBe(1);
    expect(lines.join('\n')).toContain('1 ditulis, 0 dilewati (sudah ada), 1 ditolak');
    const report = readFileSync(join(dir, 'campur.laporan-impor.csv'), 'utf8');
    expect(report).toContain('"3";"Ditolak"');
  });

  it('a missing required column refuses the whole file and writes nothing', async () => {
    const file = join(dir, 'kurang.xlsx');
    const header = APPLICANT_HEADERS.filter((h) => h !== 'NIK' && h !== F.phone);
    await writeWorkbook(file, header, [header.map((h) => applicantRow(0)[h] ?? '')]);
    const before = readFileSync(stateFile);
    const lines: string[] = [];
    expect(await importMain([file, '--to', 'local', '--state', stateFile], '/', (line) => lines.push(line))).toBe(2);
    expect(lines.join('\n')).toContain('Kolom wajib tidak ditemukan di berkas: "NIK", "Nomor ponsel (WhatsApp)"');
    expect(lines.join('\n')).toContain('--map');
    expect(sheetValues(SHEET_NAMES.register)).toHaveLength(1);
    expect(readFileSync(stateFile).equals(before)).toBe(true);
  });

  it('a register without the expected columns is refused before anything is written', async () => {
    saveState(stateFile, setupState(['Nomor Permohonan', 'Nama']));
    const file = join(dir, 'a.xlsx');
    await writeWorkbook(file, APPLICANT_HEADERS, [row(0)]);
    await expect(importLocal(file)).rejects.toThrow(
      'Lembar "Register Permohonan" tidak sesuai: kolom yang hilang: "Nomor permohonan", "Kode status"',
    );
    expect(sheetValues(RESTRICTED_SHEET)).toHaveLength(1);
  });

  it('an unsupported file type is refused', async () => {
    const file = join(dir, 'a.ods');
    writeFileSync(file, 'x');
    const lines: string[] = [];
    expect(await importMain([file, '--to', 'local', '--state', stateFile], '/', (line) => lines.push(line))).toBe(2);
    expect(lines.join('\n')).toContain('Gunakan .xlsx atau .csv');
  });
});

describe('import: formats, mapping, idempotency', () => {
  it('reads a semicolon CSV with other column names through a mapping file, keyed by the HMAC NIK key', async () => {
    const file = join(dir, 'lama.csv');
    const a = applicantRow(0);
    const b = applicantRow(1);
    const header = 'Nama Pegawai;No KTP;NIP;Status ASN;Jabatan;OPD;Email;HP;Layanan;Nomor Seri;Keterangan';
    const line = (r: Record<string, string>) =>
      [
        r[F.name],
        r[F.nik],
        r[F.nip],
        'PNS',
        '"Kepala Seksi; Data"',
        'Diskominfo',
        r[F.email],
        '0812 3456 7890',
        'Penerbitan baru',
        `SN-${r[F.reference]}`,
        '=1+1',
      ].join(';');
    writeFileSync(file, `\uFEFF${header}\r\n${line(a)}\r\n${line(b)}\r\n`);
    const mapping = join(dir, 'peta.json');
    writeFileSync(mapping, JSON.stringify({ 'Nama Pegawai': 'Nama', 'No KTP': 'nik', HP: 'Nomor Ponsel' }));
    const lines: string[] = [];
    expect(
      await importMain([file, '--to', 'local', '--state', stateFile, '--map', mapping], '/', (l) => lines.push(l)),
    ).toBe(0);
    expect(lines.join('\n')).toContain('Kolom yang tidak diimpor: Keterangan.');
    const register = sheetValues(SHEET_NAMES.register);
    expect(register).toHaveLength(3);
    const header0 = register[0] as string[];
    const first = register[1] as string[];
    expect(first[header0.indexOf(F.position)]).toBe('Kepala Seksi; Data');
    expect(first[header0.indexOf(F.phone)]).toBe('6281234567890');
    expect(first[header0.indexOf(F.reference)]).toBe('TTE-IMPOR-000001');
    expect(first[header0.indexOf(REGISTER_HEADERS.nikKey)]).toBe(nikKeyOf(a[F.nik] ?? '', HMAC_SECRET));
    expect(first[header0.indexOf(REGISTER_HEADERS.statusCode)]).toBe('SERTIFIKAT_TERBIT');
    expect((register[2] as string[])[header0.indexOf(F.reference)]).toBe('TTE-IMPOR-000002');
    expect(lines.join('\n')).toContain('2 ditulis');
  });

  it('a mapping file naming an unknown column is refused with the choices', async () => {
    const mapping = join(dir, 'peta.json');
    writeFileSync(mapping, JSON.stringify({ 'Nama Pegawai': 'Nama Panggilan' }));
    const file = join(dir, 'a.xlsx');
    await writeWorkbook(file, APPLICANT_HEADERS, [row(0)]);
    const lines: string[] = [];
    expect(
      await importMain([file, '--to', 'local', '--state', stateFile, '--map', mapping], '/', (l) => lines.push(l)),
    ).toBe(2);
    expect(lines.join('\n')).toContain('tujuan "Nama Panggilan" untuk kolom "Nama Pegawai" tidak dikenal');
  });

  it('a second run skips what the first wrote, and a still-open application blocks a duplicate', async () => {
    const file = join(dir, 'a.xlsx');
    await writeWorkbook(file, APPLICANT_HEADERS, [row(0), row(1)]);
    expect((await importLocal(file)).written).toBe(2);
    const again = await importLocal(file);
    expect(again.written).toBe(0);
    expect(again.outcomes.map((o) => [o.result, o.reasons[0]])).toEqual([
      ['DILEWATI', 'Sudah ada di register (TTE-2025-00001); tidak ditulis ulang.'],
      ['DILEWATI', 'Sudah ada di register (TTE-2025-00002); tidak ditulis ulang.'],
    ]);
    const second = join(dir, 'b.xlsx');
    await writeWorkbook(second, APPLICANT_HEADERS, [withCell(1, F.reference, 'TTE-2025-77777')]);
    const blocked = await importLocal(second);
    expect(blocked.written).toBe(0);
    expect(blocked.outcomes[0]?.result).toBe('DILEWATI');
    expect(sheetValues(SHEET_NAMES.register)).toHaveLength(3);
  });

  it('a live target needs the restricted spreadsheet named, before any credentials are asked for', async () => {
    const lines: string[] = [];
    const file = join(dir, 'a.xlsx');
    await writeWorkbook(file, APPLICANT_HEADERS, [row(0)]);
    expect(await importMain([file, '--to', 'registerSpreadsheetId0001'], dir, (l) => lines.push(l))).toBe(2);
    expect(
      await exportMain(['--from', 'registerSpreadsheetId0001', '--out', join(dir, 'x.xlsx'), '--with-nik'], dir, (l) =>
        lines.push(l),
      ),
    ).toBe(2);
    expect(lines).toEqual([
      'Impor dibatalkan: Untuk spreadsheet asli, berikan juga --restricted <ID spreadsheet Data Terbatas>.',
      'Ekspor dibatalkan: NIK lengkap hanya diambil dari Data Terbatas: berikan --restricted <ID spreadsheet Data Terbatas>.',
    ]);
  });

  it('without credentials a live target says what it needs and writes nothing', async () => {
    vi.stubEnv('GOOGLE_APPLICATION_CREDENTIALS', '');
    const lines: string[] = [];
    const file = join(dir, 'a.xlsx');
    await writeWorkbook(file, APPLICANT_HEADERS, [row(0)]);
    const code = await importMain(
      [file, '--to', 'registerSpreadsheetId0001', '--restricted', 'restrictedSpreadsheetId01'],
      dir,
      (l) => lines.push(l),
    );
    expect(code).toBe(2);
    expect(lines.join('\n')).toContain('Kredensial Google belum tersedia');
    expect(lines.join('\n')).toContain('GOOGLE_APPLICATION_CREDENTIALS');
  });

  it('export refuses a file name that is not .xlsx and a missing state', async () => {
    const lines: string[] = [];
    expect(
      await exportMain(['--from', 'local', '--out', join(dir, 'x.csv'), '--state', stateFile], '/', (l) =>
        lines.push(l),
      ),
    ).toBe(2);
    expect(
      await exportMain(
        ['--from', 'local', '--out', join(dir, 'x.xlsx'), '--state', join(dir, 'none.sqlite')],
        '/',
        (l) => lines.push(l),
      ),
    ).toBe(2);
    expect(lines.join('\n')).toContain('State simulator belum ada');
  });
});

describe('import and export: a live spreadsheet through a fake Sheets API', () => {
  let fake: FakeGoogle;
  const sheets: Record<string, Record<string, string[][]>> = {};

  beforeEach(async () => {
    sheets.reg = {
      [SHEET_NAMES.register]: [SETUP_HEADERS.register],
      [SHEET_NAMES.audit]: [SETUP_HEADERS.audit],
    };
    sheets.res = { [RESTRICTED_SHEET]: [SETUP_HEADERS.restricted] };
    fake = await startFakeGoogle((request: FakeRequest) => {
      const match = /^\/v4\/spreadsheets\/([^/]+)\/values\/([^:]+?)(:append)?$/.exec(request.path);
      if (!match) return undefined;
      const book = sheets[match[1] === 'registerSpreadsheetId0001' ? 'reg' : 'res'];
      const name = (match[2] ?? '').replace(/!A1$/, '').replace(/^'|'$/g, '').replace(/''/g, "'");
      const values = book?.[name];
      if (!values) return googleError(400, `Unable to parse range: ${match[2]}`, 'badRequest');
      if (match[3]) {
        values.push(...((request.body as { values: string[][] }).values ?? []));
        return { body: { updates: { updatedRows: 0 } } };
      }
      return { body: { range: name, values } };
    });
  });

  afterEach(async () => {
    await fake.close();
  });

  it('appends RAW values in batches, the NIK only to the restricted spreadsheet, and exports them back', async () => {
    const client = google.sheets({ version: 'v4', auth: staticTokenClient('fake-access'), rootUrl: fake.url });
    const target = new SheetsTarget(client, 'registerSpreadsheetId0001', 'restrictedSpreadsheetId01', 2);
    const file = join(dir, 'a.xlsx');
    await writeWorkbook(file, APPLICANT_HEADERS, [row(0), row(1), row(2), row(3), row(4)]);
    const summary = await runImport(
      { file, allowedEmailDomains: [], actor: 'admin', now: NOW, progress: () => {} },
      target,
    );
    expect(summary.written).toBe(5);
    expect(summary.nikKeyMissing).toBe(true);
    const appends = fake.requests.filter((r) => r.path.endsWith(':append'));
    expect(
      appends.every(
        (r) => r.query.get('valueInputOption') === 'RAW' && r.query.get('insertDataOption') === 'INSERT_ROWS',
      ),
    ).toBe(true);
    const perSheet = (name: string) => appends.filter((r) => r.path.includes(`'${name}'!A1`)).length;
    expect([perSheet(RESTRICTED_SHEET), perSheet(SHEET_NAMES.register), perSheet(SHEET_NAMES.audit)]).toEqual([
      3, 3, 3,
    ]);
    expect(appends).toHaveLength(9);
    expect(fake.requests.every((r) => r.headers.authorization === 'Bearer fake-access')).toBe(true);
    expect(sheets.res?.[RESTRICTED_SHEET]?.[1]?.slice(0, 3)).toEqual([
      applicantRow(0)[F.reference],
      applicantRow(0)[F.nik],
      '',
    ]);
    expect(typeof sheets.res?.[RESTRICTED_SHEET]?.[1]?.[3]).toBe('number');
    expect(JSON.stringify(sheets.reg)).not.toContain(applicantRow(0)[F.nik]);
    expect(sheets.reg?.[SHEET_NAMES.register]).toHaveLength(6);

    const again = await runImport(
      { file, allowedEmailDomains: [], actor: 'admin', now: NOW, progress: () => {} },
      target,
    );
    expect(again.skipped).toBe(5);

    const backup = join(dir, 'cadangan.xlsx');
    const summary2 = await runExport({ out: backup, withNik: true, now: NOW }, target);
    expect(summary2.missing).toEqual([SHEET_NAMES.issued, SHEET_NAMES.settings]);
    const register = (await readWorkbook(backup)).get(SHEET_NAMES.register)!;
    expect(register.rows[4]?.at(-1)).toBe(applicantRow(4)[F.nik]);
  });
});
