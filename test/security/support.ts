// The security suite's shared tools: the tally of attacks and outcomes, world snapshots, and whole-world scans.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Emulator } from '../../emulator';
import type { SheetState } from '../../emulator/state';
import { APPLICANT, act, answers, setUp } from '../e2e/harness';

/** The figures the suite prints and writes to test-results/security-summary.json. */
export const tally = {
  linksAttacked: 0,
  linksRefused: 0,
  badInputsTried: 0,
  badInputsHandled: 0,
  concurrentExecutionsRun: 0,
  concurrentExecutionsConsistent: 0,
  faultsInjected: 0,
  faultsRecovered: 0,
  mailsQueued: 0,
  mailsSent: 0,
  mailsLost: 0,
  mailsSentTwice: 0,
  formulaCellsFromApplicants: 0,
  fullNikLeaks: 0,
  worldsScanned: 0,
};

/** Every emulator the suite built: the final sweep scans them all (formulas, NIKs, outbox). */
const worlds: Emulator[] = [];

/** Registers a world for the final sweep. */
export function track(emu: Emulator): Emulator {
  worlds.push(emu);
  return emu;
}

/** The full NIKs the suite's applicants typed (valid ones): none may appear outside Data Terbatas. */
export const knownNiks = new Set<string>();

/** Every spreadsheet's sheets of a world, by spreadsheet id. */
function allSheets(emu: Emulator): { spreadsheetId: string; sheet: SheetState }[] {
  return Object.values(emu.state.spreadsheets).flatMap((ss) =>
    ss.sheets.map((sheet) => ({ spreadsheetId: ss.id, sheet })),
  );
}

/** The id of Data Terbatas (the restricted spreadsheet). */
export function restrictedId(emu: Emulator): string {
  return emu.state.scriptProperties.RESTRICTED_SPREADSHEET_ID ?? '';
}

/** Formula cells anywhere in the world (every sheet's formulas grid, as getFormulas reports them). */
export function formulaCells(emu: Emulator): string[] {
  const out: string[] = [];
  for (const { spreadsheetId, sheet } of allSheets(emu)) {
    const formulas = emu.sheetFormulas(sheet.name, spreadsheetId);
    for (const row of formulas) for (const cell of row) if (cell) out.push(`${sheet.name}: ${cell}`);
  }
  return out;
}

/** Every text where staff, mail, pages or logs carry it, except Data Terbatas (which alone may hold the NIK). */
export function sharedEverywhere(emu: Emulator, pages: string[] = []): string {
  const restricted = restrictedId(emu);
  const cells = allSheets(emu)
    .filter(({ spreadsheetId }) => spreadsheetId !== restricted)
    .flatMap(({ spreadsheetId, sheet }) => emu.sheetDisplayValues(sheet.name, spreadsheetId).flat());
  const mails = emu.outbox().flatMap((mail) => [mail.to, mail.subject, mail.body, mail.htmlBody]);
  const logs = emu.executions().flatMap((run) => [...run.logs, run.error ?? '']);
  const forms = Object.values(emu.state.forms).flatMap((form) => [form.title, form.description]);
  return [...cells, ...mails, ...logs, ...forms, ...pages].join('\n');
}

/** The full test NIKs found in a text. */
export function leakedNiks(text: string): string[] {
  return [...knownNiks].filter((nik) => text.includes(nik));
}

/** A comparable picture of what an attack must not change: register, certificates, Data Terbatas, outbox, mails. */
export function snapshot(emu: Emulator): string {
  const restricted = restrictedId(emu);
  return JSON.stringify({
    register: emu.sheetValues('Register Permohonan'),
    issued: emu.sheetValues('Sertifikat Terbit'),
    outbox: emu.sheetValues('Kotak Keluar'),
    restricted: restricted ? emu.sheetValues('Data Terbatas', restricted) : [],
    mails: emu.outbox().length,
    properties: emu.state.scriptProperties,
  });
}

/** Outbox rows as header -> display value. */
export function outboxRows(emu: Emulator): Record<string, string>[] {
  const [header = [], ...rows] = emu.sheetDisplayValues('Kotak Keluar');
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i] ?? ''])));
}

/** A recipient list in one comparable form (the outbox joins with ',', MailApp reports ', '). */
export function recipients(to: string): string {
  return to
    .split(',')
    .map((address) => address.trim().toLowerCase())
    .filter(Boolean)
    .sort()
    .join(',');
}

/**
 * The final sweep over every world: the outbox settled a day later (quota reset), each queued mail sent exactly
 * once, no formula cell anywhere, no full NIK outside Data Terbatas.
 */
export function sweepWorlds(): { problems: string[] } {
  const problems: string[] = [];
  for (const emu of worlds) {
    emu.faults.clear();
    // A day later the quota has reset; the outbox trigger's job runs once (the clock jumps: no other work is due).
    emu.state.now += 25 * 3600_000;
    const flush = emu.run('flushOutbox_', [], { kind: 'TIME_DRIVEN' });
    if (flush.status !== 'COMPLETED') problems.push(`outbox flush failed: ${flush.error ?? ''}`);
    const rows = outboxRows(emu);
    const sent = rows.filter((row) => row.Status === 'Terkirim');
    tally.mailsQueued += rows.length;
    tally.mailsSent += sent.length;
    const delivered = emu.outbox();
    for (const row of rows) {
      const copies = delivered.filter(
        (mail) => mail.subject === row.Subjek && recipients(mail.to) === recipients(row.Kepada ?? ''),
      ).length;
      if (copies === 0) {
        tally.mailsLost += 1;
        problems.push(`mail lost: ${row.Status} ${row.Kepada} ${row.Subjek}`);
      }
    }
    const bySubject = new Map<string, number>();
    for (const mail of delivered)
      bySubject.set(
        `${recipients(mail.to)}|${mail.subject}`,
        (bySubject.get(`${recipients(mail.to)}|${mail.subject}`) ?? 0) + 1,
      );
    const rowsBySubject = new Map<string, number>();
    for (const row of rows)
      rowsBySubject.set(
        `${recipients(row.Kepada ?? '')}|${row.Subjek}`,
        (rowsBySubject.get(`${recipients(row.Kepada ?? '')}|${row.Subjek}`) ?? 0) + 1,
      );
    for (const [key, count] of bySubject) {
      if (count <= (rowsBySubject.get(key) ?? 0)) continue;
      tally.mailsSentTwice += 1;
      problems.push(`mail sent more often than queued: ${key} ${count}x`);
    }
    const formulas = formulaCells(emu);
    tally.formulaCellsFromApplicants += formulas.length;
    if (formulas.length > 0) problems.push(`formula cells: ${formulas.slice(0, 3).join(' | ')}`);
    const leaks = leakedNiks(sharedEverywhere(emu));
    tally.fullNikLeaks += leaks.length;
    if (leaks.length > 0) {
      const text = sharedEverywhere(emu);
      const at = text.indexOf(leaks[0] ?? '');
      problems.push(
        `full NIK outside Data Terbatas: ${leaks.join(', ')} in …${text.slice(Math.max(0, at - 160), at + 20)}`,
      );
    }
    tally.worldsScanned += 1;
  }
  return { problems };
}

/** Prints the figures as one block and writes them to test-results/security-summary.json. */
export function reportSummary(): void {
  const lines = [
    '==================== SECURITY SUITE SUMMARY ====================',
    `links attacked / refused ............... ${tally.linksAttacked} / ${tally.linksRefused}`,
    `bad inputs tried / handled ............. ${tally.badInputsTried} / ${tally.badInputsHandled}`,
    `concurrent executions run / consistent . ${tally.concurrentExecutionsRun} / ${tally.concurrentExecutionsConsistent}`,
    `faults injected / recovered ............ ${tally.faultsInjected} / ${tally.faultsRecovered}`,
    `mails queued / sent / lost ............. ${tally.mailsQueued} / ${tally.mailsSent} / ${tally.mailsLost}`,
    `mails sent twice ....................... ${tally.mailsSentTwice}`,
    `formula cells from applicants .......... ${tally.formulaCellsFromApplicants}`,
    `full NIKs outside Data Terbatas ........ ${tally.fullNikLeaks}`,
    `worlds scanned ......................... ${tally.worldsScanned}`,
    '================================================================',
  ];
  console.log(lines.join('\n'));
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const dir = join(root, 'test-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'security-summary.json'), `${JSON.stringify(tally, null, 2)}\n`);
}

/** A world with one application waiting for the Kepala Dinas's disposition. */
export function atKadis(): Emulator {
  const emu = track(setUp());
  knownNiks.add('7101201508850001');
  emu.submitForm(answers());
  act(emu, APPLICANT, { action: 'VERIFY_EMAIL' });
  emu.advanceClock(2);
  return emu;
}

/** Staff edits the Pengaturan row `label` by hand: the value (column B) and optionally the dates (C, D). */
export function setPengaturan(emu: Emulator, label: string, value: string, from = '', until = ''): void {
  const ss = emu.state.spreadsheets[emu.state.scriptProperties.SPREADSHEET_ID ?? ''];
  const sheet = ss?.sheets.find((s) => s.name === 'Pengaturan');
  const row = sheet?.values.find((r) => r[0] === label);
  if (!row) throw new Error(`no Pengaturan row ${label}`);
  row[1] = value;
  if (from) row[2] = from;
  if (until) row[3] = until;
}

/**
 * What an editor of the Form can do in the Form editor (or what a later edit by staff can do by mistake): remove every
 * response validation and every "required" flag. Google's UI then accepts anything, so only the program stands
 * between the answers and the register. Emulated on the Form's stored definition, as the editor's change would be.
 */
export function relaxForm(emu: Emulator): void {
  for (const form of Object.values(emu.state.forms)) {
    for (const item of form.items) {
      item.validation = null;
      item.required = false;
    }
  }
}
