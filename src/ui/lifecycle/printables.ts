// Printable documents in the office letterhead: the pre-filled Surat Permohonan and the Lembar Disposisi.
import { type Letterhead, letterheadHtml } from '../../core/letterhead';
import { type LifecycleRequest, serviceWord } from '../../core/lifecycle-request';
import { REVOCATION_REASON_LABELS, PRINT_TEXT as T } from '../../core/messages/lifecycle';
import { escapeHtml } from '../../core/sanitize';
import { type SopDefinition, sopStages } from '../../core/sop';
import type { Application } from '../../core/workflow-types';
import { renderLembarDisposisi } from '../pages/lembar-disposisi';

const MONTHS = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];

/** "25 November 2026" for a yyyy-MM-dd day, as letters are dated. */
export function longDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1] ?? ''} ${y}`;
}

const PRINT_CSS = [
  '@page{size:A4;margin:20mm 20mm 20mm 25mm}',
  '*{box-sizing:border-box}',
  'td,p,div{overflow-wrap:anywhere}',
  '@media screen and (max-width:600px){body{font-size:11pt}.sign{margin-left:0}table.data{margin-left:0}}',
  'body{font-family:"Times New Roman",Times,serif;font-size:12pt;line-height:1.5;color:#000;background:#fff;margin:0 auto;max-width:170mm;padding:12px}',
  'table.data{border-collapse:collapse;margin:6px 0 6px 24px;max-width:calc(100% - 24px)}',
  'table.data td{padding:1px 6px;vertical-align:top;overflow-wrap:anywhere}',
  '.hint{font-family:Arial,Helvetica,sans-serif;font-size:10pt;background:#fef3c7;padding:6px 8px;border-radius:4px}',
  '.sign{margin:28px 0 0 55%;}',
  '.sign .space{height:70px}',
  '@media print{.hint{display:none}}',
].join('');

/** A whole printable page: the kop on top, then `body` (already escaped). */
export function printableDocument(title: string, letterhead: Letterhead, body: string): string {
  return [
    '<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title><style>${PRINT_CSS}</style></head><body>`,
    `<header>${letterheadHtml(letterhead)}</header>`,
    `<main>${body}</main>`,
    '</body></html>',
  ].join('');
}

/**
 * The Surat Permohonan pre-filled from the Form's answers (the SOP's step 1 requirement), for the applicant to print
 * and sign. Carries no NIK (the KTP copy goes with the files); lists the requirements of the service's first step.
 */
export function renderSuratPermohonan(
  app: Application,
  sop: SopDefinition,
  letterhead: Letterhead,
  request: LifecycleRequest | null,
  today: string,
): string {
  const a = app.applicant;
  const service = serviceWord(a.service);
  const rows: [string, string][] = [
    [T.name, a.name],
    [T.nip, a.nip],
    [T.employment, a.employmentStatus],
    [T.position, a.position],
    [T.unit, a.unit],
    [T.email, a.email],
    [T.phone, a.phone],
    [T.reference, app.id],
  ];
  if (request?.serial) rows.push([T.serial, request.serial]);
  if (request?.revocationReason) {
    const reason = REVOCATION_REASON_LABELS[request.revocationReason];
    rows.push([T.reason, request.revocationNote ? `${reason}: ${request.revocationNote}` : reason]);
  }
  const requirements = (sopStages(sop)[0]?.requirements ?? []).map((r) => `<li>${escapeHtml(r)}</li>`).join('');
  const body = [
    `<p class="hint">${escapeHtml(T.printHint)}</p>`,
    `<p style="text-align:right">${escapeHtml(`${T.place}, ${longDate(today)}`)}</p>`,
    `<table class="data" style="margin-left:0"><tr><td>${escapeHtml(T.subject)}</td><td>:</td><td>${escapeHtml(T.subjectText(service))}</td></tr></table>`,
    `<p>${escapeHtml(T.to)}<br>${escapeHtml(T.at)}</p>`,
    `<h1 style="text-align:center;font-size:12pt;text-decoration:underline;margin:12px 0">${escapeHtml(T.suratTitle)}</h1>`,
    `<p>${escapeHtml(T.opening)}</p>`,
    `<table class="data">${rows
      .filter(([, v]) => v !== '')
      .map(([k, v]) => `<tr><td>${escapeHtml(k)}</td><td>:</td><td>${escapeHtml(v)}</td></tr>`)
      .join('')}</table>`,
    `<p>${escapeHtml(T.body(service))}</p>`,
    requirements ? `<p>${escapeHtml(T.attachments)}</p><ol>${requirements}</ol>` : '',
    `<p>${escapeHtml(T.closing)}</p>`,
    `<div class="sign"><div>${escapeHtml(T.signature)}</div><div class="space">${escapeHtml('')}</div><div style="font-weight:bold;text-decoration:underline">${escapeHtml(a.name)}</div><div>${escapeHtml(`NIP. ${a.nip}`)}</div></div>`,
  ].join('');
  return printableDocument(`${T.suratTitle} ${app.id}`, letterhead, body);
}

/**
 * The Lembar Disposisi in the office letterhead: the page P1's renderer builds, with its plain office lines replaced by
 * the kop from Pengaturan (so both printables carry the same letterhead).
 */
export function renderLembarDisposisiWithLetterhead(
  app: Application,
  sop: SopDefinition,
  letterhead: Letterhead,
): string {
  const page = renderLembarDisposisi(app, sop);
  const officeLines = /<p style="text-align:center;margin:0">[\s\S]*?<\/p>/;
  const kop = letterheadHtml(letterhead);
  return officeLines.test(page) ? page.replace(officeLines, () => kop) : page.replace('<main>', () => `<main>${kop}`);
}
