// Logger and console: every line goes into the execution's logs (ExecutionRecord.logs).
import type { RuntimeContext } from '../runtime/runtime-context';
import { counted } from '../runtime/runtime-context';

/** Renders one logged value as the execution log shows it: strings as is, objects as JSON where possible. */
export function renderLogValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toString();
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (value !== null && typeof value === 'object') {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

/**
 * Java-style placeholders of Logger.log(format, values...): %s, %d, %f (with precision) and %%.
 * Ref: https://developers.google.com/apps-script/reference/base/logger#log(String,Object...)
 */
export function formatLogTemplate(format: string, values: unknown[]): string {
  let index = 0;
  return format.replace(/%(?:\.(\d+))?([sdfo%])/g, (match, precision: string | undefined, kind: string) => {
    if (kind === '%') return '%';
    if (index >= values.length) return match;
    const value = values[index++];
    if (kind === 'd') return String(Math.trunc(Number(value)));
    if (kind === 'f') return Number(value).toFixed(precision === undefined ? 6 : Number(precision));
    return renderLogValue(value);
  });
}

/** Logger: lines of this execution. Ref: https://developers.google.com/apps-script/reference/base/logger */
export function createLogger(ctx: RuntimeContext): GoogleAppsScript.Base.Logger {
  const lines: string[] = [];
  const logger = counted(ctx, 'Logger', 'Logger', {
    log(data: unknown, ...values: unknown[]) {
      const line =
        values.length > 0 && typeof data === 'string' ? formatLogTemplate(data, values) : renderLogValue(data);
      lines.push(line);
      ctx.log(line);
      return logger;
    },
    getLog() {
      return lines.map((line) => `${line}\n`).join('');
    },
    clear() {
      lines.length = 0;
    },
  });
  return logger as unknown as GoogleAppsScript.Base.Logger;
}

/**
 * console in Apps Script V8 writes to the execution log (Cloud Logging); levels are kept as a prefix for warn/error.
 * Ref: https://developers.google.com/apps-script/guides/logging
 */
export function createConsole(ctx: RuntimeContext): Console {
  const write =
    (prefix: string) =>
    (...args: unknown[]) => {
      const text =
        args.length > 1 && typeof args[0] === 'string' && /%[sdifoO%]/.test(args[0])
          ? formatLogTemplate(args[0], args.slice(1))
          : args.map(renderLogValue).join(' ');
      ctx.log(prefix + text);
    };
  const timers = new Map<string, number>();
  return {
    log: write(''),
    info: write(''),
    debug: write(''),
    warn: write('WARNING: '),
    error: write('ERROR: '),
    time(label = 'default') {
      timers.set(label, ctx.now().getTime());
    },
    timeEnd(label = 'default') {
      const start = timers.get(label);
      if (start !== undefined) ctx.log(`${label}: ${ctx.now().getTime() - start}ms`);
      timers.delete(label);
    },
  } as unknown as Console;
}
