// Neutralises applicant text before it reaches a sheet cell or HTML: formula injection, markup, invisible characters, length.

/**
 * Characters that make Sheets (and CSV consumers) treat a cell as a formula or command (OWASP CSV injection,
 * CWE-1236): = + - @ and tab, carriage return, line feed.
 * Ref: docs/reference/approval-workflow-peers.md §3.8; docs/reference/apps-script-runtime.md (Range.setValue).
 */
const FORMULA_LEADS = new Set(['=', '+', '-', '@', '\t', '\r', '\n']);

/**
 * Zero-width and other invisible format characters (Unicode Cf and friends) that let two strings look equal while
 * differing: ZWSP, ZWNJ, ZWJ, word joiner, BOM, soft hyphen, bidi marks and overrides, invisible operators,
 * Mongolian vowel separator, Hangul fillers, tag characters.
 */
const INVISIBLE = new RegExp(
  '[\\u00AD\\u034F\\u061C\\u115F\\u1160\\u17B4\\u17B5\\u180B-\\u180F\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u206F' +
    '\\u3164\\uFE00-\\uFE0F\\uFEFF\\uFFA0\\uFFF9-\\uFFFB]|\\uDB40[\\uDC00-\\uDDEF]',
  'g',
);

/**
 * Makes applicant text safe to write to a cell: if it starts with a formula-leading character (= + - @ tab CR LF),
 * possibly after spaces, or with an apostrophe, a leading apostrophe is added. In Sheets a leading apostrophe is a "quote prefix": the cell shows and holds the
 * text as typed, never evaluated. So a phone typed "+62 812…" survives as text (displayed "+62 812…"); the program
 * itself stores phones already normalised to "628…" by normalizePhone, which starts with a digit and passes unchanged.
 * Values the program computes itself (numbers, dates, its own status words) are not passed through this function.
 */
export function toSafeCell(text: string): string {
  return needsQuotePrefix(text) ? `'${text}` : text;
}

/**
 * True when Sheets could read the text as a formula or lose a character of it: a formula-leading character first, a
 * formula-leading character after leading whitespace (conservative: the reference does not say whether Sheets trims
 * before deciding), or an apostrophe first (Sheets would swallow it as a quote prefix).
 */
function needsQuotePrefix(text: string): boolean {
  const first = text.charAt(0);
  return FORMULA_LEADS.has(first) || first === "'" || /^\s+[=+\-@]/.test(text);
}

/**
 * Inverse of toSafeCell for a value read back with its quote prefix still present (whether getValues returns the
 * apostrophe is unconfirmed, docs/reference/apps-script-runtime.md): removes exactly one prefix that toSafeCell added.
 */
export function fromSafeCell(text: string): string {
  if (text.charAt(0) !== "'") return text;
  const rest = text.slice(1);
  return needsQuotePrefix(rest) ? rest : text;
}

/** Escapes the five HTML-significant characters so applicant text is inert in pages and mail bodies. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Removes invisible characters (zero-width, bidi controls, BOM, soft hyphen, ...) that make look-alike strings. */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** True when the text contains any invisible character that stripInvisible would remove. */
export function hasInvisible(text: string): boolean {
  INVISIBLE.lastIndex = 0;
  const found = INVISIBLE.test(text);
  INVISIBLE.lastIndex = 0;
  return found;
}

/**
 * Cuts text to at most `max` UTF-16 code units without splitting a surrogate pair, so a clipped value never carries
 * half a character into a cell (a Sheets cell holds at most 50,000 characters).
 */
export function clip(text: string, max: number): string {
  if (max <= 0) return '';
  if (text.length <= max) return text;
  const cut = text.charCodeAt(max - 1);
  const end = cut >= 0xd800 && cut <= 0xdbff ? max - 1 : max;
  return text.slice(0, end);
}

/** The most characters one Sheets cell holds. Ref: https://support.google.com/docs/answer/37603 */
export const SHEETS_CELL_MAX_CHARS = 50000;
