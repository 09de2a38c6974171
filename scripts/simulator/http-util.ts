// Plumbing for the simulator's node:http server: errors that carry a status, bodies, cookies and replies.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A request the simulator refuses: status plus an Indonesian message, and optional details for the JSON body. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Uploads arrive base64-encoded in JSON; 40 MB covers a request letter and a KTP scan with room to spare. */
const BODY_LIMIT = 40 * 1024 * 1024;

/** Reads the whole body, refusing anything over the limit. */
export function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT) {
        reject(new HttpError(413, 'Permintaan terlalu besar.'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** Parses a JSON object body; anything else is a 400. */
export function parseJsonObject(body: Buffer): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8') || '{}');
  } catch {
    throw new HttpError(400, 'Badan permintaan bukan JSON yang sah.');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new HttpError(400, 'Badan permintaan harus berupa objek JSON.');
  return parsed as Record<string, unknown>;
}

/** Parses an application/x-www-form-urlencoded body. */
export function parseFormBody(body: Buffer): URLSearchParams {
  return new URLSearchParams(body.toString('utf8'));
}

/** Reads one cookie. */
export function cookie(request: IncomingMessage, name: string): string | null {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) {
      try {
        return decodeURIComponent(rest.join('='));
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** Dates leave as ISO strings; everything else as JSON does it. */
export function sendJson(response: ServerResponse, status: number, value: unknown): void {
  const text = JSON.stringify(value, null, 2);
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(text);
}

export function sendHtml(
  response: ServerResponse,
  status: number,
  html: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  response.end(html);
}

export function redirect(response: ServerResponse, location: string, headers: Record<string, string> = {}): void {
  response.writeHead(303, { Location: location, ...headers });
  response.end();
}
