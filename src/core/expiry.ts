// Certificate expiry: the state of each issued certificate on a WITA date, and which H-30 / H-7 / expiry notice is due, once.

/** The three notices, in the order they fall due. */
export type NoticeKind = 'H30' | 'H7' | 'EXPIRED';
export const NOTICE_ORDER: readonly NoticeKind[] = ['H30', 'H7', 'EXPIRED'];

/** A certificate's state on a date (the "Status sertifikat" column and the Dasbor). */
export type CertificateState = 'AKTIF' | 'SEGERA_KEDALUWARSA' | 'KEDALUWARSA' | 'DICABUT' | 'DIGANTI';

/** Renewal opens this many days before the last valid day (BSrE AMS, docs/reference/bsre-domain.md §0). */
export const RENEWAL_WINDOW_DAYS = 30;
/** The second, closer reminder. */
export const LAST_REMINDER_DAYS = 7;

/** What the expiry job knows of one Sertifikat Terbit row. */
export interface TrackedCertificate {
  serial: string;
  applicationId: string;
  name: string;
  nip: string;
  unit: string;
  email: string;
  issuedAt: string;
  /** The last day the certificate is valid ("Berlaku sampai"), yyyy-MM-dd in WITA. */
  validUntil: string;
  revoked: boolean;
  /** Notices already sent for this certificate (the notices-sent record). */
  noticesSent: NoticeKind[];
}

const DAY_MS = 86_400_000;

/** The WITA calendar date (yyyy-MM-dd) of an instant: UTC+8, no daylight saving. */
export function witaDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * A yyyy-MM-dd date from what a sheet cell may hold: the text itself, or an instant (a Date the sheet made of it, or
 * its ISO text), taken as the WITA day. '' when unreadable.
 */
export function dayOf(value: unknown): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : witaDay(value);
  const text = typeof value === 'string' ? value.trim() : '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return isRealDay(text) ? text : '';
  if (/^\d{4}-\d{2}-\d{2}T/.test(text)) {
    const d = new Date(text);
    return Number.isNaN(d.getTime()) ? '' : witaDay(d);
  }
  return '';
}

function isRealDay(day: string): boolean {
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
}

/** Whole days from `from` to `to` (both yyyy-MM-dd); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The day `days` after `day` (negative goes back). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days left until the last valid day: 0 on that day, -1 the day after (expired). */
export function daysLeft(validUntil: string, today: string): number {
  return daysBetween(today, validUntil);
}

/** The first day renewal may be asked for: H-30 before the last valid day. */
export function renewalOpensOn(validUntil: string): string {
  return addDays(validUntil, -RENEWAL_WINDOW_DAYS);
}

/**
 * The certificate's state on `today`: revoked, replaced by a newer certificate of the same holder, expired (the day
 * after its last valid day), expiring (within the 30-day renewal window), or active.
 */
export function certificateState(
  cert: Pick<TrackedCertificate, 'validUntil' | 'revoked'>,
  today: string,
  superseded = false,
): CertificateState {
  if (cert.revoked) return 'DICABUT';
  if (superseded) return 'DIGANTI';
  const left = daysLeft(cert.validUntil, today);
  if (left < 0) return 'KEDALUWARSA';
  if (left <= RENEWAL_WINDOW_DAYS) return 'SEGERA_KEDALUWARSA';
  return 'AKTIF';
}

/**
 * Serials replaced by a later certificate of the same holder (same NIP, else same e-mail): after a renewal or a data
 * change the old certificate gets no more notices and no longer counts as active or expired. A row repeating the
 * newest serial (the same certificate recorded twice) is not a replacement.
 */
export function supersededSerials(certs: readonly TrackedCertificate[]): Set<string> {
  const holder = (c: TrackedCertificate) =>
    c.nip.trim() !== '' ? `nip:${c.nip.trim()}` : `email:${c.email.toLowerCase()}`;
  const latest = new Map<string, TrackedCertificate>();
  for (const c of certs) {
    const key = holder(c);
    const seen = latest.get(key);
    if (!seen || later(c, seen)) latest.set(key, c);
  }
  const out = new Set<string>();
  for (const c of certs) {
    const newest = latest.get(holder(c));
    if (newest && newest !== c && newest.serial !== c.serial) out.add(c.serial);
  }
  return out;
}

function later(a: TrackedCertificate, b: TrackedCertificate): boolean {
  if (a.issuedAt !== b.issuedAt) return a.issuedAt > b.issuedAt;
  return a.validUntil > b.validUntil;
}

/**
 * The notice due for a certificate on `today`, or null. Only the most urgent due notice is sent (a certificate
 * recorded with 5 days left gets H-7, not H-30 and H-7 together), and a notice is never sent when it, or a later one,
 * was already sent: that is what makes the daily job safe to run twice or to catch up after missed days.
 */
export function dueNotice(cert: TrackedCertificate, today: string, superseded = false): NoticeKind | null {
  if (cert.revoked || superseded || dayOf(cert.validUntil) === '') return null;
  const left = daysLeft(cert.validUntil, today);
  const kind: NoticeKind | null =
    left < 0 ? 'EXPIRED' : left <= LAST_REMINDER_DAYS ? 'H7' : left <= RENEWAL_WINDOW_DAYS ? 'H30' : null;
  if (kind === null) return null;
  const rank = NOTICE_ORDER.indexOf(kind);
  const alreadyCovered = cert.noticesSent.some((sent) => NOTICE_ORDER.indexOf(sent) >= rank);
  return alreadyCovered ? null : kind;
}

/** One planned notice and the certificate's new state; the shell mails it and then records it as sent. */
export interface PlannedNotice {
  serial: string;
  kind: NoticeKind;
  daysLeft: number;
  certificate: TrackedCertificate;
}

/** The daily job's plan: notices to send and the state each certificate should show. */
export interface ExpiryPlan {
  notices: PlannedNotice[];
  states: { serial: string; state: CertificateState }[];
}

/** Plans a day of the expiry job over all certificates (pure: the shell mails, then records each notice as sent). */
export function planExpiry(certs: readonly TrackedCertificate[], today: string): ExpiryPlan {
  const superseded = supersededSerials(certs);
  const notices: PlannedNotice[] = [];
  const states: ExpiryPlan['states'] = [];
  for (const cert of certs) {
    if (cert.serial.trim() === '' || dayOf(cert.validUntil) === '') continue;
    const isOld = superseded.has(cert.serial);
    states.push({ serial: cert.serial, state: certificateState(cert, today, isOld) });
    const kind = dueNotice(cert, today, isOld);
    if (kind)
      notices.push({ serial: cert.serial, kind, daysLeft: daysLeft(cert.validUntil, today), certificate: cert });
  }
  return { notices, states };
}

/** Reads the notices-sent cell ("H-30, H-7") back into kinds; unknown words are ignored. */
export function parseNoticesSent(text: string, labels: Readonly<Record<NoticeKind, string>>): NoticeKind[] {
  const parts = text
    .split(/[,;\n]/)
    .map((p) => p.trim().toLowerCase())
    .filter((p) => p !== '');
  return NOTICE_ORDER.filter(
    (kind) => parts.includes(labels[kind].toLowerCase()) || parts.includes(kind.toLowerCase()),
  );
}

/** Writes the notices-sent cell, in due order. */
export function formatNoticesSent(kinds: readonly NoticeKind[], labels: Readonly<Record<NoticeKind, string>>): string {
  return NOTICE_ORDER.filter((k) => kinds.includes(k))
    .map((k) => labels[k])
    .join(', ');
}
