// The daily expiry job: marks each certificate's state in Sertifikat Terbit and mails the H-30, H-7 and expiry notices once.
import { formatNoticesSent, type NoticeKind, planExpiry, witaDay } from '../core/expiry';
import { INTAKE_FORM } from '../core/intake-form';
import {
  CERTIFICATE_STATE_LABELS,
  CERTIFICATE_LIFECYCLE_HEADERS as LH,
  LIFECYCLE_QUESTIONS,
  NOTICE_LABELS,
} from '../core/messages/lifecycle';
import { ROLE_LABELS } from '../core/messages/workflow';
import { holdersOf } from '../core/settings';
import { renderExpiryMail } from '../ui/lifecycle/expiry-mail';
import { type AuditEntry, appendAudit, openAudit } from './audit-log';
import { type Env, loadEnv } from './env';
import { openCertificatesWithLifecycle, readCertificates } from './lifecycle-sheets';
import { withScriptLock } from './lock';
import { enqueueMails, type OutgoingMail, openOutbox, sendOutboxRows } from './outbox';

/** What one run did (for the menu, the trigger log and tests). */
export interface ExpiryRunResult {
  notices: number;
  marked: number;
}

const AUDIT_EVENT = 'Pemberitahuan masa berlaku sertifikat';
const SERVICE_TITLE = INTAKE_FORM.questions.find((q) => q.key === 'service')?.title ?? '';

/**
 * The Form link in a notice: for H-30 and H-7 pre-filled with "Pembaruan" and the serial (when the Form has those
 * questions), for an expired certificate with "Penerbitan baru"; the published URL when pre-filling is not possible.
 */
function formLinkFor(env: Env, kind: NoticeKind, serial: string): string {
  if (!env.props.formId) return '';
  try {
    const form = FormApp.openById(env.props.formId);
    const response = form.createResponse();
    let filled = false;
    for (const item of form.getItems()) {
      const title = item.getTitle();
      if (title === SERVICE_TITLE && item.getType() === FormApp.ItemType.MULTIPLE_CHOICE) {
        response.withItemResponse(
          item.asMultipleChoiceItem().createResponse(kind === 'EXPIRED' ? 'Penerbitan baru' : 'Pembaruan'),
        );
        filled = true;
      } else if (
        title === LIFECYCLE_QUESTIONS.serial &&
        kind !== 'EXPIRED' &&
        item.getType() === FormApp.ItemType.TEXT
      ) {
        response.withItemResponse(item.asTextItem().createResponse(serial));
      }
    }
    return filled ? response.toPrefilledUrl() : form.getPublishedUrl();
  } catch (error) {
    console.log(`Tautan formulir tidak dapat dibuat: ${error instanceof Error ? error.message : String(error)}`);
    return '';
  }
}

/**
 * Runs the expiry check for today (WITA), under the script lock: plans the notices and states (core/expiry), writes
 * the state and the notices-sent cells of the rows that changed, appends one audit row per notice, then queues and
 * sends the mails (holder, with a copy to each Verifikator). The notices-sent record is written before the mails are
 * queued, and each mail has an outbox key, so a rerun the same day or a fault never sends a notice twice; a mail that
 * cannot go now waits in Kotak Keluar.
 */
export function runExpiryCheck(): ExpiryRunResult {
  return withScriptLock(() => {
    const env = loadEnv();
    const table = openCertificatesWithLifecycle(env.spreadsheet);
    const stored = readCertificates(table);
    const today = witaDay(env.now);
    const plan = planExpiry(
      stored.map((s) => s.tracked),
      today,
    );
    const bySerial = new Map(stored.map((s) => [s.tracked.serial, s]));
    const noticeFor = new Map(plan.notices.map((n) => [n.serial, n]));
    let marked = 0;
    for (const { serial, state } of plan.states) {
      const s = bySerial.get(serial);
      if (!s) continue;
      const notice = noticeFor.get(serial);
      const stateLabel = s.tracked.revoked ? s.state : CERTIFICATE_STATE_LABELS[state];
      const notices = notice ? formatNoticesSent([...s.tracked.noticesSent, notice.kind], NOTICE_LABELS) : s.notices;
      if (stateLabel === s.state && notices === s.notices) continue;
      const before = table.readRow(s.row);
      table.updateRow(s.row, before, { [LH.state]: stateLabel, [LH.notices]: notices });
      if (stateLabel !== s.state) marked += 1;
    }
    if (plan.notices.length === 0) return { notices: 0, marked };

    const verifikators = holdersOf(env.settings, 'VERIFIKATOR', env.now);
    const audits: AuditEntry[] = [];
    const mails: OutgoingMail[] = [];
    for (const notice of plan.notices) {
      const c = notice.certificate;
      const rendered = renderExpiryMail({
        kind: notice.kind,
        name: c.name,
        serial: c.serial,
        validUntil: c.validUntil,
        unit: c.unit,
        daysLeft: notice.daysLeft,
        formUrl: formLinkFor(env, notice.kind, c.serial),
      });
      const key = `KEDALUWARSA:${c.serial}:${notice.kind}`;
      const base = {
        subject: rendered.subject,
        html: rendered.html,
        text: rendered.text,
        applicationId: c.applicationId,
      };
      mails.push({ ...base, to: c.email, kind: `EXPIRY_${notice.kind}`, key });
      verifikators.forEach((to, i) => {
        mails.push({ ...base, to, kind: `EXPIRY_${notice.kind}_TEMBUSAN`, key: `${key}:tembusan:${i}` });
      });
      audits.push({
        at: env.now,
        applicationId: c.applicationId,
        event: AUDIT_EVENT,
        actor: 'SISTEM',
        role: ROLE_LABELS.SISTEM,
        before: '',
        after: '',
        note: `${NOTICE_LABELS[notice.kind]}; nomor seri ${c.serial}; berlaku sampai ${c.validUntil}`,
      });
    }
    appendAudit(openAudit(env.spreadsheet), audits);
    const outbox = openOutbox(env.spreadsheet);
    const rows = enqueueMails(outbox, mails, env.now);
    try {
      sendOutboxRows(outbox, rows, () => new Date());
    } catch (error) {
      console.log(`Pemberitahuan menunggu di Kotak Keluar: ${error instanceof Error ? error.message : String(error)}`);
    }
    return { notices: plan.notices.length, marked };
  });
}
