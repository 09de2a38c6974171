// Local end-to-end figure: applications from form submit to issued certificate, driven through the emulator, with peak memory.

import { join } from 'node:path';
import type { Emulator } from '../emulator';
import type { EmulatorState } from '../emulator/state';
import { SHEET_NAMES } from '../src/core/messages/shell';
import { ID_HEADER } from '../src/core/register-schema';
import type { RosterRole } from '../src/core/settings';
import { DEFAULT_SETTINGS } from '../src/core/settings';
import { type ActorRole, SEED_SOP } from '../src/core/sop';
import { sandimanChecklist } from '../src/core/workflow';
import { holderRole, routeOf } from '../src/core/workflow-route';
import { STATUS, type Status } from '../src/core/workflow-types';
import { formAnswers } from './events';
import { bundleDir, newEmulator, OWNER, ROOT, START, sheetState, signedToken, trimExecutions } from './harness';
import { setUpProgram } from './setup';

export interface LocalFigures {
  applications: number;
  issued: number;
  executions: number;
  wallMs: number;
  maxRssMb: number;
  via: string;
  failures: string[];
}

const STEPS: { status: Status; fields: Record<string, string | string[]> }[] = [
  {
    status: STATUS.MENUNGGU_DISPOSISI_KADIS,
    fields: { action: 'DISPOSE', toEmail: DEFAULT_SETTINGS.roster.KABID_PERSANDIAN[0] ?? '', instruction: 'Proses' },
  },
  {
    status: STATUS.DIDISPOSISIKAN_KABID,
    fields: { action: 'DISPOSE', toEmail: DEFAULT_SETTINGS.roster.SANDIMAN[0] ?? '', instruction: 'Periksa' },
  },
  {
    status: STATUS.DITERUSKAN_SANDIMAN,
    fields: {
      action: 'VERIFY',
      check: sandimanChecklist(SEED_SOP),
      toEmail: DEFAULT_SETTINGS.roster.VERIFIKATOR[0] ?? '',
      note: 'Lengkap',
    },
  },
  { status: STATUS.DITERUSKAN_VERIFIKATOR, fields: { action: 'SUBMIT_TO_BSRE' } },
  { status: STATUS.DIAJUKAN_BSRE, fields: { action: 'BSRE_ACCOUNT_SENT' } },
  { status: STATUS.AKUN_BSRE_DIKIRIM, fields: { action: 'BSRE_VERIFIED' } },
  { status: STATUS.TERVERIFIKASI_BSRE, fields: { action: 'PASSPHRASE_SET' } },
  {
    status: STATUS.PASSPHRASE_DIATUR,
    fields: { action: 'CERTIFICATE_ISSUED', serial: 'SN-LOCAL', validUntil: '2028-03-02' },
  },
];

function body(fields: Record<string, string | string[]>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(fields))
    for (const one of Array.isArray(v) ? v : [v]) parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(one)}`);
  return parts.join('&');
}

/**
 * The newest application in a register sheet: its row (1-based) and number. The last row holding an ID, not the grid's
 * last row: an append that grows the grid adds empty rows after it (insertRowsAfter), as Sheets does.
 */
function newestIn(sheet: { values: unknown[][] } | undefined): { row: number; id: string } {
  const values = sheet?.values ?? [];
  const at = (values[0] ?? []).map(String).indexOf(ID_HEADER);
  for (let i = values.length - 1; i >= 1; i--) {
    const id = String(values[i]?.[at] ?? '');
    if (id) return { row: i + 1, id };
  }
  return { row: 0, id: '' };
}

function statusOf(emu: Emulator, row: number): string {
  const sheet = sheetState(emu, SHEET_NAMES.register);
  const header = (sheet?.values[0] ?? []).map(String);
  return String(sheet?.values[row - 1]?.[header.indexOf('Kode status')] ?? '');
}

/**
 * Takes `count` applications through the whole SOP: form submit, e-mail verification, the office's decisions and
 * BSrE's outcomes, each as the web-app POST its mail link leads to (tokens signed with the program's secret).
 * Driven through the emulator directly; the simulator's HTTP API serves the same executions one at a time.
 */
export async function localRun(count: number): Promise<LocalFigures> {
  const emu = newEmulator();
  setUpProgram(emu);
  const failures: string[] = [];
  let executions = 0;
  let issued = 0;
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    const email = `lokal${i}@bolmongkab.go.id`;
    const answers = formAnswers(100_000 + i);
    const submitted = emu.submitForm({ ...answers }, { respondentEmail: email });
    executions += submitted.executions.length;
    const { row, id } = newestIn(sheetState(emu, SHEET_NAMES.register));
    const applicant = String(
      answers[Object.keys(answers).find((k) => /email/i.test(k) && String(answers[k]).includes('@')) ?? ''] ?? email,
    );
    let version = 1;
    const verify = signedToken(emu, {
      app: id,
      step: STATUS.MENUNGGU_VERIFIKASI_EMAIL,
      role: 'PEMOHON',
      to: applicant.toLowerCase(),
      ver: version,
      act: 'VERIFY_EMAIL',
    });
    emu.doPost({ body: body({ t: verify }), contentType: 'application/x-www-form-urlencoded', user: applicant });
    executions += 1;
    version += 1;
    for (const step of STEPS) {
      const role = holderRole(routeOf(SEED_SOP), step.status) as RosterRole;
      const to = DEFAULT_SETTINGS.roster[role][0] ?? '';
      const t = signedToken(emu, {
        app: id,
        step: step.status,
        role: role as ActorRole,
        to,
        ver: version,
        act: 'DECIDE',
      });
      emu.doPost({ body: body({ t, ...step.fields }), contentType: 'application/x-www-form-urlencoded', user: to });
      executions += 1;
      version += 1;
    }
    const final = statusOf(emu, row);
    if (final === STATUS.SERTIFIKAT_TERBIT) issued += 1;
    else if (failures.length < 5) failures.push(`${id}: ended in ${final}`);
    trimExecutions(emu);
  }
  const wallMs = performance.now() - t0;
  return {
    applications: count,
    issued,
    executions,
    wallMs,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    via: 'the emulator directly (web-app POSTs with signed links)',
    failures,
  };
}

/** The register's newest application (id, row) and a row's status code, read from the state (host side, no execution). */
function registerTail(state: EmulatorState): { id: string; row: number; statusAt: (row: number) => string } {
  const sheet = Object.values(state.spreadsheets)
    .flatMap((x) => x.sheets)
    .find((x) => x.name === SHEET_NAMES.register);
  const header = (sheet?.values[0] ?? []).map(String);
  return {
    ...newestIn(sheet),
    statusAt: (row) => String(sheet?.values[row - 1]?.[header.indexOf('Kode status')] ?? ''),
  };
}

/**
 * The same journey through the local simulator's HTTP API (scripts/simulator startSimulator, SQLite state saved after
 * every execution): POST /api/form-submit, then each decision as the POST its mail link leads to (POST /exec with
 * X-Simulator-User). Tokens are signed with the program's secret from the simulator's state.
 */
export async function simulatorRun(count: number): Promise<LocalFigures> {
  const { startSimulator } = await import('../scripts/simulator/server');
  const sim = await startSimulator({
    port: 0,
    dataFile: join(ROOT, '.local', 'bench-simulator.sqlite'),
    reset: true,
    codeDir: bundleDir(),
    owner: OWNER,
    start: START,
  });
  const host = sim.emulator;
  if (sim.seeded?.status !== 'COMPLETED') {
    for (const ss of Object.values(host.state.spreadsheets))
      for (const sheet of ss.sheets) sheet.maxColumns = Math.max(sheet.maxColumns, 100);
    host.run('setup_', [], { user: OWNER });
  }
  const signer = { state: host.state, now: () => host.now() };
  const failures: string[] = [];
  let executions = 0;
  let issued = 0;
  const post = async (path: string, user: string, payload: string, type: string) => {
    const response = await fetch(`${sim.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': type, 'X-Simulator-User': user },
      body: payload,
    });
    const text = await response.text();
    if (!response.ok && failures.length < 5) failures.push(`${path} ${response.status}: ${text.slice(0, 120)}`);
    return text;
  };
  const t0 = performance.now();
  try {
    for (let i = 0; i < count; i++) {
      const email = `simulasi${i}@bolmongkab.go.id`;
      const answers = formAnswers(200_000 + i);
      const applicant = String(
        answers[Object.keys(answers).find((k) => String(answers[k]).includes('@bolmongkab')) ?? ''] ?? email,
      ).toLowerCase();
      const submitted = JSON.parse(
        await post(
          '/api/form-submit',
          applicant,
          JSON.stringify({ answers, respondentEmail: applicant }),
          'application/json',
        ),
      ) as { executions?: unknown[] };
      executions += submitted.executions?.length ?? 0;
      const tail = registerTail(host.state);
      let version = 1;
      const verify = signedToken(signer, {
        app: tail.id,
        step: STATUS.MENUNGGU_VERIFIKASI_EMAIL,
        role: 'PEMOHON',
        to: applicant,
        ver: version,
        act: 'VERIFY_EMAIL',
      });
      await post('/exec', applicant, body({ t: verify }), 'application/x-www-form-urlencoded');
      executions += 1;
      version += 1;
      for (const step of STEPS) {
        const role = holderRole(routeOf(SEED_SOP), step.status) as RosterRole;
        const to = DEFAULT_SETTINGS.roster[role][0] ?? '';
        const t = signedToken(signer, {
          app: tail.id,
          step: step.status,
          role: role as ActorRole,
          to,
          ver: version,
          act: 'DECIDE',
        });
        await post('/exec', to, body({ t, ...step.fields }), 'application/x-www-form-urlencoded');
        executions += 1;
        version += 1;
      }
      const final = tail.statusAt(tail.row);
      if (final === STATUS.SERTIFIKAT_TERBIT) issued += 1;
      else if (failures.length < 5) failures.push(`${tail.id}: ended in ${final}`);
    }
  } finally {
    await sim.close();
  }
  return {
    applications: count,
    issued,
    executions,
    wallMs: performance.now() - t0,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    via: 'the local simulator HTTP API (startSimulator, SQLite saved after every execution)',
    failures,
  };
}
