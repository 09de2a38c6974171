// The event object doGet(e)/doPost(e) receive, built from an emulated HTTP request.

/** An emulated request to the web app. */
export interface WebRequest {
  path?: '/exec' | '/dev';
  pathInfo?: string;
  query?: Record<string, string | string[]>;
  body?: string;
  contentType?: string;
  /** The signed-in visitor, '' for anonymous. */
  user?: string;
}

function addParameter(parameters: Record<string, string[]>, key: string, value: string): void {
  const list = parameters[key] ?? [];
  list.push(value);
  parameters[key] = list;
}

/**
 * Google's web app event: queryString (null when none), parameter (first values), parameters (arrays), pathInfo,
 * contextPath '', contentLength (-1 for GET) and, for POST, postData {length, type, contents, name: 'postData'}.
 * A form-encoded POST body also fills parameter/parameters.
 * Ref: docs/reference/apps-script-runtime.md §3 Web apps [WEB].
 */
export function webEvent(method: 'GET' | 'POST', request: WebRequest): Record<string, unknown> {
  const parameters: Record<string, string[]> = {};
  const pairs: string[] = [];
  for (const [key, raw] of Object.entries(request.query ?? {})) {
    for (const value of Array.isArray(raw) ? raw : [raw]) {
      addParameter(parameters, key, value);
      pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
    }
  }
  const event: Record<string, unknown> = {
    queryString: pairs.length > 0 ? pairs.join('&') : null,
    contextPath: '',
    contentLength: -1,
  };
  if (request.pathInfo) event.pathInfo = request.pathInfo.replace(/^\/+/, '');
  if (method === 'POST') {
    const contents = request.body ?? '';
    const type = request.contentType ?? 'text/plain';
    const length = Buffer.byteLength(contents, 'utf8');
    event.contentLength = length;
    event.postData = { length, type, contents, name: 'postData' };
    if (type.startsWith('application/x-www-form-urlencoded')) {
      for (const [key, value] of new URLSearchParams(contents)) addParameter(parameters, key, value);
    }
  }
  event.parameters = parameters;
  event.parameter = Object.fromEntries(Object.entries(parameters).map(([key, values]) => [key, values[0] ?? '']));
  return event;
}
