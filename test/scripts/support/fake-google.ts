// A local fake of Google's REST endpoints on 127.0.0.1 (Apps Script API, Sheets API, OAuth token) for hermetic tests of the Node tools.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: unknown;
  rawBody: string;
}

export interface FakeResponse {
  status?: number;
  body: unknown;
}

export interface FakeGoogle {
  /** Base URL to pass as googleapis' rootUrl, ending in '/'. */
  url: string;
  requests: FakeRequest[];
  close(): Promise<void>;
}

/** Google's JSON error envelope, as googleapis parses it into GaxiosError.message and .status. */
export function googleError(status: number, message: string, reason = 'forbidden'): FakeResponse {
  const statusText: Record<number, string> = {
    400: 'INVALID_ARGUMENT',
    401: 'UNAUTHENTICATED',
    403: 'PERMISSION_DENIED',
    404: 'NOT_FOUND',
  };
  return {
    status,
    body: {
      error: {
        code: status,
        message,
        status: statusText[status] ?? 'UNKNOWN',
        errors: [{ message, domain: 'global', reason }],
      },
    },
  };
}

/** Starts the fake; `handle` answers a request or returns undefined for a 404. */
export async function startFakeGoogle(handle: (request: FakeRequest) => FakeResponse | undefined): Promise<FakeGoogle> {
  const requests: FakeRequest[] = [];
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const parsedUrl = new URL(incoming.url ?? '/', 'http://127.0.0.1');
      let body: unknown = rawBody;
      if ((incoming.headers['content-type'] ?? '').includes('application/json') && rawBody) body = JSON.parse(rawBody);
      else if ((incoming.headers['content-type'] ?? '').includes('x-www-form-urlencoded')) {
        body = Object.fromEntries(new URLSearchParams(rawBody));
      }
      const request: FakeRequest = {
        method: incoming.method ?? 'GET',
        path: decodeURIComponent(parsedUrl.pathname),
        query: parsedUrl.searchParams,
        headers: incoming.headers,
        body,
        rawBody,
      };
      requests.push(request);
      let response: FakeResponse | undefined;
      try {
        response = handle(request);
      } catch (error) {
        response = googleError(500, error instanceof Error ? error.message : String(error), 'backendError');
      }
      response ??= googleError(404, 'Requested entity was not found.', 'notFound');
      outgoing.writeHead(response.status ?? 200, { 'content-type': 'application/json; charset=utf-8' });
      outgoing.end(JSON.stringify(response.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
