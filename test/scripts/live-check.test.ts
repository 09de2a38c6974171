// Tests the live check against a local fake of the Apps Script API and OAuth endpoints (no network): steps, errors, missing credentials.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { google } from 'googleapis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { staticTokenClient } from '../../scripts/google/auth';
import { DEPLOYMENTS_SCOPE, main, runLiveCheck } from '../../scripts/live-check/live-check';
import {
  type FakeGoogle,
  type FakeRequest,
  type FakeResponse,
  googleError,
  startFakeGoogle,
} from './support/fake-google';

const SCRIPT_ID = 'script-123';
const SCOPES = ['https://www.googleapis.com/auth/spreadsheets', 'https://www.googleapis.com/auth/script.send_mail'];
const API_DEPLOYMENT = {
  deployments: [
    { deploymentId: 'AKfy-head', entryPoints: [] },
    { deploymentId: 'AKfy-prod', entryPoints: [{ entryPointType: 'WEB_APP' }, { entryPointType: 'EXECUTION_API' }] },
  ],
};
const PASSING = {
  done: true,
  response: {
    '@type': 'type.googleapis.com/google.apps.script.v1.ExecutionResponse',
    result: {
      ok: true,
      steps: [
        { name: 'Validasi permohonan uji', ok: true, detail: 'NIK uji diterima' },
        { name: 'Baris di Register Permohonan', ok: true, detail: 'TTE-UJI-0001' },
        { name: 'Jejak Audit', ok: true, detail: '1 baris' },
        { name: 'Pembersihan data uji', ok: true, detail: '' },
      ],
    },
  },
};

type Routes = { list?: FakeResponse; run?: FakeResponse };

let fake: FakeGoogle;
let routes: Routes;

function handle(request: FakeRequest): FakeResponse | undefined {
  if (request.headers.authorization !== 'Bearer fake-access')
    return googleError(401, 'Request had invalid authentication credentials.');
  if (request.method === 'GET' && request.path === `/v1/projects/${SCRIPT_ID}/deployments`)
    return routes.list ?? { body: API_DEPLOYMENT };
  if (request.method === 'POST' && request.path === `/v1/scripts/${SCRIPT_ID}:run`)
    return routes.run ?? { body: PASSING };
  return undefined;
}

beforeEach(async () => {
  routes = {};
  fake = await startFakeGoogle((request) => {
    if (request.method === 'POST' && request.path === '/token') {
      return { body: { access_token: 'fake-access', expires_in: 3600, token_type: 'Bearer' } };
    }
    return handle(request);
  });
});

afterEach(async () => {
  await fake.close();
});

function client() {
  return google.script({ version: 'v1', auth: staticTokenClient('fake-access'), rootUrl: fake.url });
}

describe('live check: steps against the fake Apps Script API', () => {
  it('finds the API-executable deployment, runs selfTest and reports each of its steps', async () => {
    const steps = await runLiveCheck({ scriptId: SCRIPT_ID, functionName: 'selfTest', devMode: false }, client());
    expect(steps.map((step) => [step.name, step.ok])).toEqual([
      ['Deployment API executable', true],
      ['Menjalankan selfTest', true],
      ['Validasi permohonan uji', true],
      ['Baris di Register Permohonan', true],
      ['Jejak Audit', true],
      ['Pembersihan data uji', true],
    ]);
    expect(steps[0]?.detail).toContain('AKfy-prod');
    const run = fake.requests.find((request) => request.path.endsWith(':run'));
    expect(run?.body).toEqual({ function: 'selfTest', devMode: false });
  });

  it('reports a failing step returned by selfTest', async () => {
    routes.run = {
      body: {
        done: true,
        response: { result: { ok: false, steps: [{ name: 'Jejak Audit', ok: false, detail: 'baris tidak ada' }] } },
      },
    };
    const steps = await runLiveCheck({ scriptId: SCRIPT_ID, functionName: 'selfTest', devMode: false }, client());
    expect(steps.at(-1)).toEqual({ name: 'Jejak Audit', ok: false, detail: 'baris tidak ada' });
  });

  it('refuses when no deployment is API executable, and says how to add it', async () => {
    routes.list = {
      body: { deployments: [{ deploymentId: 'AKfy-web', entryPoints: [{ entryPointType: 'WEB_APP' }] }] },
    };
    const steps = await runLiveCheck({ scriptId: SCRIPT_ID, functionName: 'selfTest', devMode: false }, client());
    expect(steps).toHaveLength(1);
    expect(steps[0]?.ok).toBe(false);
    expect(steps[0]?.detail).toContain('"executionApi"');
    expect(fake.requests.some((request) => request.path.endsWith(':run'))).toBe(false);
  });

  it('dev mode runs the latest pushed code without an API-executable deployment', async () => {
    routes.list = { body: {} };
    const steps = await runLiveCheck({ scriptId: SCRIPT_ID, functionName: 'selfTest', devMode: true }, client());
    expect(steps.every((step) => step.ok)).toBe(true);
    expect(fake.requests.find((request) => request.path.endsWith(':run'))?.body).toEqual({
      function: 'selfTest',
      devMode: true,
    });
  });

  it('selfTest missing from the deployment: the script error is explained', async () => {
    routes.run = {
      body: {
        done: true,
        error: {
          code: 3,
          message: 'ScriptError',
          details: [
            {
              '@type': 'type.googleapis.com/google.apps.script.v1.ExecutionError',
              errorMessage: 'Script function not found: selfTest',
              errorType: 'ScriptError',
            },
          ],
        },
      },
    };
    const steps = await runLiveCheck({ scriptId: SCRIPT_ID, functionName: 'selfTest', devMode: false }, client());
    expect(steps.at(-1)?.ok).toBe(false);
    expect(steps.at(-1)?.detail).toContain('Script function not found: selfTest');
    expect(steps.at(-1)?.detail).toContain('src/main.ts');
  });

  it('an unrecognised selfTest result fails clearly', async () => {
    routes.run = { body: { done: true, response: { result: 'ok' } } };
    const steps = await runLiveCheck({ scriptId: SCRIPT_ID, functionName: 'selfTest', devMode: false }, client());
    expect(steps.at(-1)?.detail).toContain('tidak dikenali');
  });

  it.each([
    [googleError(403, 'Request had insufficient authentication scopes.'), 'Hapus token.json'],
    [googleError(403, 'The caller does not have permission'), 'proyek Google Cloud standar yang sama'],
    [googleError(404, 'Requested entity was not found.', 'notFound'), 'API executable'],
    [
      googleError(
        403,
        'User has not enabled the Apps Script API. Enable it by visiting https://script.google.com/home/usersettings then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry.',
      ),
      'script.google.com/home/usersettings',
    ],
    [
      googleError(403, 'Apps Script API has not been used in project 123 before or it is disabled.'),
      'APIs & Services > Library',
    ],
  ])('API error on scripts.run is explained (%#)', async (response, hint) => {
    routes.run = response;
    const steps = await runLiveCheck({ scriptId: SCRIPT_ID, functionName: 'selfTest', devMode: false }, client());
    expect(steps.at(-1)?.ok).toBe(false);
    expect(steps.at(-1)?.detail).toContain(hint);
  });

  it('an API error on the deployment listing stops before running', async () => {
    routes.list = googleError(404, 'Requested entity was not found.', 'notFound');
    const steps = await runLiveCheck({ scriptId: SCRIPT_ID, functionName: 'selfTest', devMode: false }, client());
    expect(steps).toHaveLength(1);
    expect(fake.requests.some((request) => request.path.endsWith(':run'))).toBe(false);
  });
});

describe('live check: the command', () => {
  let root: string;
  let lines: string[];
  const cli = () => ({
    root,
    env: {},
    interactive: false,
    log: (line: string) => lines.push(line),
    rootUrl: fake.url,
    tokenUrl: `${fake.url}token`,
  });

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'live-check-'));
    lines = [];
    writeFileSync(join(root, '.clasp.json'), JSON.stringify({ scriptId: SCRIPT_ID, rootDir: 'dist' }));
    writeFileSync(
      join(root, '.clasp.prod.json'),
      JSON.stringify({ scriptId: 'ISI_SCRIPT_ID_PROYEK_PRODUKSI', rootDir: 'dist' }),
    );
    writeFileSync(join(root, 'appsscript.json'), JSON.stringify({ oauthScopes: SCOPES }));
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('without credentials: says what it needs and exits 2, touching no endpoint', async () => {
    expect(await main([], cli())).toBe(2);
    const text = lines.join('\n');
    expect(text).toContain('credentials.json');
    expect(text).toContain('Aplikasi desktop');
    expect(text).toContain('tidak menerima akun layanan');
    expect(fake.requests).toEqual([]);
  });

  it('a service-account key alone is not enough for scripts.run', async () => {
    writeFileSync(join(root, 'key.json'), '{}');
    expect(await main([], { ...cli(), env: { GOOGLE_APPLICATION_CREDENTIALS: join(root, 'key.json') } })).toBe(2);
    expect(lines.join('\n')).toContain('credentials.json');
  });

  it('with a client but no token in non-interactive mode: exits 2 and asks for one interactive run', async () => {
    writeFileSync(
      join(root, 'credentials.json'),
      JSON.stringify({ installed: { client_id: 'id', client_secret: 'secret' } }),
    );
    expect(await main([], cli())).toBe(2);
    expect(lines.join('\n')).toContain('terminal interaktif');
  });

  it('a placeholder production script ID exits 2', async () => {
    expect(await main(['--env', 'prod'], cli())).toBe(2);
    expect(lines.join('\n')).toContain('.clasp.prod.json belum diisi');
  });

  it('with a saved token: refreshes at the token endpoint, runs, reports and exits 0', async () => {
    writeFileSync(
      join(root, 'credentials.json'),
      JSON.stringify({ installed: { client_id: 'id', client_secret: 'secret' } }),
    );
    writeFileSync(
      join(root, 'token.json'),
      JSON.stringify({ scopes: [...SCOPES, DEPLOYMENTS_SCOPE], refresh_token: 'r1' }),
    );
    expect(await main([], cli())).toBe(0);
    expect(lines.join('\n')).toContain('[OK]    Jejak Audit — 1 baris');
    const token = fake.requests.find((request) => request.path === '/token');
    expect(token?.body).toMatchObject({ grant_type: 'refresh_token', refresh_token: 'r1' });
  });

  it('a token saved for fewer scopes is not reused', async () => {
    writeFileSync(
      join(root, 'credentials.json'),
      JSON.stringify({ installed: { client_id: 'id', client_secret: 'secret' } }),
    );
    writeFileSync(join(root, 'token.json'), JSON.stringify({ scopes: [SCOPES[0]], refresh_token: 'r1' }));
    expect(await main([], cli())).toBe(2);
  });

  it('a failing step exits 1', async () => {
    writeFileSync(
      join(root, 'credentials.json'),
      JSON.stringify({ installed: { client_id: 'id', client_secret: 'secret' } }),
    );
    writeFileSync(
      join(root, 'token.json'),
      JSON.stringify({ scopes: [...SCOPES, DEPLOYMENTS_SCOPE], refresh_token: 'r1' }),
    );
    routes.run = googleError(403, 'The caller does not have permission');
    expect(await main([], cli())).toBe(1);
    expect(lines.join('\n')).toContain('[GAGAL] Menjalankan selfTest');
  });
});
