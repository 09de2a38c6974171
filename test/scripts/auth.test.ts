// Tests the shared Google auth: the OAuth desktop flow with a loopback redirect and PKCE against a local fake token endpoint, and the credential rules.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnRunner } from '../../scripts/deploy/command-runner';
import { authorize, MissingCredentialsError } from '../../scripts/google/auth';
import { type FakeGoogle, startFakeGoogle } from './support/fake-google';

const SCOPES = ['https://www.googleapis.com/auth/spreadsheets'];
let dir: string;
let fake: FakeGoogle;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'auth-'));
  writeFileSync(
    join(dir, 'credentials.json'),
    JSON.stringify({ installed: { client_id: 'cid', client_secret: 'cs' } }),
  );
  fake = await startFakeGoogle((req) =>
    req.path === '/token'
      ? {
          body: { access_token: 'fake-access', refresh_token: 'fresh-refresh', expires_in: 3600, token_type: 'Bearer' },
        }
      : undefined,
  );
});

afterEach(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Plays the browser: follows the consent URL's redirect back to the loopback server with a code. */
function redirectBack(authUrl: string, params: Record<string, string>): Promise<string> {
  const url = new URL(authUrl);
  const redirect = new URL(url.searchParams.get('redirect_uri') ?? '');
  const query = new URLSearchParams({ state: url.searchParams.get('state') ?? '', ...params });
  return new Promise((resolve, reject) => {
    const req = request({ host: redirect.hostname, port: redirect.port, path: `/?${query}` }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      res.on('end', () => resolve(body));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('OAuth desktop flow (loopback redirect)', () => {
  it('asks for consent with PKCE, exchanges the code, and keeps the refresh token private', async () => {
    let page: Promise<string> = Promise.resolve('');
    const client = authorize({
      scopes: SCOPES,
      root: dir,
      interactive: true,
      env: {},
      tokenUrl: `${fake.url}token`,
      log: (line) => {
        const authUrl = line.split('\n')[1];
        if (authUrl?.startsWith('https://accounts.google.com/')) {
          const consent = new URL(authUrl);
          expect(consent.searchParams.get('code_challenge_method')).toBe('S256');
          expect(consent.searchParams.get('access_type')).toBe('offline');
          expect(consent.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
          page = redirectBack(authUrl, { code: 'the-code' });
        }
      },
    });
    await client;
    const exchange = fake.requests.find((r) => r.path === '/token');
    expect(exchange?.body).toMatchObject({ code: 'the-code', grant_type: 'authorization_code' });
    expect((exchange?.body as Record<string, string> | undefined)?.code_verifier).toMatch(/^[A-Za-z0-9._~-]{43,128}$/);
    const saved = JSON.parse(readFileSync(join(dir, 'token.json'), 'utf8'));
    expect(saved).toEqual({ scopes: SCOPES, refresh_token: 'fresh-refresh' });
    expect(statSync(join(dir, 'token.json')).mode & 0o777).toBe(0o600);
    expect(await page).toContain('Otorisasi berhasil');
  });

  it('refuses a redirect whose state does not match', async () => {
    const client = authorize({
      scopes: SCOPES,
      root: dir,
      interactive: true,
      env: {},
      tokenUrl: `${fake.url}token`,
      log: (line) => {
        const authUrl = line.split('\n')[1];
        if (authUrl?.startsWith('https://')) {
          const forged = new URL(authUrl);
          forged.searchParams.set('state', 'forged');
          redirectBack(forged.toString(), { code: 'x' }).catch(() => {});
        }
      },
    });
    await expect(client).rejects.toThrow('state tidak cocok');
    expect(fake.requests).toEqual([]);
  });
});

describe('credential rules', () => {
  it('uses the service-account key named by GOOGLE_APPLICATION_CREDENTIALS, and reports a missing one', async () => {
    await expect(
      authorize({
        scopes: SCOPES,
        root: dir,
        interactive: false,
        env: { GOOGLE_APPLICATION_CREDENTIALS: join(dir, 'none.json') },
      }),
    ).rejects.toThrow(MissingCredentialsError);
    writeFileSync(join(dir, 'sa.json'), '{}');
    const client = await authorize({
      scopes: SCOPES,
      root: dir,
      interactive: false,
      env: { GOOGLE_APPLICATION_CREDENTIALS: join(dir, 'sa.json') },
    });
    expect(client.constructor.name).toBe('GoogleAuth');
  });

  it('refuses a client file that is not an OAuth client', async () => {
    writeFileSync(join(dir, 'credentials.json'), JSON.stringify({ type: 'service_account' }));
    await expect(authorize({ scopes: SCOPES, root: dir, interactive: false, env: {} })).rejects.toThrow(
      'bukan berkas klien OAuth',
    );
  });
});

describe('the real command runner', () => {
  it('runs the pinned clasp from node_modules offline and captures what it prints', async () => {
    const result = await spawnRunner('clasp', ['--version'], {
      cwd: join(import.meta.dirname, '..', '..'),
      interactive: false,
    });
    expect(result).toEqual({ code: 0, output: '3.4.1\n' });
  });

  it('reports a command that cannot start', async () => {
    const result = await spawnRunner('no-such-command-here', [], { cwd: dir, interactive: false });
    expect(result.code).not.toBe(0);
  });
});
