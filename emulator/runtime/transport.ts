// What google.script.run can carry between page and server: primitives, plain objects and arrays, copied.

/**
 * Thrown for a value google.script.run refuses. Open: the text is the one browsers show for such a call ("Failed due
 * to illegal value in property: <key>"); the reference only says the request fails.
 */
export class IllegalValueError extends Error {}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  if (proto === null) return true;
  // Cross-realm: an object literal made inside the vm context has that context's Object.prototype.
  return (
    Object.getPrototypeOf(proto) === null &&
    (proto as { constructor?: { name?: string } }).constructor?.name === 'Object'
  );
}

/**
 * Copies `value` under google.script.run's rules: primitives, plain objects and arrays pass; Date, functions, other
 * objects and circular structures fail; undefined inside arrays becomes null; undefined object fields are dropped.
 * Ref: docs/reference/apps-script-runtime.md §1 HtmlService / google.script.run [COMM][RUN].
 */
export function transport(value: unknown, key = '0', seen: Set<object> = new Set()): unknown {
  if (value === null || value === undefined) return null;
  const type = typeof value;
  if (type === 'string' || type === 'boolean') return value;
  if (type === 'number') return value;
  if (type !== 'object') throw new IllegalValueError(`Failed due to illegal value in property: ${key}`);
  const object = value as object;
  if (seen.has(object)) throw new IllegalValueError(`Failed due to illegal value in property: ${key}`);
  if (Array.isArray(object)) {
    seen.add(object);
    const copy = object.map((item, index) => transport(item, String(index), seen));
    seen.delete(object);
    return copy;
  }
  if (!isPlainObject(object)) throw new IllegalValueError(`Failed due to illegal value in property: ${key}`);
  seen.add(object);
  const copy: Record<string, unknown> = {};
  for (const [field, item] of Object.entries(object)) {
    if (item === undefined) continue;
    copy[field] = transport(item, field, seen);
  }
  seen.delete(object);
  return copy;
}
