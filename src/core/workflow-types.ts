// The workflow's vocabulary: statuses, the application record, actions, effects and the applyAction contract.
import type { WorkCalendar } from './business-time';
import type { RosterRole, Settings } from './settings';

/** Who acts on an application: an office role from the roster, the applicant, or the system (triggers). */
export type ActingRole = RosterRole | 'PEMOHON' | 'SISTEM';

import type { SopDefinition } from './sop';

/** Status codes stored in the register (machine-readable); labels are the glossary's words. */
export const STATUS = {
  /** The Form answers failed validation; waiting for the applicant to edit the response. */
  DATA_TIDAK_VALID: 'DATA_TIDAK_VALID',
  /** Valid application waiting for the applicant to confirm the .go.id address is active (SOP warning 1). */
  MENUNGGU_VERIFIKASI_EMAIL: 'MENUNGGU_VERIFIKASI_EMAIL',
  MENUNGGU_DISPOSISI_KADIS: 'MENUNGGU_DISPOSISI_KADIS',
  DIDISPOSISIKAN_KABID: 'DIDISPOSISIKAN_KABID',
  DITERUSKAN_SANDIMAN: 'DITERUSKAN_SANDIMAN',
  DITERUSKAN_VERIFIKATOR: 'DITERUSKAN_VERIFIKATOR',
  DIAJUKAN_BSRE: 'DIAJUKAN_BSRE',
  AKUN_BSRE_DIKIRIM: 'AKUN_BSRE_DIKIRIM',
  TERVERIFIKASI_BSRE: 'TERVERIFIKASI_BSRE',
  PASSPHRASE_DIATUR: 'PASSPHRASE_DIATUR',
  SERTIFIKAT_TERBIT: 'SERTIFIKAT_TERBIT',
  /** End of a revocation: BSrE revoked the certificate the application names. */
  DICABUT: 'DICABUT',
  /** End of a passphrase reset: the holder set a new passphrase at BSrE. */
  PASSPHRASE_DIATUR_ULANG: 'PASSPHRASE_DIATUR_ULANG',
  DIKEMBALIKAN: 'DIKEMBALIKAN',
  DITOLAK: 'DITOLAK',
  DITOLAK_BSRE: 'DITOLAK_BSRE',
} as const;
export type Status = (typeof STATUS)[keyof typeof STATUS];

/** Indonesian labels, exactly the glossary's statuses (plus the two intake states). */
export const STATUS_LABELS: Readonly<Record<Status, string>> = {
  DATA_TIDAK_VALID: 'Data tidak valid, menunggu perbaikan',
  MENUNGGU_VERIFIKASI_EMAIL: 'Menunggu verifikasi email',
  MENUNGGU_DISPOSISI_KADIS: 'Menunggu disposisi Kepala Dinas',
  DIDISPOSISIKAN_KABID: 'Didisposisikan ke Kabid Persandian',
  DITERUSKAN_SANDIMAN: 'Diteruskan ke Sandiman',
  DITERUSKAN_VERIFIKATOR: 'Diteruskan ke Verifikator',
  DIAJUKAN_BSRE: 'Diajukan ke BSrE',
  AKUN_BSRE_DIKIRIM: 'Akun BSrE dikirim',
  TERVERIFIKASI_BSRE: 'Terverifikasi BSrE',
  PASSPHRASE_DIATUR: 'Passphrase sudah diatur',
  SERTIFIKAT_TERBIT: 'Sertifikat terbit',
  DICABUT: 'Dicabut',
  PASSPHRASE_DIATUR_ULANG: 'Passphrase sudah diatur ulang',
  DIKEMBALIKAN: 'Dikembalikan untuk perbaikan',
  DITOLAK: 'Ditolak',
  DITOLAK_BSRE: 'Ditolak BSrE',
};

/** Statuses in which the application is finished (no further action except a new application). */
export const FINAL_STATUSES: readonly Status[] = [
  STATUS.SERTIFIKAT_TERBIT,
  STATUS.DICABUT,
  STATUS.PASSPHRASE_DIATUR_ULANG,
  STATUS.DITOLAK,
];

/** Statuses waiting on the applicant (the office clock does not run). */
export const APPLICANT_STATUSES: readonly Status[] = [
  STATUS.DATA_TIDAK_VALID,
  STATUS.MENUNGGU_VERIFIKASI_EMAIL,
  STATUS.DIKEMBALIKAN,
];

/** Service types (glossary "Layanan"); the code values are what the register stores. */
export type ServiceCode = 'PENERBITAN_BARU' | 'PEMBARUAN' | 'RESET_PASSPHRASE' | 'PERUBAHAN_DATA' | 'PENCABUTAN';

/** The applicant's data as the workflow keeps it: masked NIK and a keyed hash, never the full NIK. */
export interface ApplicantFields {
  name: string;
  nikMasked: string;
  /** HMAC of the NIK (hex), for "one active application per NIK and service" without storing the NIK. */
  nikKey: string;
  nip: string;
  employmentStatus: 'PNS' | 'PPPK';
  position: string;
  unit: string;
  email: string;
  phone: string;
  service: ServiceCode;
  /** Drive links given in the Form (request letter, KTP); empty when the applicant brings the files. */
  letterLink: string;
  ktpLink: string;
  /** True when the applicant chose the SOP's "bring the files to Dinas Kominfo" path. */
  bringsFiles: boolean;
  /** Non-blocking warnings from validation (e.g. NIK/NIP birth date mismatch), shown to the Sandiman. */
  warnings: string[];
}

/** One validation problem of an invalid submission, already in Indonesian. */
export interface IntakeIssue {
  field: string;
  message: string;
}

/** What the form-submit handler learnt from the answers (after C's validateIntake). */
export type IntakeOutcome =
  | { ok: true; applicant: ApplicantFields }
  | {
      ok: false;
      issues: IntakeIssue[];
      /** What could be read (masked NIK only), so the invalid submission is recorded and answered. */
      partial: Partial<ApplicantFields>;
      /** True when the applicant has no official (.go.id) address: the mail points to SOP Pembuatan Email Dinas. */
      noOfficialEmail: boolean;
    };

/** Timing of one SOP step (keyed by step number in Application.steps). */
export interface StepTiming {
  step: number;
  /** ISO instant the step started (or resumed after a return for correction). */
  startedAt: string;
  endedAt: string | null;
  /** Who closed the step (e-mail). */
  actor: string;
  /** Business minutes accumulated before the latest resume (time waiting on the applicant is not counted). */
  minutesBefore: number;
  /** Business minutes in total once ended; null while running. */
  businessMinutes: number | null;
  /** Null while running or when the step has no time standard. */
  onTime: boolean | null;
  /** Set while the step waits on the applicant (returned for correction): the clock does not run. */
  pausedAt: string | null;
  remindedAt: string | null;
  escalatedAt: string | null;
}

/** A disposition of the Kepala Dinas or the Kabid (SOP output of steps 1 and 2; printed on the Lembar Disposisi). */
export interface Disposition {
  step: number;
  fromRole: RosterRole;
  fromEmail: string;
  toRole: RosterRole;
  toEmail: string;
  instruction: string;
  at: string;
}

/** One entry of the application's own history (the audit log holds the full, chained record). */
export interface HistoryEntry {
  at: string;
  actor: string;
  role: ActingRole;
  action: ActionType | 'SUBMIT';
  from: Status | null;
  to: Status;
  note: string;
}

/** BSrE rejection reasons (the Verifikator picks one). */
export type BsreRejectCode = 'KTP_TIDAK_SESUAI' | 'EMAIL_TIDAK_AKTIF' | 'NIK_TIDAK_TERDAFTAR' | 'LAINNYA';

/** The application as the register holds it (one row; nested parts stored as JSON cells). */
export interface Application {
  /** Internal ID and the applicant-facing reference number, e.g. 'TTE-2026-0001'. */
  id: string;
  responseId: string;
  editUrl: string;
  version: number;
  status: Status;
  /** SOP step number the application is in (0 before step 1 starts). */
  currentStep: number;
  /** The e-mail the current holder's mail went to ('' when waiting on the applicant or BSrE). */
  assignee: string;
  submittedAt: string;
  updatedAt: string;
  applicant: ApplicantFields;
  issues: IntakeIssue[];
  emailVerifiedAt: string | null;
  /** The status the application left when it was returned, and re-enters on resubmission. */
  returnedFrom: Status | null;
  returnReason: string;
  rejectReason: string;
  steps: Record<number, StepTiming>;
  dispositions: Disposition[];
  /** Sandiman's checklist: requirement text -> confirmed. */
  checklist: Record<string, boolean>;
  bsre: {
    submittedAt: string | null;
    accountSentAt: string | null;
    verifiedAt: string | null;
    passphraseSetAt: string | null;
    issuedAt: string | null;
    serial: string;
    validUntil: string;
    rejectCode: BsreRejectCode | null;
    rejectText: string;
  };
  history: HistoryEntry[];
}

/** Actions the users (and the system) can take on an application. */
export type Action =
  | { type: 'VERIFY_EMAIL' }
  | { type: 'DISPOSE'; toEmail: string; instruction: string }
  | { type: 'VERIFY'; checklist: Record<string, boolean>; toEmail: string; note: string }
  | { type: 'REJECT'; reason: string }
  | { type: 'RETURN'; reason: string }
  | { type: 'RESUBMIT'; outcome: IntakeOutcome }
  | { type: 'SUBMIT_TO_BSRE' }
  | { type: 'BSRE_ACCOUNT_SENT' }
  | { type: 'BSRE_VERIFIED' }
  | { type: 'PASSPHRASE_SET' }
  | { type: 'CERTIFICATE_ISSUED'; serial: string; validUntil: string }
  /** End of a revocation: the certificate is already named by the application, so nothing more is asked. */
  | { type: 'CERTIFICATE_REVOKED' }
  /** End of a passphrase reset: the certificate is unchanged, so no serial or date is asked. */
  | { type: 'PASSPHRASE_RESET_DONE' }
  | { type: 'BSRE_REJECTED'; code: BsreRejectCode; text: string }
  /** The Verifikator resubmits to BSrE after fixing what BSrE rejected ("Kirim ulang"). */
  | { type: 'BSRE_RESUBMIT'; note: string };
export type ActionType = Action['type'];

/** Mail templates (one renderer each in src/ui/mail). */
export type MailTemplate =
  | 'APPLICANT_RECEIVED' // reference number, status link, e-mail verification link
  | 'APPLICANT_INVALID' // what to fix + edit link
  | 'APPLICANT_NO_OFFICIAL_EMAIL' // pointer to SOP Pembuatan Email Dinas
  | 'APPLICANT_RETURNED' // reason + edit link
  | 'APPLICANT_REJECTED'
  | 'APPLICANT_BSRE_SUBMITTED' // check inbox for BSrE's mail
  | 'APPLICANT_BSRE_ACCOUNT' // register in BSrE's system
  | 'APPLICANT_BSRE_VERIFIED' // set the passphrase, never share it
  | 'APPLICANT_PASSPHRASE_SET'
  | 'APPLICANT_ISSUED' // download the certificate
  | 'APPLICANT_REVOKED' // the certificate is revoked
  | 'APPLICANT_PASSPHRASE_RESET' // the new passphrase is set
  | 'APPLICANT_BSRE_REJECTED'
  | 'OFFICIAL_ACTION' // the holder of a step must act (link to the web app)
  | 'OFFICIAL_REMINDER' // step passed its standard
  | 'OFFICIAL_ESCALATION'; // step passed twice its standard (to the superior)

/** A link the shell must sign and put in the mail (token bound to app, stage, recipient, version; expires). */
export interface LinkRequest {
  purpose: 'DECIDE' | 'VERIFY_EMAIL' | 'STATUS';
  /** The status the link acts in (the stage); a link is only valid while the application is still in it. */
  stage: Status;
  recipient: string;
  version: number;
  /** ISO instant; null for the status link (read-only, no personal data). */
  expiresAt: string | null;
}

/** Plain data for a mail renderer: every value already a display string (no full NIK anywhere). */
export interface MailData {
  reference: string;
  applicantName: string;
  nikMasked: string;
  nip: string;
  position: string;
  unit: string;
  email: string;
  serviceLabel: string;
  statusLabel: string;
  stepNo: number;
  stepActivity: string;
  stepRequirements: string[];
  stepMinutes: number | null;
  /** Who the mail is addressed to, e.g. 'Kepala Dinas'. */
  recipientLabel: string;
  reason: string;
  issues: IntakeIssue[];
  editUrl: string;
  serial: string;
  validUntil: string;
  instruction: string;
  warnings: string[];
  lateMinutes: number;
  /** The BSrE rejection reason, for the applicant's advice (null otherwise). */
  rejectCode: BsreRejectCode | null;
  /** For escalations: who holds the late step ("Sandiman: a@…, b@…"). */
  holders: string;
  /** Link to the SOP Pembuatan Email Dinas (a setting). */
  emailSopUrl: string;
}

/** Effects the shell carries out after a successful action, in order. */
export type Effect =
  | {
      type: 'SEND_MAIL';
      template: MailTemplate;
      to: string;
      cc: string[];
      data: MailData;
      /** Links to sign and add; keys are the renderer's link names ('action', 'status', 'verify', 'edit'). */
      links: Partial<Record<'action' | 'status' | 'verify', LinkRequest>>;
    }
  /** event is a key of AUDIT_EVENTS (messages/workflow.ts), whose value is the label the sheet shows. */
  | { type: 'AUDIT'; event: string; actor: string; before: Status | null; after: Status; note: string }
  /** Append or update the issued certificate in Sertifikat Terbit (SOP record keeping). */
  | { type: 'RECORD_CERTIFICATE'; certificate: CertificateRecord };

/** One row of Sertifikat Terbit. */
export interface CertificateRecord {
  applicationId: string;
  name: string;
  nikMasked: string;
  nip: string;
  position: string;
  unit: string;
  email: string;
  service: ServiceCode;
  serial: string;
  issuedAt: string;
  validUntil: string;
}

/** Who acts and in what circumstances; settings and the SOP come from the sheets on every event. */
export interface ActionContext {
  actor: { email: string; role: ActingRole };
  now: Date;
  sop: SopDefinition;
  settings: Settings;
  calendar: WorkCalendar;
}

export type ActionResult =
  | { ok: true; app: Application; effects: Effect[] }
  | { ok: false; code: ActionErrorCode; message: string };

/** Why an action was refused (message is Indonesian, from messages/workflow.ts). */
export type ActionErrorCode =
  | 'NOT_ALLOWED' // action not valid in the current status
  | 'WRONG_ROLE' // the actor's role does not hold this step
  | 'SEPARATION_OF_DUTIES' // actor already acted at another level, or is the applicant
  | 'INVALID_INPUT'; // missing reason, unchecked checklist, unknown recipient, bad date

/** New application from a Form response (the form-submit handler's input to openApplication). */
export interface NewApplicationInput {
  id: string;
  responseId: string;
  editUrl: string;
  submittedAt: Date;
  outcome: IntakeOutcome;
}

/**
 * The contract of src/core/workflow.ts (P2 codes against these):
 * - openApplication: a first Form response -> new application (invalid ones are kept as DATA_TIDAK_VALID) + effects.
 * - applyAction: one decision on an application; refuses (changing nothing) or returns the new record + effects.
 * - allowedActions: what a role may do now (for the decision page and the sidebar).
 */
export type OpenApplicationFn = (
  input: NewApplicationInput,
  ctx: ActionContext,
) => { app: Application; effects: Effect[] };
export type ApplyActionFn = (app: Application, action: Action, ctx: ActionContext) => ActionResult;
export type AllowedActionsFn = (app: Application, role: ActingRole, sop: SopDefinition) => ActionType[];

/** The BSrE part of an application before anything was submitted to BSrE: one definition for new and parsed records. */
export function noBsreOutcome(): Application['bsre'] {
  return {
    submittedAt: null,
    accountSentAt: null,
    verifiedAt: null,
    passphraseSetAt: null,
    issuedAt: null,
    serial: '',
    validUntil: '',
    rejectCode: null,
    rejectText: '',
  };
}
