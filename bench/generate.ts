// Generates a register of N valid applications over every status straight into the emulator's state, in the program's own layout.
import { createHash } from 'node:crypto';
import type { Emulator } from '../emulator';
import type { CellValue, SheetState, SpreadsheetState } from '../emulator/state';
import { AUDIT_COLUMNS, AUDIT_GENESIS_HASH, chainRow } from '../src/core/audit-chain';
import { SHEET_NAMES, SHELL_MESSAGES } from '../src/core/messages/shell';
import { AUDIT_EVENTS, ROLE_LABELS } from '../src/core/messages/workflow';
import { formatReconcileCursor, RECONCILE_CURSOR_KEY } from '../src/core/reconcile';
import { certificateColumns, formatsOf, RESPONSE_ID_HEADER, registerColumns, toRow } from '../src/core/register-schema';
import { DEFAULT_SETTINGS, type RosterRole, type Settings } from '../src/core/settings';
import { SEED_SOP, type SopDefinition } from '../src/core/sop';
import { allowedActions, applyAction, certificateOf, openApplication, sandimanChecklist } from '../src/core/workflow';
import {
  type Action,
  type ActionContext,
  type ApplicantFields,
  type Application,
  type Effect,
  STATUS,
  STATUS_LABELS,
  type Status,
} from '../src/core/workflow-types';

/** Every status an application can be in, with how many of 100 generated applications get it. */
export const STATUS_SHARE: Readonly<Record<Status, number>> = {
  SERTIFIKAT_TERBIT: 32,
  DICABUT: 0,
  PASSPHRASE_DIATUR_ULANG: 0,
  DITOLAK: 8,
  DATA_TIDAK_VALID: 5,
  MENUNGGU_VERIFIKASI_EMAIL: 5,
  MENUNGGU_DISPOSISI_KADIS: 5,
  DIDISPOSISIKAN_KABID: 5,
  DITERUSKAN_SANDIMAN: 5,
  DITERUSKAN_VERIFIKATOR: 5,
  DIAJUKAN_BSRE: 5,
  AKUN_BSRE_DIKIRIM: 5,
  TERVERIFIKASI_BSRE: 5,
  PASSPHRASE_DIATUR: 5,
  DIKEMBALIKAN: 5,
  DITOLAK_BSRE: 5,
};

const TEMPLATE_EMAIL = 'template.pemohon@bolmongkab.go.id';

const VALID_APPLICANT: ApplicantFields = {
  name: 'Pemohon Contoh',
  nikMasked: '7101**********01',
  nikKey: 'k',
  nip: '198501012010011001',
  employmentStatus: 'PNS',
  position: 'Analis Kebijakan',
  unit: 'Dinas Komunikasi dan Informatika',
  email: TEMPLATE_EMAIL,
  phone: '+6281234567890',
  service: 'PENERBITAN_BARU',
  letterLink: 'https://drive.google.com/file/d/1contoh/view',
  ktpLink: '',
  bringsFiles: false,
  warnings: [],
};

/** The actor holding `type` in the application's status, from the roster (the applicant for applicant actions). */
function actorFor(app: Application, type: Action['type'], sop: SopDefinition, settings: Settings) {
  for (const role of Object.keys(settings.roster) as RosterRole[]) {
    const email = settings.roster[role][0];
    if (email && allowedActions(app, role, sop).includes(type)) return { email, role };
  }
  return { email: app.applicant.email, role: 'PEMOHON' as const };
}

/** One application's life up to `target`: the record and the audit effects, made by the program's own workflow. */
interface Template {
  app: Application;
  audits: Extract<Effect, { type: 'AUDIT' }>[];
}

function step(t: Template, action: Action, at: Date, sop: SopDefinition, settings: Settings): Template {
  const actor = actorFor(t.app, action.type, sop, settings);
  const ctx: ActionContext = { actor, now: at, sop, settings, calendar: settings.calendar };
  const result = applyAction(t.app, action, ctx);
  if (!result.ok) throw new Error(`bench generator: ${action.type} refused in ${t.app.status}: ${result.message}`);
  const audits = result.effects.filter((e): e is Extract<Effect, { type: 'AUDIT' }> => e.type === 'AUDIT');
  return { app: result.app, audits: [...t.audits, ...audits] };
}

/** The actions from a fresh valid application to each status (the path a real application takes). */
function pathTo(status: Status, settings: Settings): Action[] {
  const kabid = settings.roster.KABID_PERSANDIAN[0] ?? '';
  const sandiman = settings.roster.SANDIMAN[0] ?? '';
  const verifikator = settings.roster.VERIFIKATOR[0] ?? '';
  const main: [Status, Action][] = [
    [STATUS.MENUNGGU_DISPOSISI_KADIS, { type: 'VERIFY_EMAIL' }],
    [STATUS.DIDISPOSISIKAN_KABID, { type: 'DISPOSE', toEmail: kabid, instruction: 'Mohon diproses' }],
    [STATUS.DITERUSKAN_SANDIMAN, { type: 'DISPOSE', toEmail: sandiman, instruction: 'Periksa berkas' }],
    [STATUS.DITERUSKAN_VERIFIKATOR, { type: 'VERIFY', checklist: {}, toEmail: verifikator, note: 'Lengkap' }],
    [STATUS.DIAJUKAN_BSRE, { type: 'SUBMIT_TO_BSRE' }],
    [STATUS.AKUN_BSRE_DIKIRIM, { type: 'BSRE_ACCOUNT_SENT' }],
    [STATUS.TERVERIFIKASI_BSRE, { type: 'BSRE_VERIFIED' }],
    [STATUS.PASSPHRASE_DIATUR, { type: 'PASSPHRASE_SET' }],
    [STATUS.SERTIFIKAT_TERBIT, { type: 'CERTIFICATE_ISSUED', serial: 'SN-0001', validUntil: '2028-01-05' }],
  ];
  const upTo = (s: Status) => {
    const i = main.findIndex(([reached]) => reached === s);
    return main.slice(0, i + 1).map(([, a]) => a);
  };
  if (status === STATUS.MENUNGGU_VERIFIKASI_EMAIL) return [];
  if (status === STATUS.DIKEMBALIKAN)
    return [...upTo(STATUS.DITERUSKAN_SANDIMAN), { type: 'RETURN', reason: 'Surat permohonan belum ditandatangani' }];
  if (status === STATUS.DITOLAK)
    return [...upTo(STATUS.MENUNGGU_DISPOSISI_KADIS), { type: 'REJECT', reason: 'Bukan pegawai di lingkungan Pemda' }];
  if (status === STATUS.DITOLAK_BSRE)
    return [
      ...upTo(STATUS.DIAJUKAN_BSRE),
      { type: 'BSRE_REJECTED', code: 'EMAIL_TIDAK_AKTIF', text: 'Email tidak aktif' },
    ];
  return upTo(status);
}

/**
 * One template per status, made by openApplication and applyAction from the program's core, so every record is one
 * the program itself could have produced. Steps are 30 minutes apart, ending `ageMinutes` before `now`. The running
 * step of active templates is marked reminded and escalated (the steady state after the SLA job ran).
 */
export function buildTemplates(
  now: Date,
  sop: SopDefinition = SEED_SOP,
  settings: Settings = DEFAULT_SETTINGS,
  ageMinutes = 60 * 24 * 7,
): Map<Status, Template> {
  const out = new Map<Status, Template>();
  for (const status of Object.keys(STATUS_SHARE) as Status[]) {
    if (STATUS_SHARE[status] === 0) continue;
    const actions = status === STATUS.DATA_TIDAK_VALID ? [] : pathTo(status, settings);
    const start = new Date(now.getTime() - (ageMinutes + 30 * (actions.length + 1)) * 60_000);
    const ctx: ActionContext = {
      actor: { email: TEMPLATE_EMAIL, role: 'PEMOHON' },
      now: start,
      sop,
      settings,
      calendar: settings.calendar,
    };
    const outcome =
      status === STATUS.DATA_TIDAK_VALID
        ? {
            ok: false as const,
            issues: [{ field: 'nik', message: 'NIK harus 16 digit angka.' }],
            partial: { ...VALID_APPLICANT, nikMasked: '' },
            noOfficialEmail: false,
          }
        : { ok: true as const, applicant: VALID_APPLICANT };
    const opened = openApplication(
      { id: 'TTE-TEMPLATE', responseId: 'resp-template', editUrl: '', submittedAt: start, outcome },
      ctx,
    );
    let t: Template = {
      app: opened.app,
      audits: opened.effects.filter((e): e is Extract<Effect, { type: 'AUDIT' }> => e.type === 'AUDIT'),
    };
    actions.forEach((action, i) => {
      let a = action;
      if (a.type === 'VERIFY') {
        const items = Object.keys(sandimanChecklistOf(sop));
        a = { ...a, checklist: Object.fromEntries(items.map((k) => [k, true])) };
      }
      t = step(t, a, new Date(start.getTime() + 30 * (i + 1) * 60_000), sop, settings);
    });
    const running = t.app.steps[t.app.currentStep];
    if (running && running.endedAt === null) {
      running.remindedAt = new Date(now.getTime() - 60_000 * 60).toISOString();
      running.escalatedAt = new Date(now.getTime() - 60_000 * 30).toISOString();
    }
    out.set(status, t);
  }
  return out;
}

function sandimanChecklistOf(sop: SopDefinition): Record<string, true> {
  return Object.fromEntries(sandimanChecklist(sop).map((item) => [item, true as const]));
}

/** The status of the i-th generated application: the shares repeat every 100, so every status is spread evenly. */
export function statusAt(i: number): Status {
  let k = i % 100;
  for (const [status, share] of Object.entries(STATUS_SHARE) as [Status, number][]) {
    if (k < share) return status;
    k -= share;
  }
  return STATUS.SERTIFIKAT_TERBIT;
}

/** The application number of the i-th generated application (the program's pattern, TTE-yyyy-nnnnnn). */
export function idAt(i: number): string {
  return `TTE-2025-${String(i + 1).padStart(6, '0')}`;
}

export function emailAt(i: number): string {
  return `pemohon${i + 1}@bolmongkab.go.id`;
}

/** A copy of a template for the i-th application: its own number, name, e-mail, keys; the same history shape. */
/** The fields that make the i-th applicant distinct. */
function personalFields(i: number) {
  return {
    responseId: `resp-${i + 1}`,
    name: `Pemohon ${i + 1}`,
    nikKey: createHash('sha256').update(`nik:${i}`).digest('hex'),
    nikMasked: `7101**********${String(i % 100).padStart(2, '0')}`,
    nip: `1985010120100${String(10000 + (i % 90000)).slice(-5)}`,
  };
}

function personalise(t: Template, i: number): Application {
  const email = emailAt(i);
  const json = JSON.stringify(t.app).split(TEMPLATE_EMAIL).join(email).split('TTE-TEMPLATE').join(idAt(i));
  const app = JSON.parse(json) as Application;
  const p = personalFields(i);
  app.responseId = p.responseId;
  app.applicant.name = p.name;
  app.applicant.nikKey = p.nikKey;
  app.applicant.nikMasked = p.nikMasked;
  app.applicant.nip = p.nip;
  return app;
}

function findSheet(ss: SpreadsheetState, name: string): SheetState {
  const sheet = ss.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`bench generator: sheet "${name}" missing; run the program's setup first.`);
  return sheet;
}

function headerOf(sheet: SheetState): string[] {
  return (sheet.values[0] ?? []).map((c) => String(c).trim());
}

/** Appends rows (values + formats) to a sheet's state, growing the grid as Sheets would. */
function appendToSheet(sheet: SheetState, rows: CellValue[][], formats: string[]): void {
  for (const row of rows) {
    sheet.values.push(row);
    sheet.formulas.push([]);
    sheet.numberFormats.push(formats.slice());
  }
  sheet.maxRows = Math.max(sheet.maxRows, sheet.values.length + 100);
}

/** Signed-byte SHA-256, the shape Utilities.computeDigest gives (what audit-chain's Digest expects). */
function nodeDigest(text: string): number[] {
  return [...createHash('sha256').update(text, 'utf8').digest()].map((b) => (b > 127 ? b - 256 : b));
}

function auditTimeOf(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 19)} WITA`;
}

export interface GeneratedRegister {
  size: number;
  /** Row (1-based) of the application number in the register, by id. */
  rows: Map<string, number>;
  /** Ids by status, in register order. */
  byStatus: Map<Status, string[]>;
  auditRows: number;
  outboxRows: number;
  /** The record version of every application in a status (all copies of one template share it). */
  versionByStatus: Map<Status, number>;
  /** Applications whose running step just passed its standard, not yet reminded (the SLA job's work per run). */
  lateIds: string[];
}

/** How many applications become late between two SLA runs, and how many mails wait in the outbox, at any size. */
export const FRESH_WORK = { late: 5, pendingMails: 5 } as const;

/**
 * Kotak Keluar is a queue: the outbox flush removes sent mails older than its retention (60 days), so in the steady
 * state it holds only the mails of the applications of about the last two months. 2,000 a month is a heavy rate for
 * one regency (50,000 applications in about two years); below 4,000 every application's mails are still there.
 */
export const RECENT_MAIL_APPLICATIONS = 4_000;

/**
 * Writes `size` applications into the container spreadsheet's Register Permohonan (and their audit rows, the sent
 * mails of the last RECENT_MAIL_APPLICATIONS in Kotak Keluar, Sertifikat Terbit rows and Data Terbatas rows when those
 * sheets exist), through the program's record -> row mapping (register-schema toRow) under the headers the sheet
 * has. No service call is made.
 */
export function generateRegister(emu: Emulator, size: number, opts: { restrictedId?: string } = {}): GeneratedRegister {
  const lateIds: string[] = [];
  const state = emu.state;
  const container = state.containerSpreadsheetId;
  if (!container) throw new Error('bench generator: no container spreadsheet');
  const ss = state.spreadsheets[container] as SpreadsheetState;
  const now = emu.now();
  const templates = buildTemplates(now);
  const register = findSheet(ss, SHEET_NAMES.register);
  const headers = headerOf(register);
  const columns = registerColumns(SEED_SOP);
  const formatByHeader = formatsOf(columns) as Record<string, string>;
  const registerFormats = headers.map(
    (h) => formatByHeader[h] ?? (h === SHELL_MESSAGES.registerHeaders.responseTime ? 'yyyy-mm-dd hh:mm' : ''),
  );
  const responseTimeIndex = headers.indexOf(SHELL_MESSAGES.registerHeaders.responseTime);
  const templateRows = new Map<Status, CellValue[]>();
  /**
   * The i-th row from its status's template row: the same cells as personalise + toRow give (checked by the
   * call-count test's success of every event), made without a JSON round trip so 50,000 rows take seconds.
   */
  const quickRow = (status: Status, i: number): CellValue[] => {
    let base = templateRows.get(status);
    if (!base) {
      base = toRow((templates.get(status) as Template).app, headers, columns) as CellValue[];
      templateRows.set(status, base);
    }
    const email = emailAt(i);
    const id = idAt(i);
    const row = base.map((cell) =>
      typeof cell === 'string' && (cell.includes(TEMPLATE_EMAIL) || cell.includes('TTE-TEMPLATE'))
        ? cell.split(TEMPLATE_EMAIL).join(email).split('TTE-TEMPLATE').join(id)
        : cell,
    );
    const set = (header: string, value: CellValue) => {
      const at = headers.indexOf(header);
      if (at >= 0) row[at] = value;
    };
    const p = personalFields(i);
    set(RESPONSE_ID_HEADER, p.responseId);
    set('Nama (sesuai KTP)', p.name);
    set('Kunci NIK', p.nikKey);
    set('NIK (disamarkan)', p.nikMasked);
    set('NIP / NI PPPK', p.nip);
    return row;
  };
  const rows: CellValue[][] = [];
  const byStatus = new Map<Status, string[]>();
  const rowById = new Map<string, number>();
  const certificates: CellValue[][] = [];
  const auditSheet = ss.sheets.find((s) => s.name === SHEET_NAMES.audit);
  const outbox = ss.sheets.find((s) => s.name === SHEET_NAMES.outbox);
  const certSheet = ss.sheets.find((s) => s.name === SHEET_NAMES.issued);
  const auditRows: CellValue[][] = [];
  const outboxRows: CellValue[][] = [];
  let prev = AUDIT_GENESIS_HASH;
  if (auditSheet && auditSheet.values.length > 1)
    prev = String(auditSheet.values[auditSheet.values.length - 1]?.[9] ?? prev);
  const outboxHeaders = outbox ? headerOf(outbox) : [];
  const H = SHELL_MESSAGES.outboxHeaders;
  const sentLabel = SHELL_MESSAGES.outboxStatus.sent;
  const mailBody = 'Yth. Bapak/Ibu, status permohonan Anda telah berubah. '.repeat(20);
  const startRow = register.values.length + 1;
  for (let i = 0; i < size; i++) {
    const status = statusAt(i);
    const template = templates.get(status) as Template;
    const runningTemplate = template.app.steps[template.app.currentStep];
    const fresh =
      !!runningTemplate && runningTemplate.endedAt === null && lateIds.length < FRESH_WORK.late && i >= size - 100;
    let row: CellValue[];
    let app: Application;
    if (fresh) {
      app = personalise(template, i);
      const running = app.steps[app.currentStep];
      if (running) {
        running.remindedAt = null;
        running.escalatedAt = null;
      }
      lateIds.push(app.id);
      row = toRow(app, headers, columns) as CellValue[];
    } else {
      app = template.app;
      row = quickRow(status, i);
    }
    if (responseTimeIndex >= 0) row[responseTimeIndex] = new Date(app.submittedAt);
    rows.push(row);
    const id = idAt(i);
    const email = emailAt(i);
    rowById.set(id, startRow + i);
    const list = byStatus.get(status) ?? [];
    list.push(id);
    byStatus.set(status, list);
    if (status === STATUS.SERTIFIKAT_TERBIT && certSheet) {
      const p = personalFields(i);
      const certificate = {
        ...certificateOf(app),
        applicationId: id,
        name: p.name,
        nikMasked: p.nikMasked,
        nip: p.nip,
        email,
      };
      certificates.push(toRow(certificate, headerOf(certSheet), certificateColumns()) as CellValue[]);
    }
    if (auditSheet) {
      for (const audit of template.audits) {
        const at = app.history.find((h) => h.to === audit.after)?.at ?? app.updatedAt;
        const fields = [
          auditTimeOf(at),
          id,
          AUDIT_EVENTS[audit.event as keyof typeof AUDIT_EVENTS] ?? audit.event,
          audit.actor.split(TEMPLATE_EMAIL).join(email),
          ROLE_LABELS[(app.history.find((h) => h.to === audit.after)?.role ?? 'PEMOHON') as keyof typeof ROLE_LABELS] ??
            '',
          audit.before ? STATUS_LABELS[audit.before] : '',
          STATUS_LABELS[audit.after],
          audit.note,
        ];
        const hash = chainRow(prev, fields, nodeDigest);
        auditRows.push([...fields, prev, hash]);
        prev = hash;
      }
    }
    if (outbox && i >= size - RECENT_MAIL_APPLICATIONS) {
      for (const [k, audit] of template.audits.entries()) {
        const pending = i >= size - FRESH_WORK.pendingMails && k === 0;
        const record: Record<string, CellValue> = {
          [H.id]: `M-${i}-${k}`,
          [H.created]: new Date(app.updatedAt),
          [H.applicationId]: id,
          [H.kind]: audit.event,
          [H.to]: email,
          [H.subject]: `[${id}] ${STATUS_LABELS[audit.after]}`,
          [H.status]: pending ? SHELL_MESSAGES.outboxStatus.pending : sentLabel,
          [H.attempts]: pending ? 0 : 1,
          [H.lastAttempt]: pending ? '' : new Date(app.updatedAt),
          [H.sentAt]: pending ? '' : new Date(app.updatedAt),
          [H.lastError]: '',
          [H.key]: '',
          [H.text]: mailBody,
          [H.html]: `<p>${mailBody}</p>`,
        };
        outboxRows.push(outboxHeaders.map((h) => record[h] ?? ''));
      }
    }
  }
  appendToSheet(register, rows, registerFormats);
  if (certSheet)
    appendToSheet(
      certSheet,
      certificates,
      headerOf(certSheet).map(() => '@'),
    );
  if (auditSheet) {
    appendToSheet(
      auditSheet,
      auditRows,
      AUDIT_COLUMNS.map(() => '@'),
    );
    // The steady state: the hourly integrity check has reconciled the log up to its last row.
    state.scriptProperties[RECONCILE_CURSOR_KEY] = formatReconcileCursor({
      row: auditSheet.values.length + 1,
      since: now.getTime(),
    });
  }
  if (outbox)
    appendToSheet(
      outbox,
      outboxRows,
      outboxHeaders.map(() => ''),
    );
  if (opts.restrictedId) {
    const restricted = state.spreadsheets[opts.restrictedId];
    const sheet = restricted?.sheets.find((s) => s.name === SHEET_NAMES.restricted);
    if (sheet) {
      const rh = headerOf(sheet);
      const R = SHELL_MESSAGES.restrictedHeaders;
      const rrows: CellValue[][] = [];
      for (let i = 0; i < size; i++) {
        const record: Record<string, CellValue> = {
          [R.applicationId]: idAt(i),
          [R.nik]: `710101850101${String(i % 10000).padStart(4, '0')}`,
          [R.filesLink]: 'https://drive.google.com/file/d/1contoh/view',
          [R.recordedAt]: now,
          [R.updatedAt]: now,
        };
        rrows.push(rh.map((h) => record[h] ?? ''));
      }
      appendToSheet(
        sheet,
        rrows,
        rh.map(() => '@'),
      );
    }
  }
  const versionByStatus = new Map([...templates].map(([status, t]) => [status, t.app.version]));
  return {
    size,
    rows: rowById,
    byStatus,
    auditRows: auditRows.length,
    outboxRows: outboxRows.length,
    versionByStatus,
    lateIds,
  };
}
