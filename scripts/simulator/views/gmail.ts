// Gmail as each address sees it: the inbox of the signed-in account and each mail as it was sent, its links working.
import type { SentMail } from '../../../emulator/state';
import { addresses, esc, formatWita } from '../html';
import { type Frame, layout } from './layout';

/** Mails addressed to `address` in To, Cc or Bcc, newest first (Gmail's order). */
export function inboxOf(mails: SentMail[], address: string): SentMail[] {
  const wanted = address.trim().toLowerCase();
  return mails.filter((mail) => addresses(`${mail.to},${mail.cc},${mail.bcc}`).includes(wanted)).reverse();
}

/** Every address that received mail, for the mailbox switch. */
export function mailboxes(mails: SentMail[]): string[] {
  const all = new Set<string>();
  for (const mail of mails) for (const address of addresses(`${mail.to},${mail.cc},${mail.bcc}`)) all.add(address);
  return [...all].sort();
}

/** The inbox (and, when `open` is given, one mail beside it). */
export function gmailPage(options: {
  frame: Frame;
  mailbox: string;
  mails: SentMail[];
  open: SentMail | null;
}): string {
  const { frame, mailbox } = options;
  const inbox = inboxOf(options.mails, mailbox);
  const boxes = mailboxes(options.mails);
  if (!boxes.includes(mailbox)) boxes.unshift(mailbox);
  const switcher = `<form method="get" action="/gmail" class="hint">Kotak masuk:
<select name="address" data-autosubmit aria-label="Kotak masuk">${boxes
    .map((box) => `<option${box === mailbox ? ' selected' : ''}>${esc(box)}</option>`)
    .join('')}</select> <noscript><button>Buka</button></noscript>
${mailbox !== frame.user ? `<span class="notice">Anda melihat kotak masuk orang lain (mode latihan).</span>` : ''}</form>`;
  const list = inbox
    .map((mail) => {
      const current = options.open?.id === mail.id ? ' aria-current="true"' : '';
      const query = mailbox === frame.user ? '' : `?address=${encodeURIComponent(mailbox)}`;
      return `<a href="/gmail/${encodeURIComponent(mail.id)}${query}"${current} data-mail-id="${esc(mail.id)}">
<div class="subject">${esc(mail.subject)}</div>
<div class="meta">${esc(mail.name || mail.from)} · ${esc(formatWita(mail.sentAt, false))}</div></a>`;
    })
    .join('');
  const empty = inbox.length === 0 ? '<p class="muted card">Belum ada surel untuk alamat ini.</p>' : '';
  const view = options.open
    ? mailView(options.open)
    : `<div class="card muted">Pilih surel di sebelah kiri untuk membacanya.</div>`;
  const body = `<h1>Gmail: ${esc(mailbox)}</h1>
${switcher}
<div class="mail-layout">
<div class="mail-list card" style="padding:0">${list}${empty}</div>
<div class="mail-view">${view}</div>
</div>`;
  return layout({ title: `Gmail ${mailbox}`, section: 'gmail', frame, body });
}

function mailView(mail: SentMail): string {
  const attachments = mail.attachments.length
    ? `<dt>Lampiran</dt><dd>${mail.attachments.map((file) => esc(`${file.name} (${file.size} bita)`)).join(', ')}</dd>`
    : '';
  return `<article class="card" data-mail="${esc(mail.id)}">
<h2 data-subject>${esc(mail.subject)}</h2>
<dl class="mail-head">
<dt>Dari</dt><dd>${esc(mail.name ? `${mail.name} <${mail.from}>` : mail.from)}</dd>
<dt>Kepada</dt><dd>${esc(mail.to)}</dd>
${mail.cc ? `<dt>Cc</dt><dd>${esc(mail.cc)}</dd>` : ''}
${mail.bcc ? `<dt>Bcc</dt><dd>${esc(mail.bcc)}</dd>` : ''}
${mail.replyTo ? `<dt>Balas ke</dt><dd>${esc(mail.replyTo)}</dd>` : ''}
<dt>Tanggal</dt><dd>${esc(formatWita(mail.sentAt))}</dd>
${attachments}
</dl>
<iframe src="/gmail/${encodeURIComponent(mail.id)}/body" title="Isi surel" sandbox="allow-top-navigation-by-user-activation allow-popups allow-popups-to-escape-sandbox allow-same-origin"></iframe>
</article>`;
}

/** The body of one mail for the reading frame: the HTML as sent, or the plain text. Links open in the whole window. */
export function mailBody(mail: SentMail, localize: (html: string) => string): string {
  const content = mail.htmlBody
    ? localize(mail.htmlBody)
    : `<pre style="white-space:pre-wrap;font-family:inherit">${localize(esc(mail.body))}</pre>`;
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><base target="_top">
<style>body{font-family:Arial,sans-serif;font-size:15px;margin:12px;color:#202124}</style></head><body>${content}</body></html>`;
}
