// One realm as on Google: service objects are made in Node's realm, so instanceof Error/Array must accept them too.
import vm from 'node:vm';

const ERROR_NAMES = [
  'Error',
  'TypeError',
  'RangeError',
  'SyntaxError',
  'ReferenceError',
  'EvalError',
  'URIError',
] as const;

/**
 * On Google the program and its services share one JavaScript realm. Here services build their errors and arrays
 * in Node's realm, so `e instanceof Error` or `values instanceof Array` would be false inside the program. This gives
 * the context's Error constructors and Array a Symbol.hasInstance that also accepts the host's, leaving subclasses and
 * every other check unchanged.
 */
export function joinRealms(context: vm.Context): void {
  const host: Record<string, unknown> = {};
  for (const name of ERROR_NAMES) host[name] = globalThis[name];
  const install = vm.runInContext(
    `(function (host, names) {
      names.forEach(function (name) {
        var own = globalThis[name];
        var ordinary = Function.prototype[Symbol.hasInstance];
        Object.defineProperty(own, Symbol.hasInstance, { configurable: true, value: function (value) {
          return ordinary.call(this, value) || (this === own && value instanceof host[name]);
        } });
      });
      Object.defineProperty(Array, Symbol.hasInstance, { configurable: true, value: function (value) {
        return Array.isArray(value);
      } });
    })`,
    context,
  ) as (host: Record<string, unknown>, names: readonly string[]) => void;
  install(host, ERROR_NAMES);
}
