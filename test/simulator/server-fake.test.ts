// The simulator's server over a stand-in emulator: every route and API endpoint, refusals with 4xx, and restart on the same data file.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../../scripts/simulator/server';
import { createFakeEmulator } from './fake-emulator';

const dir = mkdtempSync(join(tmpdir(), 'sim-fake-'));
const codeDir = join(dir, 'bundle');
const dataFile = join(dir, 'state.json');

function fakeBundle(): void {
  const names = ['setup_', 'remind_', 'openPanel_', 'findApplication_', 'onOpen', 'decide', 'boom', 'doGet', 'doPost'];
  mkdirSync(codeDir, { recursive: true });
  writeFileSync(join(codeDir, 'Code.js'), names.map((name) => `function ${name}() {}`).join('\n'));
}

async function start(reset = false): Promise<Simulator> {
  return startSimulator({ port: 0, dataFile, reset, codeDir, createEmulator: createFakeEmulator });
}

let sim: Simulator;

// biome-ignore lint/suspicious/noExplicitAny: response bodies are JSON checked by the assertions themselves
async function api(path: string, init: RequestInit = {}): Promise<{ status: number; json: any }> {
  const response = await fetch(sim.url + path, init);
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

function postJson(path: string, body: unknown, headers: Record<string, string> = {}) {
  return api(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const goodAnswers = {
  'Nama lengkap': 'Budi Santoso',
  NIP: '198001012005011001',
  Layanan: 'Penerbitan baru',
  Persetujuan: ['Saya setuju'],
};

beforeAll(async () => {
  fakeBundle();
  sim = await start(true);
});

afterAll(async () => {
  await sim?.close();
});

describe('simulator server (stand-in emulator)', () => {
  it('runs setup as the owner on the first start only', async () => {
    expect(sim.seeded?.functionName).toBe('setup_');
    expect(sim.seeded?.status).toBe('COMPLETED');
  });

  it('GET /api/form returns the Form as built', async () => {
    const { status, json } = await api('/api/form');
    expect(status).toBe(200);
    expect(json.title).toBe('Permohonan Sertifikat Elektronik');
    expect(json.items.map((item: { title: string }) => item.title)).toEqual([
      'Nama lengkap',
      'NIP',
      'Layanan',
      'Persetujuan',
      'Surat Permohonan',
    ]);
    expect(json.items[1]).toMatchObject({ type: 'TEXT', required: true, validation: { kind: 'TEXT_REGEX_MATCH' } });
  });

  it('POST /api/form-submit refuses invalid answers with every reason, and records nothing', async () => {
    const before = (await api('/api/outbox')).json.length;
    const { status, json } = await postJson('/api/form-submit', {
      answers: { NIP: '123', Layanan: 'Lain', Tambahan: 'x' },
      respondentEmail: 'pemohon@bolmongkab.go.id',
    });
    expect(status).toBe(400);
    expect(json.reasons).toEqual(
      expect.arrayContaining([
        'Tambahan: pertanyaan ini tidak ada di formulir',
        'Nama lengkap: Ini adalah pertanyaan wajib',
        'NIP: NIP harus 18 angka',
        'Layanan: Pilihan tidak valid',
        'Persetujuan: Ini adalah pertanyaan wajib',
      ]),
    );
    expect(json.fields.NIP).toBe('NIP harus 18 angka');
    expect((await api('/api/outbox')).json.length).toBe(before);
  });

  it('POST /api/form-submit refuses malformed bodies', async () => {
    expect((await postJson('/api/form-submit', '{not json')).status).toBe(400);
    expect((await postJson('/api/form-submit', { answers: 'x' })).status).toBe(400);
    expect((await postJson('/api/form-submit', { answers: { NIP: 5 } })).status).toBe(400);
    expect((await postJson('/api/form-submit', { answers: goodAnswers })).status).toBe(400); // no respondent email
    expect(
      (await postJson('/api/form-submit', { answers: goodAnswers, respondentEmail: 'x', files: { NIP: [] } })).status,
    ).toBe(400);
  });

  it('POST /api/form-submit runs the form-submit trigger and the mail lands in the outbox', async () => {
    const { status, json } = await postJson('/api/form-submit', {
      answers: goodAnswers,
      respondentEmail: 'pemohon@bolmongkab.go.id',
      files: {
        'Surat Permohonan': [{ name: 'surat.pdf', mimeType: 'application/pdf', contentBase64: 'JVBERi0x' }],
      },
    });
    expect(status).toBe(200);
    expect(json.responseId).toMatch(/^resp-/);
    expect(json.executions[0]).toMatchObject({ function: 'onFormSubmit_', status: 'COMPLETED' });
    const outbox = (await api('/api/outbox')).json;
    expect(outbox.at(-1)).toMatchObject({
      to: 'kepala.dinas@bolmongkab.go.id',
      subject: 'Permohonan baru menunggu disposisi',
    });
    expect(typeof outbox.at(-1).sentAt).toBe('string');
  });

  it('POST /api/form-edit changes the same response through its edit link, keeping uploaded files', async () => {
    const responseId = (await api('/api/outbox')).json.length && sim.emulator.state.forms.f1!.responses.at(-1)!.id;
    const page = await fetch(`${sim.url}/form/edit/${responseId}`, { headers: { Accept: 'text/html' } });
    const html = await page.text();
    expect(html).toContain('value="198001012005011001"');
    expect(html).toContain('data-kept-files="1"');
    const refused = await postJson('/api/form-edit', { responseId, answers: { ...goodAnswers, NIP: '1' } });
    expect(refused.status).toBe(400);
    expect(refused.json.fields.NIP).toBe('NIP harus 18 angka');
    const edited = await postJson('/api/form-edit', {
      responseId,
      answers: { ...goodAnswers, 'Nama lengkap': 'Budi Santoso Putra' },
      respondentEmail: 'pemohon@bolmongkab.go.id',
    });
    expect(edited.status).toBe(200);
    const stored = sim.emulator.state.forms.f1!.responses.find((entry) => entry.id === responseId)!;
    expect(stored.revision).toBe(2);
    expect(stored.items.find((item) => item.itemId === 5)?.response).toHaveLength(1);
    expect((await postJson('/api/form-edit', { responseId: 'nope', answers: {} })).status).toBe(404);
    expect((await postJson('/api/form-edit', { answers: {} })).status).toBe(400);
  });

  it('GET /api/sheets and /api/sheets/<name> return names, display values and formulas', async () => {
    expect((await api('/api/sheets')).json).toEqual(['Register Permohonan', 'Pengaturan']);
    const sheet = await api(`/api/sheets/${encodeURIComponent('Register Permohonan')}`);
    expect(sheet.status).toBe(200);
    expect(sheet.json.values[1]).toEqual([
      expect.stringMatching(/^TTE-/),
      'Budi Santoso Putra',
      'Menunggu disposisi Kepala Dinas',
    ]);
    expect(sheet.json.formulas[1]).toEqual(['', '', '']);
    expect((await api('/api/sheets/Tidak%20Ada')).status).toBe(404);
    expect((await api('/api/sheets?spreadsheet=nope')).status).toBe(404);
  });

  it('GET|POST /exec passes parameters, path info and post data; HtmlService pages get the shim', async () => {
    const json = await api('/exec/a/b?format=json&x=1&x=2');
    expect(json.json).toEqual({ query: { format: 'json', x: ['1', '2'] }, pathInfo: 'a/b' });
    const page = await fetch(`${sim.url}/exec?a=decide`);
    const html = await page.text();
    expect(page.headers.get('x-execution-id')).toBeTruthy();
    expect(html).toContain('<script src="/static/gas-shim.js"></script>');
    expect(html.indexOf('gas-shim.js')).toBeLessThan(html.indexOf('<h1>'));
    expect(html).toContain(`<form method="post" action="${sim.url}/exec" target="_top">`);
    const posted = await fetch(`${sim.url}/dev/p`, {
      method: 'POST',
      body: 'a=1',
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(await posted.json()).toEqual({ body: 'a=1', type: 'text/plain', pathInfo: 'p' });
    const framed = await fetch(`${sim.url}/exec`, { headers: { 'Sec-Fetch-Dest': 'document', Accept: 'text/html' } });
    expect(await framed.text()).toMatch(/<iframe class="webapp-frame" src="\/__page\/p/);
  });

  it('POST /api/script-run runs a server function as the visitor; private names and errors fail', async () => {
    const ok = await postJson(
      '/api/script-run',
      { function: 'decide', args: ['Disetujui'] },
      { 'X-Simulator-User': 'kepala.dinas@bolmongkab.go.id' },
    );
    expect(ok.json).toEqual({ ok: true, value: { ok: true, status: 'Disetujui' } });
    const runs = (await api('/api/executions')).json;
    expect(runs.at(-1)).toMatchObject({
      function: 'decide',
      user: 'kepala.dinas@bolmongkab.go.id',
      kind: 'SCRIPT_RUN',
    });
    expect((await postJson('/api/script-run', { function: 'setup_', args: [] })).json.ok).toBe(false);
    expect((await postJson('/api/script-run', { function: 'boom' })).json).toEqual({
      ok: false,
      error: 'Sengaja gagal',
    });
    expect((await postJson('/api/script-run', { function: '1x' })).status).toBe(400);
    expect((await postJson('/api/script-run', { function: 'decide', args: 'x' })).status).toBe(400);
  });

  it('POST /api/run runs a function as a user and reports its result or error', async () => {
    const ok = await postJson('/api/run', { function: 'remind_', user: 'admin@bolmongkab.go.id' });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ function: 'remind_', status: 'COMPLETED', logs: ['pengingat diperiksa'] });
    const failed = await postJson('/api/run', { function: 'boom' });
    expect(failed.json).toMatchObject({ status: 'FAILED', error: 'Sengaja gagal' });
    expect((await postJson('/api/run', { function: 'nothing' })).status).toBe(404);
    expect((await postJson('/api/run', { function: 'boom', user: 'bukan email' })).status).toBe(400);
    expect((await postJson('/api/run', { function: 'boom', args: {} })).status).toBe(400);
    expect((await postJson('/api/run', [1, 2])).status).toBe(400);
  });

  it('POST /api/clock moves time and runs the due triggers; bad amounts are refused', async () => {
    const before = new Date((await api('/api/clock')).json.now).getTime();
    const { status, json } = await postJson('/api/clock', { advanceMinutes: 125 });
    expect(status).toBe(200);
    expect(new Date(json.now).getTime() - before).toBe(125 * 60_000);
    expect(json.executions.map((run: { function: string }) => run.function)).toEqual(['remind_', 'remind_']);
    for (const bad of [0, -5, 1.5, '10', null, 10_000_000]) {
      expect((await postJson('/api/clock', { advanceMinutes: bad })).status).toBe(400);
    }
    expect(new Date((await api('/api/clock')).json.now).getTime()).toBe(before + 125 * 60_000);
  });

  it('GET /api/executions lists every execution with function, user, start, duration, status, error', async () => {
    const runs = (await api('/api/executions')).json;
    expect(runs[0]).toMatchObject({ function: 'setup_', user: 'admin@bolmongkab.go.id', status: 'COMPLETED' });
    expect(Object.keys(runs[0])).toEqual(
      expect.arrayContaining(['function', 'user', 'start', 'durationMs', 'status', 'error']),
    );
  });

  it('GET /api/export/<sheet>.xlsx returns the sheet as a workbook', async () => {
    const response = await fetch(`${sim.url}/api/export/${encodeURIComponent('Register Permohonan')}.xlsx`);
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.getWorksheet('Register Permohonan')?.getRow(2).getCell(2).value).toBe('Budi Santoso Putra');
    expect((await fetch(`${sim.url}/api/export/Tidak.xlsx`)).status).toBe(404);
  });

  it('unknown paths and wrong methods get a JSON 404 / 405', async () => {
    const missing = await api('/api/nothing');
    expect(missing.status).toBe(404);
    expect(missing.json.error).toContain('/api/nothing');
    expect((await api('/api/outbox', { method: 'POST' })).status).toBe(405);
    expect((await api('/api/form-submit')).status).toBe(405);
  });

  it('serves every screen in Indonesian with the navigation and the visitor', async () => {
    const headers = { Cookie: 'sim_user=kepala.dinas%40bolmongkab.go.id', Accept: 'text/html' };
    for (const path of ['/', '/form', '/spreadsheet', '/gmail', '/clock']) {
      const response = await fetch(sim.url + path, {
        headers: { ...headers, Cookie: 'sim_user=admin%40bolmongkab.go.id' },
      });
      const html = await response.text();
      expect(response.status, path).toBe(200);
      for (const label of ['Formulir', 'Spreadsheet', 'Gmail', 'Aplikasi Web', 'Jam &amp; Eksekusi'])
        expect(html).toContain(label);
    }
    const inbox = await (await fetch(`${sim.url}/gmail`, { headers })).text();
    expect(inbox).toContain('Permohonan baru menunggu disposisi');
    const mailId = /data-mail-id="([^"]+)"/.exec(inbox)?.[1];
    const body = await (await fetch(`${sim.url}/gmail/${mailId}/body`, { headers })).text();
    expect(body).toContain(`href="${sim.url}/exec?a=decide&amp;id=`);
    const sheet = await fetch(`${sim.url}/spreadsheet`, { headers });
    expect(sheet.status).toBe(403); // the Kepala Dinas has no access to the register
  });

  it('runs a menu item and shows its sidebar with the shim', async () => {
    const headers = { Cookie: 'sim_user=admin%40bolmongkab.go.id', Accept: 'text/html' };
    const page = await (await fetch(`${sim.url}/spreadsheet`, { headers })).text();
    expect(page).toContain('Register TTE');
    const run = await fetch(`${sim.url}/spreadsheet/menu`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'id=ss1&caption=Buka+panel',
      redirect: 'manual',
    });
    expect(run.status).toBe(303);
    const after = await (await fetch(sim.url + run.headers.get('location'), { headers })).text();
    const pageId = /<iframe src="\/__page\/([^"]+)" title="Panel Verifikator"/.exec(after)?.[1];
    expect(pageId).toBeTruthy();
    const panel = await (await fetch(`${sim.url}/__page/${pageId}`)).text();
    expect(panel).toContain('gas-shim.js');
  });

  it('shows a prompt of a menu item and runs it again with the answer typed', async () => {
    const headers = { Cookie: 'sim_user=admin%40bolmongkab.go.id', Accept: 'text/html' };
    const post = (body: string) =>
      fetch(`${sim.url}/spreadsheet/menu`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' },
        body,
        redirect: 'manual',
      });
    const first = await post('id=ss1&caption=Cari+permohonan');
    const asked = await (await fetch(sim.url + first.headers.get('location'), { headers })).text();
    expect(asked).toContain('<form class="dialog card" method="post" action="/spreadsheet/menu" data-prompt>');
    expect(asked).toContain('Nomor permohonan?');
    expect(asked).not.toContain('aside class="sidebar"');
    const second = await post('id=ss1&caption=Cari+permohonan&answerText=TTE-2026-0001&answerButton=OK');
    const answered = await (await fetch(sim.url + second.headers.get('location'), { headers })).text();
    expect(answered).toContain('(dijawab: OK «TTE-2026-0001»)');
    const pageId = /<iframe src="\/__page\/([^"]+)" title="Hasil"/.exec(answered)?.[1];
    expect(await (await fetch(`${sim.url}/__page/${pageId}`)).text()).toContain('Dicari: TTE-2026-0001');
  });

  it('switches the visitor with a cookie and refuses a bad address', async () => {
    const ok = await fetch(`${sim.url}/whoami`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'email=sandiman%40bolmongkab.go.id&other=&back=%2Fgmail',
      redirect: 'manual',
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/gmail');
    expect(ok.headers.get('set-cookie')).toContain('sim_user=sandiman%40bolmongkab.go.id');
    const bad = await fetch(`${sim.url}/whoami`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'email=nope',
    });
    expect(bad.status).toBe(400);
  });

  it('keeps everything across a restart on the same data file, and --reset starts clean', async () => {
    const outbox = (await api('/api/outbox')).json;
    const executions = (await api('/api/executions')).json.length;
    await sim.close();
    sim = await start(false);
    expect(sim.seeded).toBeNull();
    expect((await api('/api/outbox')).json).toEqual(outbox);
    expect((await api('/api/executions')).json.length).toBe(executions);
    await sim.close();
    sim = await start(true);
    expect(sim.seeded?.status).toBe('COMPLETED');
    expect((await api('/api/outbox')).json).toEqual([]);
  });
});
