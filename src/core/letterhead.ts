// The office letterhead (kop surat) for printed documents and the report: read from Pengaturan rows, defaults from the SOP.

import { LIFECYCLE_SETTINGS_LABELS as L } from './messages/lifecycle';
import { escapeHtml } from './sanitize';
import type { SopDefinition } from './sop';

/** The kop surat lines, top to bottom. */
export interface Letterhead {
  government: string;
  office: string;
  address: string;
  contact: string;
}

/** Lifecycle settings the base Pengaturan reader ignores (it skips unknown rows), read here. */
export interface LifecycleSettings {
  letterhead: Letterhead;
  /** Drive folder for the monthly reports; '' lets the shell create one. */
  reportFolderId: string;
}

function cellText(value: unknown): string {
  return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
}

function norm(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * The default kop from the SOP's own header (the seed names the office, the regency and the address), so documents
 * carry the letterhead before anyone fills the Pengaturan rows.
 */
export function defaultLetterhead(sop: SopDefinition): Letterhead {
  const regency = sop.office.regency.trim();
  return {
    government: regency === '' ? '' : `PEMERINTAH ${regency.toUpperCase()}`,
    office: sop.office.name.trim().toUpperCase(),
    address: sop.office.address.trim(),
    contact: '',
  };
}

/** Reads the "Kop surat: …" and report-folder rows of Pengaturan; a row left empty keeps the default. */
export function parseLifecycleSettings(rows: readonly unknown[][], sop: SopDefinition): LifecycleSettings {
  const letterhead = defaultLetterhead(sop);
  let reportFolderId = '';
  for (const row of rows) {
    const label = norm(cellText(row[0]));
    const value = cellText(row[1]);
    if (label === '' || value === '') continue;
    if (label === norm(L.letterheadGovernment)) letterhead.government = value;
    else if (label === norm(L.letterheadOffice)) letterhead.office = value;
    else if (label === norm(L.letterheadAddress)) letterhead.address = value;
    else if (label === norm(L.letterheadContact)) letterhead.contact = value;
    else if (label === norm(L.reportFolderId) && /^[A-Za-z0-9_-]{10,}$/.test(value)) reportFolderId = value;
  }
  return { letterhead, reportFolderId };
}

/** The Pengaturan rows setup appends when missing (label, value, '', '', note), values from the defaults. */
export function lifecycleSettingsRows(sop: SopDefinition): string[][] {
  const d = defaultLetterhead(sop);
  return [
    [L.letterheadGovernment, d.government, '', '', ''],
    [L.letterheadOffice, d.office, '', '', ''],
    [L.letterheadAddress, d.address, '', '', ''],
    [L.letterheadContact, d.contact, '', '', ''],
    [L.reportFolderId, '', '', '', ''],
  ];
}

/** The kop as HTML (escaped), centred over a double rule, for the printables and the report. */
export function letterheadHtml(lh: Letterhead): string {
  const line = (text: string, style: string) => (text === '' ? '' : `<div style="${style}">${escapeHtml(text)}</div>`);
  return [
    '<div class="kop" style="text-align:center;border-bottom:3px double #000;padding-bottom:6px;margin-bottom:14px">',
    line(lh.government, 'font-size:15px;font-weight:bold;letter-spacing:0.5px'),
    line(lh.office, 'font-size:18px;font-weight:bold'),
    line(lh.address, 'font-size:12px'),
    line(lh.contact, 'font-size:12px'),
    '</div>',
  ].join('');
}
