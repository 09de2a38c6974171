// Mail rendering: subject, Gmail-safe HTML (inline styles, table layout <= 600px, one button) and plain text.

import { MAIL_FRAME, type MailContent, type MailLinkKey, mailContent } from '../../core/messages/mail';
import { escapeHtml } from '../../core/sanitize';
import type { MailData, MailTemplate } from '../../core/workflow-types';

/** A mail ready for the outbox. */
export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

/** The signed URLs the shell made from the effect's LinkRequests (keys as in Effect.links). */
export type MailUrls = Partial<Record<'action' | 'status' | 'verify', string>>;

const FONT = 'font-family:Arial,Helvetica,sans-serif;';
const BLUE = '#1d4ed8';

function urlFor(key: MailLinkKey, data: MailData, urls: MailUrls): string {
  if (key === 'edit') return data.editUrl;
  if (key === 'emailSop') return data.emailSopUrl;
  return urls[key] ?? '';
}

/** Only http(s) URLs reach an href; anything else (javascript:, data:) is dropped. */
function safeUrl(url: string): string {
  return /^https?:\/\//i.test(url) ? url : '';
}

function detailRows(d: MailData): [string, string][] {
  const L = MAIL_FRAME.details;
  return [
    [L.reference, d.reference],
    [L.name, d.applicantName],
    [L.nik, d.nikMasked],
    [L.nip, d.nip],
    [L.position, d.position],
    [L.unit, d.unit],
    [L.email, d.email],
    [L.service, d.serviceLabel],
    [L.status, d.statusLabel],
  ];
}

function htmlBody(c: MailContent, d: MailData, urls: MailUrls): string {
  const p = (t: string) => `<p style="margin:0 0 12px;font-size:15px;line-height:1.5;">${escapeHtml(t)}</p>`;
  const parts: string[] = [
    `<h1 style="margin:0 0 12px;font-size:20px;line-height:1.3;color:#111827;">${escapeHtml(c.heading)}</h1>`,
    ...c.paragraphs.map(p),
  ];
  if (c.bullets.length > 0) {
    parts.push(
      `<ul style="margin:0 0 12px;padding-left:20px;font-size:15px;line-height:1.5;">${c.bullets
        .map((b) => `<li style="margin:0 0 6px;">${escapeHtml(b)}</li>`)
        .join('')}</ul>`,
    );
  }
  const button = c.button ? safeUrl(urlFor(c.button.link, d, urls)) : '';
  if (c.button && button) {
    parts.push(
      `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 16px;"><tr><td style="background:${BLUE};border-radius:6px;"><a href="${escapeHtml(button)}" style="display:inline-block;padding:14px 22px;${FONT}font-size:16px;font-weight:bold;color:#ffffff;text-decoration:none;">${escapeHtml(c.button.label)}</a></td></tr></table>`,
      `<p style="margin:0 0 12px;font-size:12px;color:#6b7280;word-break:break-all;">${escapeHtml(MAIL_FRAME.linkFallback)} ${escapeHtml(button)}</p>`,
    );
  }
  if (c.details) {
    const rows = detailRows(d)
      .filter(([, v]) => v !== '')
      .map(
        ([k, v]) =>
          `<tr><td style="padding:6px 8px;border-bottom:1px solid #e5e7eb;color:#4b5563;font-size:13px;width:40%;vertical-align:top;">${escapeHtml(k)}</td><td style="padding:6px 8px;border-bottom:1px solid #e5e7eb;font-size:14px;vertical-align:top;word-break:break-word;">${escapeHtml(v)}</td></tr>`,
      )
      .join('');
    parts.push(
      `<p style="margin:8px 0 4px;font-size:13px;font-weight:bold;color:#374151;">${escapeHtml(MAIL_FRAME.detailsTitle)}</p><table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;margin:0 0 16px;">${rows}</table>`,
    );
  }
  for (const link of c.links) {
    const url = safeUrl(urlFor(link.link, d, urls));
    if (url) {
      parts.push(
        `<p style="margin:0;font-size:14px;"><a href="${escapeHtml(url)}" style="display:inline-block;padding:12px 0;line-height:20px;color:${BLUE};">${escapeHtml(link.label)}</a></p>`,
      );
    }
  }
  return parts.join('');
}

function textBody(c: MailContent, d: MailData, urls: MailUrls): string {
  const lines: string[] = [c.heading, '', ...c.paragraphs.flatMap((p) => [p, ''])];
  if (c.bullets.length > 0) lines.push(...c.bullets.map((b) => `- ${b}`), '');
  const button = c.button ? safeUrl(urlFor(c.button.link, d, urls)) : '';
  if (c.button && button) lines.push(`${c.button.label}: ${button}`, '');
  if (c.details) {
    lines.push(`${MAIL_FRAME.detailsTitle}:`);
    for (const [k, v] of detailRows(d)) if (v !== '') lines.push(`${k}: ${v}`);
    lines.push('');
  }
  for (const link of c.links) {
    const url = safeUrl(urlFor(link.link, d, urls));
    if (url) lines.push(`${link.label}: ${url}`);
  }
  lines.push('', '--', MAIL_FRAME.footer);
  return lines.join('\n');
}

/**
 * Renders one mail. Every value from the application is escaped; the layout is tables with inline styles, no
 * style or script blocks and no remote images, so Gmail keeps it; the plain text carries the same content. The one
 * button comes before the application summary, so on a phone it is on the first screen.
 */
export function renderMail(template: MailTemplate, data: MailData, urls: MailUrls): RenderedMail {
  const c = mailContent(template, data);
  const html = [
    '<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(c.subject)}</title></head>`,
    `<body style="margin:0;padding:0;background:#f3f4f6;${FONT}">`,
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f3f4f6;"><tr><td align="center" style="padding:12px 6px;">',
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;background:#ffffff;border-radius:8px;${FONT}color:#111827;">`,
    `<tr><td style="padding:14px 20px;background:#1e3a8a;color:#ffffff;font-size:13px;border-radius:8px 8px 0 0;">${escapeHtml(MAIL_FRAME.brand)}<br><span style="font-size:12px;color:#c7d2fe;">${escapeHtml(MAIL_FRAME.product)}</span></td></tr>`,
    `<tr><td style="padding:20px;">${htmlBody(c, data, urls)}</td></tr>`,
    `<tr><td style="padding:14px 20px;font-size:12px;line-height:1.5;color:#6b7280;border-top:1px solid #e5e7eb;">${escapeHtml(MAIL_FRAME.footer)}</td></tr>`,
    '</table></td></tr></table></body></html>',
  ].join('');
  return { subject: c.subject, html, text: textBody(c, data, urls) };
}
