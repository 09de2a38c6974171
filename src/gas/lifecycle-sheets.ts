// Shell reads for the lifecycle jobs: every service's SOP, the letterhead settings, all applications and certificates.
import { dayOf, type NoticeKind, parseNoticesSent, type TrackedCertificate } from '../core/expiry';
import { type LifecycleSettings, lifecycleSettingsRows, parseLifecycleSettings } from '../core/letterhead';
import { CERTIFICATE_LIFECYCLE_HEADERS as LH, NOTICE_LABELS } from '../core/messages/lifecycle';
import { SHEET_NAMES, SHELL_MESSAGES } from '../core/messages/shell';
import { applicationFromRow, certificateColumns, fromRow } from '../core/register-schema';
import { missingServiceSops, SERVICE_SOPS, sopsFromTable, sopsToTable } from '../core/service-sops';
import { type SopDefinition, sopToTable } from '../core/sop';
import type { Application, CertificateRecord } from '../core/workflow-types';
import type { Env } from './env';
import { certificateSpecs, openRegister } from './register';
import { cachedSheetValues } from './sheet-cache';
import { ensureSheet } from './sheet-setup';
import { type Cell, SheetTable } from './sheet-table';

/**
 * Every service's SOP from the SOP sheet (one block per service); a service the sheet lacks follows its built-in SOP.
 * A sheet that does not parse stops the job with its Indonesian errors.
 */
export function readServiceSops(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): SopDefinition[] {
  const parsed = sopsFromTable(
    cachedSheetValues(spreadsheet, SHEET_NAMES.sop, (rows) => !('errors' in sopsFromTable(rows))),
  );
  if ('errors' in parsed) throw new Error(SHELL_MESSAGES.sopInvalid(parsed.errors));
  return [...parsed.sops, ...missingServiceSops(parsed.sops)];
}

/**
 * Appends the SOP blocks of the services the sheet lacks (a sheet seeded before the lifecycle services), as plain
 * text below what is there; staff edits are never touched. Returns the service codes added.
 */
export function ensureServiceSopBlocks(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): string[] {
  const sheet = spreadsheet.getSheetByName(SHEET_NAMES.sop);
  if (!sheet) return [];
  const values = sheet.getDataRange().getValues();
  const empty = sheet.getLastRow() === 0;
  const parsed = empty ? { sops: [] } : sopsFromTable(values);
  if ('errors' in parsed) return [];
  const missing = empty ? Object.values(SERVICE_SOPS) : missingServiceSops(parsed.sops);
  if (missing.length === 0) return [];
  const width = sopToTable(SERVICE_SOPS.PENERBITAN_BARU)[0]!.length;
  const rows = empty ? sopsToTable(missing) : [Array(width).fill(''), ...sopsToTable(missing)];
  const range = sheet.getRange(sheet.getLastRow() + 1, 1, rows.length, width);
  range.setNumberFormat('@');
  range.setValues(rows);
  return missing.map((s) => s.code);
}

/** The letterhead and report folder rows of Pengaturan (defaults from the seed SOP's office). */
export function readLifecycleSettings(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sop: SopDefinition,
): LifecycleSettings {
  const sheet = spreadsheet.getSheetByName(SHEET_NAMES.settings);
  return parseLifecycleSettings(sheet ? sheet.getDataRange().getValues() : [], sop);
}

/** Appends the letterhead and report-folder rows to Pengaturan when missing; returns how many were added. */
export function ensureLifecycleSettingsRows(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sop: SopDefinition,
): number {
  const sheet = spreadsheet.getSheetByName(SHEET_NAMES.settings);
  if (!sheet || sheet.getLastRow() === 0) return 0;
  const labels = new Set(
    sheet
      .getRange(1, 1, sheet.getLastRow(), 1)
      .getValues()
      .map((r) => String(r[0]).trim().toLowerCase()),
  );
  const missing = lifecycleSettingsRows(sop).filter((row) => !labels.has(row[0]!.toLowerCase()));
  if (missing.length === 0) return 0;
  const range = sheet.getRange(sheet.getLastRow() + 1, 1, missing.length, 5);
  range.setNumberFormat('@');
  range.setValues(missing.map((r) => r.slice(0, 5)));
  return missing.length;
}

/** Every application in the register, in one read (periodic jobs only). */
export function readAllApplicationsOf(env: Env): Application[] {
  const register = openRegister(env.spreadsheet, env.sop);
  const last = register.sheet.getLastRow();
  if (last < 2) return [];
  const values = register.sheet.getRange(2, 1, last - 1, register.width).getValues();
  const index = register.index();
  return values.map((raw) => applicationFromRow(raw, index, env.sop)).filter((app) => app.id !== '');
}

/** A Sertifikat Terbit row as the lifecycle jobs see it. */
export interface StoredCertificate {
  row: number;
  record: CertificateRecord;
  tracked: TrackedCertificate;
  /** The two lifecycle cells as read (to write back only what changed). */
  state: string;
  notices: string;
}

/** The lifecycle columns of Sertifikat Terbit (added beside the register's own by ensureSheet). */
export const CERTIFICATE_LIFECYCLE_SPECS = [
  { header: LH.state, kind: 'text' as const },
  { header: LH.notices, kind: 'text' as const },
];

/**
 * Opens Sertifikat Terbit with the lifecycle columns by its header alone (2 calls; the expiry check, the Dasbor and a
 * revocation open it every run). Only when a column is missing (the first run after an upgrade, or a sheet staff
 * removed) is the sheet repaired, adding the columns without moving staff columns, and opened again.
 */
export function openCertificatesWithLifecycle(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): SheetTable {
  const specs = [...certificateSpecs(), ...CERTIFICATE_LIFECYCLE_SPECS];
  try {
    return SheetTable.openByName(spreadsheet, SHEET_NAMES.issued, specs);
  } catch {
    const { sheet } = ensureSheet(spreadsheet, SHEET_NAMES.issued, specs);
    return SheetTable.open(sheet, specs);
  }
}

const REVOKED_PATTERN = /^dicabut$/i;

/** Every certificate row in one read; "Dicabut" in the state column marks a revoked certificate. */
export function readCertificates(table: SheetTable): StoredCertificate[] {
  const last = table.sheet.getLastRow();
  if (last < 2) return [];
  const values = table.sheet.getRange(2, 1, last - 1, table.width).getValues() as Cell[][];
  const index = table.index();
  const blank: CertificateRecord = {
    applicationId: '',
    name: '',
    nikMasked: '',
    nip: '',
    position: '',
    unit: '',
    email: '',
    service: 'PENERBITAN_BARU',
    serial: '',
    issuedAt: '',
    validUntil: '',
  };
  const stateAt = index.get(LH.state);
  const noticesAt = index.get(LH.notices);
  const validAt = index.get('Berlaku sampai');
  return values
    .map((raw, i) => {
      const record = fromRow(raw, index, certificateColumns(), blank);
      const state = stateAt === undefined ? '' : String(raw[stateAt] ?? '').trim();
      const notices = noticesAt === undefined ? '' : String(raw[noticesAt] ?? '').trim();
      const validUntil = validAt === undefined ? '' : dayOf(raw[validAt]) || dayOf(record.validUntil);
      const tracked: TrackedCertificate = {
        serial: record.serial.trim(),
        applicationId: record.applicationId,
        name: record.name,
        nip: record.nip,
        unit: record.unit,
        email: record.email,
        issuedAt: record.issuedAt,
        validUntil,
        revoked: REVOKED_PATTERN.test(state),
        noticesSent: parseNoticesSent(notices, NOTICE_LABELS) as NoticeKind[],
      };
      return { row: i + 2, record, tracked, state, notices };
    })
    .filter((c) => c.tracked.serial !== '');
}
