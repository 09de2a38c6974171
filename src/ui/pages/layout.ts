// Page frame for the web app and the sidebar: mobile-first, self-contained (no external requests), small.
import { PAGE_TEXT } from '../../core/messages/pages';
import { escapeHtml } from '../../core/sanitize';

/** The viewport the shell adds with HtmlOutput.addMetaTag (HtmlService ignores a <meta name="viewport"> in the body). */
export const PAGE_VIEWPORT = { name: 'viewport', content: 'width=device-width, initial-scale=1' } as const;

const CSS = [
  '*{box-sizing:border-box}',
  'body{margin:0;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#111827;background:#f3f4f6}',
  'header{background:#1e3a8a;color:#fff;padding:12px 16px;font-size:14px}',
  'header small{display:block;color:#c7d2fe}',
  'main{max-width:640px;margin:0 auto;padding:16px}',
  'section{background:#fff;border-radius:8px;padding:16px;margin:0 0 12px}',
  'h1{font-size:20px;margin:0 0 8px}h2{font-size:17px;margin:0 0 8px}section>h2:not(:first-child){margin-top:20px}',
  'dl{margin:0;display:grid;grid-template-columns:minmax(0,2fr) minmax(0,3fr);gap:4px 8px}',
  'dt{color:#4b5563;font-size:14px}dd{margin:0;word-break:break-word}',
  'table{width:100%;border-collapse:collapse}td,th{text-align:left;padding:6px;border-bottom:1px solid #e5e7eb;vertical-align:top;font-size:14px;overflow-wrap:anywhere}th{overflow-wrap:normal}',
  'label{display:block;font-weight:bold;margin:8px 0 4px;font-size:14px}',
  'input[type=text],input[type=date],select,textarea{width:100%;min-height:48px;padding:10px;font-size:16px;border:1px solid #6b7280;border-radius:6px;background:#fff;color:#111827}',
  'textarea{min-height:80px}',
  '.check{display:flex;gap:12px;align-items:flex-start;font-weight:normal;margin:0;padding:10px 0;min-height:44px}',
  '.check input{width:22px;height:22px;flex:none;margin-top:2px}',
  'button{display:block;width:100%;min-height:48px;margin:12px 0 0;padding:12px;font-size:16px;font-weight:bold;border:0;border-radius:6px;background:#1d4ed8;color:#fff}',
  'button.secondary{background:#fff;color:#1d4ed8;border:2px solid #1d4ed8}',
  'button.danger{background:#fff;color:#b91c1c;border:2px solid #b91c1c}',
  '.note{color:#4b5563;font-size:14px}.warn{background:#fef3c7;border-radius:6px;padding:8px}',
  '.ok{color:#047857;font-weight:bold}.late{color:#b91c1c;font-weight:bold}',
  'details{margin:8px 0}summary{font-weight:bold;cursor:pointer;padding:12px 0;min-height:44px}',
  'a{color:#1d4ed8}',
  ':focus-visible{outline:3px solid #1e3a8a;outline-offset:2px}',
  '.skip,.open-link{display:block;padding:12px 0;min-height:44px;font-weight:bold}',
  '@media print{header,button,form,.skip{display:none}body,section{background:#fff}}',
].join('');

/**
 * A whole page. `body` is already-escaped HTML; `clientHtml` is a built client script element (dist/client-<name>.html,
 * program code, sidebar only).
 */
export function pageShell(title: string, body: string, clientHtml = ''): string {
  return [
    '<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title><style>${CSS}</style></head><body>`,
    `<header>${escapeHtml(PAGE_TEXT.brand)}<small>${escapeHtml(PAGE_TEXT.product)}</small></header>`,
    `<main>${body}</main>`,
    clientHtml,
    '</body></html>',
  ].join('');
}

/** A definition list of label/value pairs (values escaped; empty ones left out). */
export function definitionList(rows: [string, string][]): string {
  return `<dl>${rows
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`)
    .join('')}</dl>`;
}

/** Only http(s) links reach an href. */
export function safeHref(url: string): string {
  return /^https?:\/\//i.test(url) ? escapeHtml(url) : '';
}

/** Formats an ISO instant as "05-01-2026 08:10 WITA" (fixed UTC+8, as the office reads it). */
export function witaDateTime(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  if (Number.isNaN(d.getTime())) return '';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}-${p(d.getUTCMonth() + 1)}-${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())} WITA`;
}
