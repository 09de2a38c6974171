// google.script.run, google.script.host and google.script.url for HtmlService pages served by the simulator.
// Ref: https://developers.google.com/apps-script/guides/html/reference/run and .../host and .../url

interface SimPage {
  page: string;
  user: string;
}

type Handler = (value: unknown, userObject: unknown) => void;

interface RunnerConfig {
  success: Handler | null;
  failure: Handler | null;
  userObject: unknown;
}

const sim = (window as unknown as { __SIM__?: SimPage }).__SIM__ ?? { page: '', user: '' };

/** A <form> as the sole parameter becomes an object of its named fields. Ref: guides/html/communication#forms */
function formToObject(form: HTMLFormElement): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const [key, value] of new FormData(form).entries()) {
    if (typeof value !== 'string') continue;
    const existing = result[key];
    if (existing === undefined) result[key] = value;
    else result[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return result;
}

/**
 * Dates, functions and DOM nodes make the request fail; a form is legal only as the sole parameter.
 * Ref: https://developers.google.com/apps-script/guides/html/reference/run ("Legal parameters")
 */
function illegal(value: unknown, depth = 0): boolean {
  if (depth > 50) return true;
  if (value instanceof Date || typeof value === 'function' || value instanceof Node) return true;
  if (Array.isArray(value)) return value.some((entry) => illegal(entry, depth + 1));
  if (value && typeof value === 'object') return Object.values(value).some((entry) => illegal(entry, depth + 1));
  return false;
}

function call(name: string, args: unknown[], config: RunnerConfig): void {
  const fail = (message: string) => {
    const error = new Error(message);
    if (config.failure) config.failure(error, config.userObject);
    else console.error(`Uncaught ${message}`);
  };
  const params = args.length === 1 && args[0] instanceof HTMLFormElement ? [formToObject(args[0])] : args;
  const bad = params.findIndex((param) => illegal(param));
  if (bad >= 0) {
    setTimeout(() => fail(`Failed due to illegal value in property: ${bad}`), 0);
    return;
  }
  fetch('/api/script-run', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify({ function: name, args: params, page: sim.page }),
  })
    .then(async (response) => {
      const result = (await response.json()) as { ok?: boolean; value?: unknown; error?: string };
      if (response.ok && result.ok) config.success?.(result.value ?? null, config.userObject);
      else fail(result.error ?? `HTTP ${response.status}`);
    })
    .catch((error: unknown) => fail(`NetworkError: ${String(error)}`));
}

function runner(config: RunnerConfig): unknown {
  return new Proxy(
    {},
    {
      get(_target, property) {
        if (property === 'withSuccessHandler') return (handler: Handler) => runner({ ...config, success: handler });
        if (property === 'withFailureHandler') return (handler: Handler) => runner({ ...config, failure: handler });
        if (property === 'withUserObject') return (object: unknown) => runner({ ...config, userObject: object });
        if (typeof property !== 'string' || property === 'then') return undefined;
        return (...args: unknown[]) => call(property, args, config);
      },
    },
  );
}

function post(message: Record<string, unknown>): void {
  if (window.parent !== window) window.parent.postMessage(message, location.origin);
}

function location_(callback: (location: unknown) => void): void {
  const top = (() => {
    try {
      return window.top?.location ?? window.location;
    } catch {
      return window.location;
    }
  })();
  const query = new URLSearchParams(top.search);
  const parameter: Record<string, string> = {};
  const parameters: Record<string, string[]> = {};
  for (const [key, value] of query.entries()) {
    if (!(key in parameter)) parameter[key] = value;
    parameters[key] = [...(parameters[key] ?? []), value];
  }
  callback({ hash: top.hash.replace(/^#/, ''), parameter, parameters });
}

const google = {
  script: {
    run: runner({ success: null, failure: null, userObject: undefined }),
    host: {
      origin: location.origin,
      close: () => post({ type: 'sim-host-close' }),
      setHeight: (height: number) => post({ type: 'sim-host-height', height }),
      setWidth: (_width: number) => undefined,
      editor: { focus: () => undefined },
    },
    url: { getLocation: location_ },
    history: {
      push: () => undefined,
      replace: () => undefined,
      setChangeHandler: () => undefined,
    },
  },
};

(window as unknown as { google: typeof google }).google = google;
