// Small helpers for building the simulator's server-rendered HTML safely (escaping, dates in WITA).

/** Escapes text for HTML element content and double-quoted attribute values. */
export function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const WITA = 'Asia/Makassar';

/** A date as office staff read it: "Senin, 05/01/2026 08.00 WITA". */
export function formatWita(date: Date | number | string, withDay = true): string {
  const value = new Date(date);
  if (Number.isNaN(value.getTime())) return '';
  const day = new Intl.DateTimeFormat('id-ID', { timeZone: WITA, weekday: 'long' }).format(value);
  const parts = new Intl.DateTimeFormat('id-ID', {
    timeZone: WITA,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(value);
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? '';
  const text = `${part('day')}/${part('month')}/${part('year')} ${part('hour')}.${part('minute')}.${part('second')} WITA`;
  return withDay ? `${day}, ${text}` : text;
}

/** Spreadsheet column letters for a 0-based index (0 -> A, 26 -> AA). */
export function columnLetter(index: number): string {
  let name = '';
  let n = index + 1;
  while (n > 0) {
    const rest = (n - 1) % 26;
    name = String.fromCharCode(65 + rest) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** Splits a recipient field ("a@x, B <b@y>") into lower-cased addresses. */
export function addresses(field: string): string[] {
  return field
    .split(',')
    .map((part) => {
      const angled = /<([^>]+)>/.exec(part);
      return (angled?.[1] ?? part).trim().toLowerCase();
    })
    .filter((part) => part !== '');
}
