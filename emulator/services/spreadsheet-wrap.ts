// Turns an emulator class instance into the Apps Script object a script sees: each call counted through ctx.call, unknown methods fail clearly.
import type { ExecutionContext } from '../context';

/** Property names test tools and Promise machinery probe; they must read as absent, not as unemulated methods. */
const PROBED = new Set([
  'then',
  'toJSON',
  'asymmetricMatch',
  'nodeType',
  'tagName',
  'constructor',
  'inspect',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'apply',
  'call',
  'bind',
]);

/**
 * Wraps `impl` so every method call first runs `ctx.call(service, 'Class.method')` (counting and fault injection,
 * see emulator/context.ts) and then runs with `impl` as `this`. `String(obj)` gives the class name, as Apps Script
 * objects do. A method the emulator lacks throws a clear error instead of "is not a function".
 */
export function wrap<T>(ctx: ExecutionContext, service: string, className: string, impl: object): T {
  const methods = new Map<string | symbol, unknown>();
  const proxy = new Proxy(impl, {
    get(target, prop) {
      if (prop === 'toString') return () => className;
      const value = Reflect.get(target, prop, target);
      if (typeof prop === 'symbol') return value;
      if (typeof value === 'function') {
        let bound = methods.get(prop);
        if (!bound) {
          bound = (...args: unknown[]) => {
            ctx.call(service, `${className}.${prop}`);
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
          methods.set(prop, bound);
        }
        return bound;
      }
      if (value === undefined && /^[a-z][A-Za-z0-9]*$/.test(prop) && !PROBED.has(prop)) {
        return () => {
          throw new Error(`Emulator: ${className}.${prop}() is not emulated.`);
        };
      }
      return value;
    },
    set() {
      return false;
    },
  });
  impls.set(proxy, impl);
  return proxy as T;
}

const impls = new WeakMap<object, object>();

/**
 * The emulator object behind a script-facing one, so services read each other's objects without counting calls the
 * script did not make. Undefined for objects the emulator did not make.
 */
export function implOf(obj: unknown): object | undefined {
  return typeof obj === 'object' && obj !== null ? impls.get(obj) : undefined;
}

/** The effective user's e-mail, lower-cased, for access checks. */
export function effectiveUser(ctx: ExecutionContext): string {
  return ctx.users.effective.toLowerCase();
}

/** A Base.User for an e-mail address (getEmail; getName/getUserLoginId as Google's deprecated forms). */
export function userObject(ctx: ExecutionContext, service: string, email: string): GoogleAppsScript.Base.User {
  return wrap<GoogleAppsScript.Base.User>(ctx, service, 'User', {
    getEmail: () => email,
    getName: () => email.split('@')[0] ?? '',
    getUserLoginId: () => email,
  });
}
