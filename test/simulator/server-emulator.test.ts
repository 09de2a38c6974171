// The simulator's API over the real emulator and the built program: seeding, Form, web app, sheets, export, clock, and a kill/restart on the same SQLite file.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSetupFunction } from '../../scripts/simulator/host';
import { type Simulator, startSimulator } from '../../scripts/simulator/server';
import { applicantAnswers } from '../browser/sop-steps';
import { bundleDir } from '../support/bundle';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dataFile = join(mkdtempSync(join(tmpdir(), 'sim-real-')), 'simulator.sqlite');
const APPLICANT = 'budi.santoso@bolmongkab.go.id';
const REGISTER = 'Register Permohonan';
let sim: Simulator;
let base = '';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are JSON checked by the assertions themselves
async function api(path: string, init: RequestInit = {}): Promise<{ status: number; json: any; text: string }> {
  const response = await fetch(base + path, init);
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: response.status, json, text };
}

function postJson(path: string, body: unknown) {
  return api(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

async function registerRow(reference: string): Promise<string[] | undefined> {
  const sheet = (await api(`/api/sheets/${encodeURIComponent(REGISTER)}`)).json as { values: string[][] };
  return sheet.values.find((row) => row[0] === reference);
}

beforeAll(async () => {
  sim = await startSimulator({ port: 0, dataFile, reset: true, codeDir: bundleDir() });
  base = sim.url;
});

afterAll(async () => {
  await sim?.close();
});

describe('simulator API over the real emulator and program', () => {
  it('listens on 127.0.0.1 and ran the program setup as the owner on the first start', () => {
    expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const setup = findSetupFunction(bundleDir());
    expect(setup).not.toBeNull();
    expect(sim.seeded).toMatchObject({ functionName: setup, user: 'admin@bolmongkab.go.id', status: 'COMPLETED' });
  });

  it('GET /api/form returns the Form the program built, with help texts and validations', async () => {
    const { status, json } = await api('/api/form');
    expect(status).toBe(200);
    expect(json.title).toContain('Permohonan Sertifikat Elektronik');
    const nik = json.items.find((item: { title: string }) => item.title.startsWith('NIK'));
    expect(nik).toMatchObject({ type: 'TEXT', required: true, validation: { kind: 'TEXT_REGEX_MATCH' } });
    expect(nik.helpText).not.toBe('');
  });

  it('POST /api/form-submit refuses what the Form refuses, in Indonesian, and records nothing', async () => {
    const answers: Record<string, string | string[]> = {
      ...applicantAnswers('Budi Santoso', APPLICANT),
      'NIK (Nomor Induk Kependudukan)': '12345',
    };
    delete answers.Jabatan;
    const { status, json } = await postJson('/api/form-submit', { answers });
    expect(status).toBe(400);
    expect(json.fields['NIK (Nomor Induk Kependudukan)']).toMatch(/16 digit/);
    expect(json.fields.Jabatan).toBe('Ini adalah pertanyaan wajib');
    expect((await api('/api/outbox')).json).toEqual([]);
    expect(Object.values(sim.emulator.state.forms).flatMap((form) => form.responses)).toEqual([]);
  });

  it('POST /api/form-submit runs the form-submit trigger: register row and verification mail', async () => {
    const { status, json } = await postJson('/api/form-submit', {
      answers: applicantAnswers('Budi Santoso', APPLICANT),
    });
    expect(status).toBe(200);
    expect(json.executions).toEqual([expect.objectContaining({ function: 'handleFormSubmit_', status: 'COMPLETED' })]);
    const [mail] = (await api('/api/outbox')).json;
    expect(mail).toMatchObject({ to: APPLICANT, subject: expect.stringContaining('verifikasi email dinas') });
    expect(mail.htmlBody).toContain('https://script.google.com/macros/s/');
    expect((await registerRow('TTE-2026-0001'))?.[1]).toBe('Menunggu verifikasi email');
  });

  it('GET and POST /exec serve the program pages with Google URLs made local, and act on POST only', async () => {
    const [mail] = (await api('/api/outbox')).json;
    const token = /[?&]t=([^"&]+)/.exec(mail.htmlBody)?.[1] ?? '';
    const page = await api(`/exec?t=${token}`, { headers: { 'X-Simulator-User': APPLICANT } });
    expect(page.status).toBe(200);
    expect(page.text).toContain('Konfirmasi email saya aktif');
    expect(page.text).toContain(`action="${base}/exec"`);
    expect(page.text).toContain('<script src="/static/gas-shim.js"></script>');
    expect((await registerRow('TTE-2026-0001'))?.[1]).toBe('Menunggu verifikasi email');
    const posted = await api('/exec', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Simulator-User': APPLICANT },
      body: `t=${token}&action=VERIFY_EMAIL`,
    });
    expect(posted.status).toBe(200);
    expect(posted.text).toContain('Menunggu disposisi Kepala Dinas');
    expect((await registerRow('TTE-2026-0001'))?.[1]).toBe('Menunggu disposisi Kepala Dinas');
    const outbox = (await api('/api/outbox')).json;
    expect(outbox.at(-1)).toMatchObject({ to: 'kepala.dinas@bolmongkab.go.id' });
  });

  it('the start page lists the applications and whose turn it is', async () => {
    const home = await api('/', { headers: { Accept: 'text/html' } });
    expect(home.text).toContain('<td>TTE-2026-0001</td><td>Menunggu disposisi Kepala Dinas</td>');
    expect(home.text).toContain('Masuk sebagai kepala.dinas@bolmongkab.go.id');
  });

  it('GET /api/sheets lists the sheets; /api/sheets/<name> gives display values and formulas', async () => {
    const names = (await api('/api/sheets')).json;
    expect(names).toEqual(expect.arrayContaining([REGISTER, 'Pengaturan', 'Jejak Audit']));
    const sheet = (await api(`/api/sheets/${encodeURIComponent(REGISTER)}`)).json;
    expect(sheet.values[0][0]).toBe('Nomor permohonan');
    expect(sheet.formulas).toHaveLength(sheet.values.length);
    expect((await api('/api/sheets/Tidak%20Ada')).status).toBe(404);
  });

  it('GET /api/export/<sheet>.xlsx returns a workbook with the register', async () => {
    const response = await fetch(`${base}/api/export/${encodeURIComponent(REGISTER)}.xlsx`);
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.getWorksheet(REGISTER)?.getRow(2).getCell(1).value).toBe('TTE-2026-0001');
  });

  it('POST /api/run runs a function as a user; unknown functions are a 404', async () => {
    const setup = findSetupFunction(bundleDir()) ?? '';
    const run = await postJson('/api/run', { function: setup, user: 'admin@bolmongkab.go.id' });
    expect(run.json).toMatchObject({ function: setup, status: 'COMPLETED' });
    expect((await postJson('/api/run', { function: 'tidakAda' })).status).toBe(404);
  });

  it('POST /api/clock runs the due time-driven triggers', async () => {
    const before = new Date((await api('/api/clock')).json.now).getTime();
    const moved = await postJson('/api/clock', { advanceMinutes: 30 });
    expect(new Date(moved.json.now).getTime()).toBe(before + 30 * 60_000);
    expect(moved.json.executions.length).toBeGreaterThan(0);
    expect(moved.json.executions.every((run: { status: string }) => run.status === 'COMPLETED')).toBe(true);
    const executions = (await api('/api/executions')).json;
    expect(executions.at(-1)).toMatchObject({ kind: 'TRIGGER', status: 'COMPLETED' });
  });

  it('loses nothing when the server is closed and started again on the same SQLite file', async () => {
    const snapshot = async () => ({
      now: (await api('/api/clock')).json.now,
      executions: (await api('/api/executions')).json,
      outbox: (await api('/api/outbox')).json,
      register: (await api(`/api/sheets/${encodeURIComponent(REGISTER)}`)).json,
    });
    const before = await snapshot();
    await sim.close();
    sim = await startSimulator({ port: 0, dataFile, codeDir: bundleDir() });
    base = sim.url;
    expect(sim.seeded).toBeNull();
    expect(await snapshot()).toEqual(before);
  });

  it('loses nothing when the server process is killed (SIGKILL) right after a request', async () => {
    await sim.close();
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/simulator/server.ts'], {
      cwd: root,
      env: { ...process.env, PORT: '0', SIMULATOR_DATA: dataFile, BUNDLE_DIR: bundleDir() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const found = /http:\/\/127\.0\.0\.1:\d+/.exec(output);
        if (found) resolve(found[0]);
      });
      child.once('exit', (code) => reject(new Error(`server exited early (${code}): ${output}`)));
    });
    base = url;
    const submitted = await postJson('/api/form-submit', {
      answers: applicantAnswers('Siti Rahma', 'siti.rahma@bolmongkab.go.id', '0002'),
    });
    expect(submitted.status).toBe(200);
    const executions = (await api('/api/executions')).json;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    sim = await startSimulator({ port: 0, dataFile, codeDir: bundleDir() });
    base = sim.url;
    expect((await api('/api/executions')).json).toEqual(executions);
    expect((await registerRow('TTE-2026-0002'))?.[1]).toBe('Menunggu verifikasi email');
  });

  it('starts clean with reset', async () => {
    await sim.close();
    sim = await startSimulator({ port: 0, dataFile, reset: true, codeDir: bundleDir() });
    base = sim.url;
    expect((await api('/api/executions')).json).toHaveLength(1);
    expect((await api('/api/outbox')).json).toEqual([]);
  });
});
