// Shared Google auth for the Node tools: a service-account key (GOOGLE_APPLICATION_CREDENTIALS) or the OAuth desktop flow with a local redirect.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Auth } from 'googleapis';

const { CodeChallengeMethod, GoogleAuth, OAuth2Client } = Auth;
type OAuth2Client = Auth.OAuth2Client;
type GoogleAuth = Auth.GoogleAuth;

/** A client googleapis accepts as `auth`. */
export type GoogleClient = OAuth2Client | GoogleAuth;

/** Where the tools look for credentials; defaults follow Google's Node quickstarts (credentials.json, token.json). */
export interface AuthOptions {
  /** The OAuth scopes the tool needs. */
  scopes: string[];
  /** Repository root: the default folder of credentials.json and token.json. */
  root: string;
  /** The OAuth client file ("Desktop app" client from Google Cloud console); default <root>/credentials.json. */
  clientFile?: string;
  /** Where the refresh token is kept between runs; default <root>/token.json. */
  tokenFile?: string;
  /** Allows opening the browser flow; without it a missing token is reported instead. */
  interactive: boolean;
  /** Refuses service accounts (the Apps Script API's scripts.run does not accept them). */
  userOnly?: boolean;
  env?: NodeJS.ProcessEnv;
  /** The OAuth token endpoint; Google's own when absent (tests point it at a local fake). */
  tokenUrl?: string;
  log?: (line: string) => void;
}

/** What is missing, in Indonesian, when no credentials could be found. */
export class MissingCredentialsError extends Error {}

interface InstalledClientFile {
  installed?: { client_id?: string; client_secret?: string };
  web?: { client_id?: string; client_secret?: string };
}

interface SavedToken {
  scopes: string[];
  refresh_token: string;
}

/** What each tool prints when it has no credentials: the two ways Google's client libraries accept. */
export function credentialsHelp(options: Pick<AuthOptions, 'root' | 'clientFile' | 'userOnly'>): string {
  const clientFile = options.clientFile ?? join(options.root, 'credentials.json');
  const lines = [
    'Kredensial Google belum tersedia. Siapkan salah satu:',
    `  1. Klien OAuth jenis "Aplikasi desktop" dari Google Cloud console (APIs & Services > Credentials), unduh JSON-nya ke ${clientFile} (atau berikan --credentials <berkas>). Saat pertama dijalankan, browser akan meminta izin; token disimpan di token.json.`,
  ];
  if (!options.userOnly) {
    lines.push(
      '  2. Kunci akun layanan (service account): set GOOGLE_APPLICATION_CREDENTIALS=<path kunci JSON> dan bagikan spreadsheet ke email akun layanan itu.',
    );
  }
  lines.push(
    'Berkas kredensial dan token tidak boleh di-commit (.gitignore sudah mengecualikan credentials*.json dan token*.json).',
  );
  return lines.join('\n');
}

function readClient(clientFile: string): { clientId: string; clientSecret: string } {
  const parsed = JSON.parse(readFileSync(clientFile, 'utf8')) as InstalledClientFile;
  const client = parsed.installed ?? parsed.web;
  if (!client?.client_id || !client.client_secret) {
    throw new MissingCredentialsError(`${clientFile} bukan berkas klien OAuth (harus berisi "installed.client_id").`);
  }
  return { clientId: client.client_id, clientSecret: client.client_secret };
}

function readSavedToken(tokenFile: string, scopes: string[]): SavedToken | null {
  if (!existsSync(tokenFile)) return null;
  try {
    const saved = JSON.parse(readFileSync(tokenFile, 'utf8')) as Partial<SavedToken>;
    if (!saved.refresh_token || !Array.isArray(saved.scopes)) return null;
    const granted = new Set(saved.scopes);
    return scopes.every((scope) => granted.has(scope)) ? (saved as SavedToken) : null;
  } catch {
    return null;
  }
}

/**
 * Runs the OAuth "installed app" flow with a loopback redirect (Google's recommended desktop flow): a one-shot HTTP
 * server on 127.0.0.1, PKCE and a state check. Resolves with the refresh token.
 */
async function browserFlow(
  client: { clientId: string; clientSecret: string },
  scopes: string[],
  log: (line: string) => void,
  tokenUrl: string | undefined,
): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const redirectUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const oauth = new OAuth2Client({
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    redirectUri,
    ...(tokenUrl ? { endpoints: { oauth2TokenUrl: tokenUrl } } : {}),
  });
  const { codeVerifier, codeChallenge } = await oauth.generateCodeVerifierAsync();
  const state = randomBytes(16).toString('hex');
  const url = oauth.generateAuthUrl({
    access_type: 'offline',
    prompt: 'consent',
    scope: scopes,
    state,
    code_challenge: codeChallenge,
    code_challenge_method: CodeChallengeMethod.S256,
  });
  log(`Buka alamat ini di browser dan izinkan akses:\n${url}`);
  try {
    const code = await new Promise<string>((resolve, reject) => {
      server.on('request', (request, response) => {
        const params = new URLSearchParams((request.url ?? '').split('?')[1] ?? '');
        if (params.get('state') !== state || !params.get('code')) {
          response.end('Otorisasi gagal. Tutup halaman ini dan coba lagi.');
          reject(
            new MissingCredentialsError(`Otorisasi ditolak atau gagal: ${params.get('error') ?? 'state tidak cocok'}.`),
          );
          return;
        }
        response.end('Otorisasi berhasil. Halaman ini boleh ditutup.');
        resolve(params.get('code') as string);
      });
    });
    const { tokens } = await oauth.getToken({ code, codeVerifier: codeVerifier ?? '', redirect_uri: redirectUri });
    if (!tokens.refresh_token)
      throw new MissingCredentialsError('Google tidak mengirim refresh token; cabut akses aplikasi lalu ulangi.');
    return tokens.refresh_token;
  } finally {
    server.close();
  }
}

/**
 * Returns an authorised client: the service account named by GOOGLE_APPLICATION_CREDENTIALS when set (unless
 * userOnly), else the OAuth client file with the saved token, running the browser flow once when interactive.
 * Throws MissingCredentialsError (Indonesian) when nothing usable is there.
 */
export async function authorize(options: AuthOptions): Promise<GoogleClient> {
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => console.error(line));
  const keyFile = env.GOOGLE_APPLICATION_CREDENTIALS;
  if (keyFile && !options.userOnly) {
    if (!existsSync(keyFile))
      throw new MissingCredentialsError(
        `GOOGLE_APPLICATION_CREDENTIALS menunjuk ${keyFile}, tetapi berkas itu tidak ada.`,
      );
    return new GoogleAuth({ keyFile, scopes: options.scopes });
  }
  const clientFile = options.clientFile ?? join(options.root, 'credentials.json');
  const tokenFile = options.tokenFile ?? join(options.root, 'token.json');
  if (!existsSync(clientFile)) throw new MissingCredentialsError(credentialsHelp(options));
  const client = readClient(clientFile);
  let saved = readSavedToken(tokenFile, options.scopes);
  if (!saved) {
    if (!options.interactive) {
      throw new MissingCredentialsError(
        `Belum ada token yang mencakup izin yang dibutuhkan (${tokenFile}). Jalankan sekali di terminal interaktif untuk memberi izin lewat browser.`,
      );
    }
    saved = { scopes: options.scopes, refresh_token: await browserFlow(client, options.scopes, log, options.tokenUrl) };
    writeFileSync(tokenFile, `${JSON.stringify(saved, null, 2)}\n`);
    chmodSync(tokenFile, 0o600);
  }
  const oauth = new OAuth2Client({
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    ...(options.tokenUrl ? { endpoints: { oauth2TokenUrl: options.tokenUrl } } : {}),
  });
  oauth.setCredentials({ refresh_token: saved.refresh_token });
  return oauth;
}

/** A client with a fixed access token (for the tests' local fake endpoints); never refreshes, never reaches Google. */
export function staticTokenClient(accessToken: string): OAuth2Client {
  const client = new OAuth2Client();
  client.setCredentials({ access_token: accessToken, expiry_date: Date.now() + 3_600_000 });
  return client;
}
