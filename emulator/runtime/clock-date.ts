// The `Date` the program sees: the host Date behind a Proxy whose "now" is the emulated clock.

/**
 * Builds the program's `Date`. `new Date()` and `Date.now()` read the emulated clock; every other form is the host
 * Date's, so Dates made by services (cell values, timestamps) and Dates made by the program are one kind of object and
 * `value instanceof Date` holds for both inside the program. Local-time methods follow process.env.TZ, which the
 * Emulator sets to the manifest's timeZone. Ref: docs/reference/design.md "The emulator" (time is the emulator's).
 */
export function clockDate(now: () => number): DateConstructor {
  return new Proxy(Date, {
    construct(target, args, newTarget) {
      if (args.length === 0) return Reflect.construct(target, [now()], newTarget);
      return Reflect.construct(target, args, newTarget);
    },
    apply(target) {
      // Date() called as a function returns the current time as a string (ECMAScript).
      return new target(now()).toString();
    },
    get(target, property, receiver) {
      if (property === 'now') return () => now();
      return Reflect.get(target, property, receiver);
    },
  });
}
