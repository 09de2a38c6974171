// Rules of a lifecycle request: which issued certificate it concerns, the renewal window, and the revocation reason.

import { certificateState, renewalOpensOn, supersededSerials, type TrackedCertificate } from './expiry';
import { LIFECYCLE_ERRORS as E, LIFECYCLE_QUESTIONS, REVOCATION_REASON_LABELS } from './messages/lifecycle';
import { SERVICES_REQUIRING_CERTIFICATE, SERVICES_WITH_CERTIFICATE, type ServiceSopCode } from './service-sops';

/** Revocation reasons (Pencabutan). */
export type RevocationReason = keyof typeof REVOCATION_REASON_LABELS;

/** What a lifecycle service adds to an application: the certificate it concerns and, for revocation, why. */
export interface LifecycleRequest {
  service: ServiceSopCode;
  serial: string;
  revocationReason: RevocationReason | null;
  revocationNote: string;
}

/** One refused answer, keyed like the Form's other issues. */
export interface LifecycleIssue {
  field: 'serial' | 'revocationReason' | 'revocationNote';
  message: string;
}

const MIN_NOTE = 5;

/** A serial as staff and applicants write it: spaces removed, upper case (BSrE serials are hexadecimal). */
export function normaliseSerial(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

/** Reads a revocation reason from its Form label or its code; null when it is neither. */
export function revocationReasonOf(text: string): RevocationReason | null {
  const wanted = text.trim().toLowerCase();
  for (const [code, label] of Object.entries(REVOCATION_REASON_LABELS) as [RevocationReason, string][]) {
    if (label.toLowerCase() === wanted || code.toLowerCase() === wanted) return code;
  }
  return null;
}

/** The Form answers of the lifecycle questions, by their titles (absent questions read as ''). */
export function lifecycleAnswersOf(answers: Record<string, string | string[]>): {
  serial: string;
  revocationReason: string;
  revocationNote: string;
} {
  const get = (title: string) => {
    const v = answers[title];
    return (Array.isArray(v) ? v.join(', ') : (v ?? '')).trim();
  };
  return {
    serial: get(LIFECYCLE_QUESTIONS.serial),
    revocationReason: get(LIFECYCLE_QUESTIONS.revocationReason),
    revocationNote: get(LIFECYCLE_QUESTIONS.revocationNote),
  };
}

/**
 * Checks a lifecycle request against Sertifikat Terbit on the WITA date `today`. New issuance needs nothing. Renewal
 * and revocation must name a certificate (passphrase reset and data change may; when they do it is checked too) of
 * the applicant (same NIP or e-mail; a revocation for death is filed by
 * someone else) that is not revoked, not replaced, and not expired: an expired certificate needs a new application.
 * Renewal opens 30 days before the last valid day. Revocation needs a reason, and a note for "Alasan lain".
 */
export function checkLifecycleRequest(
  service: ServiceSopCode,
  answers: { serial: string; revocationReason: string; revocationNote: string },
  applicant: { nip: string; email: string },
  certificates: readonly TrackedCertificate[],
  today: string,
): { ok: true; request: LifecycleRequest } | { ok: false; issues: LifecycleIssue[] } {
  const issues: LifecycleIssue[] = [];
  const request: LifecycleRequest = { service, serial: '', revocationReason: null, revocationNote: '' };
  if (!SERVICES_WITH_CERTIFICATE.includes(service)) return { ok: true, request };
  const serviceLabel = serviceWord(service);

  let reason: RevocationReason | null = null;
  if (service === 'PENCABUTAN') {
    const note = answers.revocationNote.replace(/\s+/g, ' ').trim();
    if (answers.revocationReason === '') issues.push({ field: 'revocationReason', message: E.reasonRequired() });
    else {
      reason = revocationReasonOf(answers.revocationReason);
      if (reason === null)
        issues.push({ field: 'revocationReason', message: E.reasonUnknown(answers.revocationReason) });
    }
    if (reason === 'LAINNYA' && note.length < MIN_NOTE)
      issues.push({ field: 'revocationNote', message: E.noteRequired() });
    request.revocationReason = reason;
    request.revocationNote = note;
  }

  const serial = normaliseSerial(answers.serial);
  request.serial = serial;
  if (serial === '') {
    if (!SERVICES_REQUIRING_CERTIFICATE.includes(service))
      return issues.length > 0 ? { ok: false, issues } : { ok: true, request };
    issues.push({ field: 'serial', message: E.serialRequired(serviceLabel) });
    return { ok: false, issues };
  }
  const cert = certificates.find((c) => normaliseSerial(c.serial) === serial);
  if (!cert) {
    issues.push({ field: 'serial', message: E.serialUnknown(serial) });
    return { ok: false, issues };
  }
  const sameHolder =
    (applicant.nip.trim() !== '' && cert.nip.trim() === applicant.nip.trim()) ||
    cert.email.trim().toLowerCase() === applicant.email.trim().toLowerCase();
  const filedForAnother = service === 'PENCABUTAN' && reason === 'MENINGGAL';
  if (!sameHolder && !filedForAnother) issues.push({ field: 'serial', message: E.serialOtherHolder() });
  const state = certificateState(cert, today, supersededSerials(certificates).has(cert.serial));
  if (state === 'DICABUT') issues.push({ field: 'serial', message: E.revoked() });
  else if (state === 'DIGANTI') issues.push({ field: 'serial', message: E.superseded() });
  else if (state === 'KEDALUWARSA') {
    issues.push({
      field: 'serial',
      message: service === 'PENCABUTAN' ? E.expiredNoRevoke(cert.validUntil) : E.expiredNeedsNew(cert.validUntil),
    });
  } else if (service === 'PEMBARUAN' && today < renewalOpensOn(cert.validUntil)) {
    issues.push({ field: 'serial', message: E.renewalNotOpen(renewalOpensOn(cert.validUntil), cert.validUntil) });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, request };
}

const SERVICE_WORDS: Record<ServiceSopCode, string> = {
  PENERBITAN_BARU: 'Penerbitan baru',
  PEMBARUAN: 'Pembaruan',
  RESET_PASSPHRASE: 'Reset passphrase',
  PERUBAHAN_DATA: 'Perubahan data',
  PENCABUTAN: 'Pencabutan',
};

/** The glossary's name of a service. */
export function serviceWord(service: string): string {
  return SERVICE_WORDS[service as ServiceSopCode] ?? service;
}

/** The register column that keeps a lifecycle request, as staff read it. */
export const LIFECYCLE_REQUEST_HEADER = 'Rujukan layanan';

/** "Nomor seri AB12; alasan: Pensiun; keterangan: …" — what the register shows and parseLifecycleRequest reads back. */
export function formatLifecycleRequest(request: LifecycleRequest): string {
  if (request.serial === '') return '';
  const parts = [`Nomor seri ${request.serial}`];
  if (request.revocationReason) parts.push(`alasan: ${REVOCATION_REASON_LABELS[request.revocationReason]}`);
  if (request.revocationNote) parts.push(`keterangan: ${request.revocationNote.replace(/;/g, ',')}`);
  return parts.join('; ');
}

/** Reads the register cell back (for the printed Surat Permohonan); null when it holds no serial. */
export function parseLifecycleRequest(service: ServiceSopCode, text: string): LifecycleRequest | null {
  const serial = /Nomor seri ([^;]+)/.exec(text)?.[1]?.trim() ?? '';
  if (serial === '') return null;
  const reason = /alasan: ([^;]+)/.exec(text)?.[1]?.trim() ?? '';
  const note = /keterangan: ([^;]+)/.exec(text)?.[1]?.trim() ?? '';
  return { service, serial, revocationReason: reason ? revocationReasonOf(reason) : null, revocationNote: note };
}
