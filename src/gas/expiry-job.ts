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
import type { SheetTable } from './sheet-table';

/** What one run did (for the menu, the trigger log and tests). */
export interface ExpiryRunResult {
  notices: number;
  marked: number;
  /** Notices due but left for the next run (beyond the batch). */
  waiting: number;
}

const AUDIT_EVENT = 'Pemberitahuan masa berlaku sertifikat';
const SERVICE_TITLE = INTAKE_FORM.questions.find((q) => q.key === 'service')?.title ?? '';

/** Stands for the serial in a pre-filled link made once per notice kind; letters and digits only, so never encoded. */
const SERIAL_PLACEHOLDER = 'NOMORSERI0PENGGANTI';

/**
 * The Form link of each notice kind: for H-30 and H-7 pre-filled with "Pembaruan" and the serial (when the Form has
 * those questions), for an expired certificate with "Penerbitan baru"; the published URL when pre-filling is not
 * possible. Made once per kind with a placeholder serial (the Form is opened once per run, not once per notice); the
 * result puts the certificate's own serial in its place.
 */
function formLinks(env: Env, kinds: readonly NoticeKind[]): (kind: NoticeKind, serial: string) => string {
  const links = new Map<NoticeKind, string>();
  if (env.props.formId && kinds.length > 0) {
    try {
      const form = FormApp.openById(env.props.formId);
      const items = form.getItems();
      for (const kind of kinds) {
        const response = form.createResponse();
        let filled = false;
        for (const item of items) {
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
            response.withItemResponse(item.asTextItem().createResponse(SERIAL_PLACEHOLDER));
          }
        }
        links.set(kind, filled ? response.toPrefilledUrl() : form.getPublishedUrl());
      }
    } catch (error) {
      console.log(`Tautan formulir tidak dapat dibuat: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return (kind, serial) => (links.get(kind) ?? '').split(SERIAL_PLACEHOLDER).join(encodeURIComponent(serial));
}

/**
 * Notices sent in one run, most urgent first (fewest days left). A notice costs about 2 to 3 s of service calls by
 * bench/cost-model.ts (its outbox rows, each checked for its key, marked and sent), so 40 keep a run near 2 minutes,
 * well under Apps Script's limit, and within a consumer account's 100 recipients a day. The rest are not marked as
 * sent, so the next run (the next day's trigger, or the menu item now) takes them up where this one stopped.
 */
const EXPIRY_BATCH = 40;
/** Optional Script Property lowering the batch (tests, or a slow day); never raises it above EXPIRY_BATCH. */
const BATCH_KEY = 'EXPIRY_CHECK_BATCH';

function expiryBatch(): number {
  const asked = Number(PropertiesService.getScriptProperties().getProperty(BATCH_KEY) ?? '');
  return Number.isInteger(asked) && asked > 0 ? Math.min(asked, EXPIRY_BATCH) : EXPIRY_BATCH;
}

/**
 * Writes the state and notices-sent cells of the changed rows: one read and one setValues over the rows from the
 * first to the last change (both columns in one range when they sit side by side, else one range each), the cells
 * between carried as read under the same lock. The calls do not grow with the number of certificates.
 */
function writeLifecycleCells(table: SheetTable, changes: Map<number, [string, string]>): void {
  if (changes.size === 0) return;
  const changed = [...changes.keys()];
  const first = Math.min(...changed);
  const count = Math.max(...changed) - first + 1;
  const stateColumn = table.column(LH.state);
  const noticesColumn = table.column(LH.notices);
  const spans =
    noticesColumn === stateColumn + 1
      ? [{ column: stateColumn, fields: [0, 1] }]
      : [
          { column: stateColumn, fields: [0] },
          { column: noticesColumn, fields: [1] },
        ];
  for (const { column, fields } of spans) {
    const range = table.sheet.getRange(first, column, count, fields.length);
    const values = range.getValues();
    for (const [row, cells] of changes) {
      const target = values[row - first] as unknown[];
      fields.forEach((field, k) => {
        target[k] = cells[field];
      });
    }
    range.setValues(values);
  }
}

/**
 * Runs the expiry check for today (WITA), under the script lock: plans the notices and states (core/expiry), writes
 * the state and the notices-sent cells of the rows that changed (in one batch), appends one audit row per notice,
 * then queues and sends the mails (holder, with a copy to each Verifikator). At most EXPIRY_BATCH notices per run,
 * most urgent first; the others wait, unmarked, for the next run. The notices-sent record is written before the
 * mails are queued, and each mail has an outbox key, so a rerun the same day or a fault never sends a notice twice;
 * a mail that cannot go now waits in Kotak Keluar.
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
    const urgent = [...plan.notices].sort((a, b) => a.daysLeft - b.daysLeft);
    const notices = urgent.slice(0, expiryBatch());
    const bySerial = new Map(stored.map((s) => [s.tracked.serial, s]));
    const noticeFor = new Map(notices.map((n) => [n.serial, n]));
    const changes = new Map<number, [string, string]>();
    let marked = 0;
    for (const { serial, state } of plan.states) {
      const s = bySerial.get(serial);
      if (!s) continue;
      const notice = noticeFor.get(serial);
      const stateLabel = s.tracked.revoked ? s.state : CERTIFICATE_STATE_LABELS[state];
      const sent = notice ? formatNoticesSent([...s.tracked.noticesSent, notice.kind], NOTICE_LABELS) : s.notices;
      if (stateLabel === s.state && sent === s.notices) continue;
      changes.set(s.row, [stateLabel, sent]);
      if (stateLabel !== s.state) marked += 1;
    }
    writeLifecycleCells(table, changes);
    const waiting = urgent.length - notices.length;
    if (notices.length === 0) return { notices: 0, marked, waiting };

    const verifikators = holdersOf(env.settings, 'VERIFIKATOR', env.now);
    const formUrl = formLinks(env, [...new Set(notices.map((n) => n.kind))]);
    const audits: AuditEntry[] = [];
    const mails: OutgoingMail[] = [];
    for (const notice of notices) {
      const c = notice.certificate;
      const rendered = renderExpiryMail({
        kind: notice.kind,
        name: c.name,
        serial: c.serial,
        validUntil: c.validUntil,
        unit: c.unit,
        daysLeft: notice.daysLeft,
        formUrl: formUrl(notice.kind, c.serial),
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
    return { notices: notices.length, marked, waiting };
  });
}
