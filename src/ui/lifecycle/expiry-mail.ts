// The expiry notice mail (H-30, H-7, expired): Gmail-safe HTML (tables, inline styles, <=600px, one button) and plain text.
import type { NoticeKind } from '../../core/expiry';
import { EXPIRY_MAIL as M } from '../../core/messages/lifecycle';
import { MAIL_FRAME } from '../../core/messages/mail';
import { escapeHtml } from '../../core/sanitize';

/** What an expiry notice says; every value is a display string. */
export interface ExpiryMailData {
  kind: NoticeKind;
  name: string;
  serial: string;
  validUntil: string;
  unit: string;
  daysLeft: number;
  /** The Form (renewal or new application); '' leaves the button out. */
  formUrl: string;
}

const FONT = 'font-family:Arial,Helvetica,sans-serif;';

function safeUrl(url: string): string {
  return /^https:\/\//i.test(url) ? url : '';
}

/** Renders one notice. The holder is addressed; the Verifikator gets the same mail as a copy (cc). */
export function renderExpiryMail(d: ExpiryMailData): { subject: string; html: string; text: string } {
  const subject = M.subject(d.kind, d.serial);
  const body = M.body(d.kind, d.validUntil, Math.max(d.daysLeft, 0));
  const url = safeUrl(d.formUrl);
  const details: [string, string][] = [
    [M.serial, d.serial],
    [M.validUntil, d.validUntil],
    [M.unit, d.unit],
  ];
  const p = (t: string, style = 'margin:0 0 12px;font-size:15px;line-height:1.5;') =>
    `<p style="${style}">${escapeHtml(t)}</p>`;
  const rows = details
    .filter(([, v]) => v !== '')
    .map(
      ([k, v]) =>
        `<tr><td style="padding:6px 8px;border-bottom:1px solid #e5e7eb;color:#4b5563;font-size:13px;width:40%;">${escapeHtml(k)}</td><td style="padding:6px 8px;border-bottom:1px solid #e5e7eb;font-size:14px;word-break:break-word;">${escapeHtml(v)}</td></tr>`,
    )
    .join('');
  const button = url
    ? `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 16px;"><tr><td style="background:#1d4ed8;border-radius:6px;"><a href="${escapeHtml(url)}" style="display:inline-block;padding:14px 22px;${FONT}font-size:16px;font-weight:bold;color:#ffffff;text-decoration:none;">${escapeHtml(M.button(d.kind))}</a></td></tr></table>${p(M.linkHint(d.kind, d.serial), 'margin:0 0 12px;font-size:13px;color:#374151;')}<p style="margin:0 0 12px;font-size:12px;color:#6b7280;word-break:break-all;">${escapeHtml(MAIL_FRAME.linkFallback)} ${escapeHtml(url)}</p>`
    : '';
  const html = [
    '<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(subject)}</title></head>`,
    `<body style="margin:0;padding:0;background:#f3f4f6;${FONT}">`,
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f3f4f6;"><tr><td align="center" style="padding:12px 6px;">',
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;background:#ffffff;border-radius:8px;${FONT}color:#111827;">`,
    `<tr><td style="padding:14px 20px;background:#1e3a8a;color:#ffffff;font-size:13px;border-radius:8px 8px 0 0;">${escapeHtml(MAIL_FRAME.brand)}<br><span style="font-size:12px;color:#c7d2fe;">${escapeHtml(MAIL_FRAME.product)}</span></td></tr>`,
    `<tr><td style="padding:20px;"><h1 style="margin:0 0 12px;font-size:20px;line-height:1.3;">${escapeHtml(subject)}</h1>${p(M.greeting(d.name))}${p(body)}`,
    `<p style="margin:8px 0 4px;font-size:13px;font-weight:bold;color:#374151;">${escapeHtml(M.details)}</p><table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;margin:0 0 16px;">${rows}</table>`,
    `${button}${p(M.copyNote, 'margin:0 0 4px;font-size:12px;color:#6b7280;')}</td></tr>`,
    `<tr><td style="padding:14px 20px;font-size:12px;line-height:1.5;color:#6b7280;border-top:1px solid #e5e7eb;">${escapeHtml(M.footer)}</td></tr>`,
    '</table></td></tr></table></body></html>',
  ].join('');
  const text = [
    subject,
    '',
    M.greeting(d.name),
    '',
    body,
    '',
    `${M.details}:`,
    ...details.filter(([, v]) => v !== '').map(([k, v]) => `${k}: ${v}`),
    '',
    ...(url ? [`${M.button(d.kind)}: ${url}`, M.linkHint(d.kind, d.serial), ''] : []),
    M.copyNote,
    '',
    '--',
    M.footer,
  ].join('\n');
  return { subject, html, text };
}
