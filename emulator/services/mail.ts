// MailApp and GmailApp.sendEmail: every documented call form, recipient validation, per-message and daily quotas.
import type { RuntimeContext } from '../runtime/runtime-context';
import { counted } from '../runtime/runtime-context';
import type { SentMail } from '../state';

/** Ref: docs/reference/apps-script-runtime.md §1 Hard limits (Email) and Daily quotas. */
export const MAIL_RECIPIENTS_PER_MESSAGE = 50;
export const MAIL_ATTACHMENTS_PER_MESSAGE = 250;
export const MAIL_ATTACHMENT_BYTES_PER_MESSAGE = 25 * 1024 * 1024;
export const MAIL_QUOTA_WINDOW_MS = 24 * 3600 * 1000;
export const MAIL_QUOTA_EXCEEDED = 'Service invoked too many times for one day: email.';

interface MailOptions {
  attachments?: unknown[];
  bcc?: string;
  cc?: string;
  htmlBody?: string;
  inlineImages?: Record<string, unknown>;
  name?: string;
  noReply?: boolean;
  replyTo?: string;
  from?: string;
}

interface Message extends MailOptions {
  to: string;
  subject: string;
  body: string;
}

const ADDRESS = /^[^\s@,;<>"()]+@[^\s@,;<>"()]+\.[^\s@,;<>"()]+$/;

/** Splits a comma-separated recipient list and checks each address. Ref: [MAIL] ("Invalid email: <x>"). */
export function parseRecipients(list: string | undefined): string[] {
  if (list === undefined || list === null || String(list).trim() === '') return [];
  return String(list)
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const angle = /<([^>]*)>\s*$/.exec(part);
      const address = (angle ? angle[1]! : part).trim();
      if (!ADDRESS.test(address)) throw new Error(`Invalid email: ${part}`);
      return part;
    });
}

/** The quota window of `user`, restarted 24 h after its first send. Ref: [Q] "reset 24 hours after the first request". */
export function quotaWindow(ctx: RuntimeContext, user: string): { windowStart: number; used: number } {
  const now = ctx.now().getTime();
  const current = ctx.state.mailQuota[user];
  if (!current || now - current.windowStart >= MAIL_QUOTA_WINDOW_MS) return { windowStart: now, used: 0 };
  return current;
}

function isConsumer(email: string): boolean {
  return /@(gmail|googlemail)\.com$/i.test(email);
}

/** Normalises the four call forms of MailApp.sendEmail into one message. Ref: [MAIL]. */
function normalise(args: unknown[], allowReplyToForm: boolean): Message {
  const [first, second, third, fourth] = args;
  if (args.length === 1 && first !== null && typeof first === 'object') {
    const message = first as Partial<Message>;
    return {
      ...message,
      to: message.to ?? '',
      subject: String(message.subject ?? ''),
      body: String(message.body ?? ''),
    };
  }
  if (allowReplyToForm && args.length === 4 && typeof fourth === 'string') {
    return { to: String(first), replyTo: String(second), subject: String(third), body: fourth };
  }
  const options = (fourth ?? {}) as MailOptions;
  return { ...options, to: String(first ?? ''), subject: String(second ?? ''), body: String(third ?? '') };
}

/** Sends one message as the effective user: validates, charges the quota, records it in state.mail. */
function send(ctx: RuntimeContext, message: Message, via: string): void {
  const sender = ctx.users.effective;
  const to = parseRecipients(message.to);
  const cc = parseRecipients(message.cc);
  const bcc = parseRecipients(message.bcc);
  const recipients = to.length + cc.length + bcc.length;
  // Open: the reference gives no text for a message without recipients; this is the wording users report.
  if (recipients === 0) throw new Error('Failed to send email: no recipient');
  // Open: wording modelled on "Limit exceeded: Email Attachments Per Message." [Q-old].
  if (recipients > MAIL_RECIPIENTS_PER_MESSAGE) throw new Error('Limit exceeded: Email Recipients Per Message.');
  const body = message.body ?? '';
  const htmlBody = message.htmlBody === undefined ? '' : String(message.htmlBody);
  const bodyLimit = (isConsumer(ctx.state.owner) ? 200 : 400) * 1024;
  if (Buffer.byteLength(body, 'utf8') > bodyLimit || Buffer.byteLength(htmlBody, 'utf8') > bodyLimit) {
    throw new Error('Limit exceeded: Email Body Size.');
  }
  const attachments = (message.attachments ?? []).map((source) => {
    const blob = (source as GoogleAppsScript.Base.BlobSource).getBlob();
    return { name: blob.getName() ?? '', mimeType: blob.getContentType() ?? '', size: blob.getBytes().length };
  });
  if (attachments.length > MAIL_ATTACHMENTS_PER_MESSAGE)
    throw new Error('Limit exceeded: Email Attachments Per Message.');
  if (attachments.reduce((sum, a) => sum + a.size, 0) > MAIL_ATTACHMENT_BYTES_PER_MESSAGE) {
    throw new Error('Limit exceeded: Email Total Attachments Size.');
  }
  const window = quotaWindow(ctx, sender);
  if (window.used + recipients > ctx.host.mailDailyQuota) throw new Error(MAIL_QUOTA_EXCEEDED);
  ctx.state.mailQuota[sender] = { windowStart: window.windowStart, used: window.used + recipients };
  // noReply works only for Workspace accounts; with it, replyTo is ignored. Ref: [MAIL].
  const noReply = message.noReply === true && !isConsumer(sender);
  const domain = sender.slice(sender.lastIndexOf('@') + 1);
  const mail: SentMail = {
    id: ctx.newId('mail'),
    from: noReply ? `noreply@${domain}` : message.from ? String(message.from) : sender,
    to: to.join(', '),
    cc: cc.join(', '),
    bcc: bcc.join(', '),
    replyTo: noReply ? '' : String(message.replyTo ?? ''),
    subject: String(message.subject),
    body: String(body),
    htmlBody,
    name: String(message.name ?? ''),
    attachments,
    sentAt: ctx.now(),
    via,
  };
  ctx.state.mail.push(mail);
  ctx.mailsSent.push(mail);
}

/** MailApp. Ref: https://developers.google.com/apps-script/reference/mail/mail-app */
export function createMailApp(ctx: RuntimeContext): GoogleAppsScript.Mail.MailApp {
  return counted(ctx, 'MailApp', 'MailApp', {
    getRemainingDailyQuota() {
      const window = quotaWindow(ctx, ctx.users.effective);
      return Math.max(0, ctx.host.mailDailyQuota - window.used);
    },
    sendEmail(...args: unknown[]) {
      send(ctx, normalise(args, true), 'MailApp');
    },
  }) as unknown as GoogleAppsScript.Mail.MailApp;
}

/**
 * GmailApp: only sendEmail (recipient, subject, body[, options]), which shares the email recipients quota.
 * Ref: https://developers.google.com/apps-script/reference/gmail/gmail-app#sendEmail(String,String,String,Object)
 */
export function createGmailApp(ctx: RuntimeContext): GoogleAppsScript.Gmail.GmailApp {
  const gmail: Record<string, unknown> = counted(ctx, 'GmailApp', 'GmailApp', {
    sendEmail(...args: unknown[]) {
      send(ctx, normalise(args, false), 'GmailApp');
      return gmail;
    },
  });
  return gmail as unknown as GoogleAppsScript.Gmail.GmailApp;
}
