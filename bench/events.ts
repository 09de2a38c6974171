// The workflow events and batch jobs the bench measures, for the program and for the peer bundle, on a generated register.
import type { Emulator, WebResponse } from '../emulator';
import { INTAKE_FORM } from '../src/core/intake-form';
import { SHEET_NAMES } from '../src/core/messages/shell';
import { DEFAULT_SETTINGS, type RosterRole } from '../src/core/settings';
import { type ActorRole, SEED_SOP } from '../src/core/sop';
import { sandimanChecklist } from '../src/core/workflow';
import { holderRole, routeOf } from '../src/core/workflow-route';
import { STATUS, type Status } from '../src/core/workflow-types';
import type { GeneratedRegister } from './generate';
import { type Outcome, signedToken } from './harness';

/** One event: `run(k)` performs it for the k-th time (k picks a fresh target application, so no run repeats). */
export interface BenchEvent {
  name: string;
  run: (k: number) => (Outcome | null | undefined)[];
}

const title = (key: string) => INTAKE_FORM.questions.find((q) => q.key === key)?.title ?? key;

/** Valid Form answers for the k-th new applicant (a NIK and e-mail no generated application uses). */
export function formAnswers(k: number): Record<string, string | string[]> {
  const q = (key: string) => INTAKE_FORM.questions.find((x) => x.key === key);
  const choice = (key: string, fallback: string) => q(key)?.choices?.[0] ?? fallback;
  const values: Record<string, string | string[]> = {
    name: `Budi Santoso ${String.fromCharCode(65 + (k % 26))}`,
    nik: `710101010190${String(1000 + k).slice(-4)}`,
    employmentStatus: 'PNS',
    nip: '199001012015031001',
    position: 'Pranata Komputer Ahli Pertama',
    unit: 'Dinas Komunikasi dan Informatika',
    hasOfficialEmail: choice('hasOfficialEmail', 'Ya'),
    email: `baru${k}@bolmongkab.go.id`,
    phone: '081234567890',
    service: 'Penerbitan baru',
    filesDelivery: choice('filesDelivery', ''),
    filesLink: '',
    consent: [q('consent')?.choices?.[0] ?? ''],
  };
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(values)) if (q(key)) out[title(key)] = value;
  return out;
}

function holderOf(status: Status): { role: ActorRole; email: string } {
  const role = holderRole(routeOf(SEED_SOP), status) as RosterRole | undefined;
  return role
    ? { role: role as ActorRole, email: DEFAULT_SETTINGS.roster[role][0] ?? '' }
    : { role: 'PEMOHON', email: '' };
}

/**
 * A page the program answered: its execution, marked failed when the decision it carried did not move the
 * application (its version in the register did not grow), with the page's title as the reason.
 */
function page(response: WebResponse, moved?: () => boolean): Outcome | null {
  const e = response.execution;
  if (!e)
    return {
      status: 'FAILED',
      error: `HTTP ${response.status}: ${response.content.slice(0, 80)}`,
      functionName: 'web',
    };
  if (e.status !== 'COMPLETED') return e;
  if (moved && !moved()) return { ...e, status: 'FAILED', error: `not applied: page "${response.title}"` };
  return e;
}

/** True when the application's version in the register is now above `before`. */
function movedPast(emu: Emulator, id: string, before: number): () => boolean {
  return () => {
    const sheet = emu.state.spreadsheets[emu.state.containerSpreadsheetId ?? '']?.sheets.find(
      (x) => x.name === SHEET_NAMES.register,
    );
    const header = (sheet?.values[0] ?? []).map(String);
    const idCol = header.indexOf('Nomor permohonan');
    const row = sheet?.values.find((r) => r[idCol] === id);
    return Number(row?.[header.indexOf('Versi')] ?? 0) > before;
  };
}

/** The k-th target in a status: walks the list from its middle, so the target sits deep in a large register. */
function target(gen: GeneratedRegister, status: Status, k: number): string {
  const list = gen.byStatus.get(status) ?? [];
  if (list.length === 0) throw new Error(`bench: no generated application in ${status}`);
  return list[(Math.floor(list.length / 2) + k) % list.length] as string;
}

function body(fields: Record<string, string | string[]>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(fields))
    for (const one of Array.isArray(v) ? v : [v]) parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(one)}`);
  return parts.join('&');
}

/** The decision each office status gets in the bench (the path forward, plus a return and a rejection). */
const DECISIONS: { name: string; status: Status; fields: () => Record<string, string | string[]> }[] = [
  {
    name: 'decision: Kepala Dinas disposes',
    status: STATUS.MENUNGGU_DISPOSISI_KADIS,
    fields: () => ({
      action: 'DISPOSE',
      toEmail: DEFAULT_SETTINGS.roster.KABID_PERSANDIAN[0] ?? '',
      instruction: 'Mohon diproses',
    }),
  },
  {
    name: 'decision: Kabid disposes',
    status: STATUS.DIDISPOSISIKAN_KABID,
    fields: () => ({ action: 'DISPOSE', toEmail: DEFAULT_SETTINGS.roster.SANDIMAN[0] ?? '', instruction: 'Periksa' }),
  },
  {
    name: 'decision: Sandiman verifies',
    status: STATUS.DITERUSKAN_SANDIMAN,
    fields: () => ({
      action: 'VERIFY',
      check: sandimanChecklist(SEED_SOP),
      toEmail: DEFAULT_SETTINGS.roster.VERIFIKATOR[0] ?? '',
      note: 'Lengkap',
    }),
  },
  {
    name: 'decision: Verifikator submits to BSrE',
    status: STATUS.DITERUSKAN_VERIFIKATOR,
    fields: () => ({ action: 'SUBMIT_TO_BSRE' }),
  },
  {
    name: 'decision: return for correction',
    status: STATUS.DITERUSKAN_SANDIMAN,
    fields: () => ({ action: 'RETURN', reason: 'Surat permohonan belum ditandatangani' }),
  },
  {
    name: 'decision: reject',
    status: STATUS.MENUNGGU_DISPOSISI_KADIS,
    fields: () => ({ action: 'REJECT', reason: 'Bukan pegawai Pemda Bolaang Mongondow' }),
  },
  { name: 'BSrE: account sent', status: STATUS.DIAJUKAN_BSRE, fields: () => ({ action: 'BSRE_ACCOUNT_SENT' }) },
  { name: 'BSrE: verified', status: STATUS.AKUN_BSRE_DIKIRIM, fields: () => ({ action: 'BSRE_VERIFIED' }) },
  { name: 'BSrE: passphrase set', status: STATUS.TERVERIFIKASI_BSRE, fields: () => ({ action: 'PASSPHRASE_SET' }) },
  {
    name: 'BSrE: certificate issued',
    status: STATUS.PASSPHRASE_DIATUR,
    fields: () => ({ action: 'CERTIFICATE_ISSUED', serial: 'SN-BENCH-1', validUntil: '2028-03-02' }),
  },
  {
    name: 'BSrE: rejected',
    status: STATUS.DIAJUKAN_BSRE,
    fields: () => ({ action: 'BSRE_REJECTED', code: 'EMAIL_TIDAK_AKTIF', text: 'Email tidak aktif' }),
  },
];

/** The program's events: form submit, every decision and BSrE outcome (POST from the link), status page, pages. */
export function programEvents(emu: Emulator, gen: GeneratedRegister, functions: Set<string>): BenchEvent[] {
  const events: BenchEvent[] = [];
  events.push({
    name: 'form submit',
    run: (k) => emu.submitForm(formAnswers(k), { respondentEmail: `baru${k}@bolmongkab.go.id` }).executions,
  });
  const emailStatus = STATUS.MENUNGGU_VERIFIKASI_EMAIL;
  events.push({
    name: 'applicant verifies e-mail',
    run: (k) => {
      const id = target(gen, emailStatus, k);
      const to = emailOf(id);
      const t = signedToken(emu, {
        app: id,
        step: emailStatus,
        role: 'PEMOHON',
        to,
        ver: ver(gen, emailStatus),
        act: 'VERIFY_EMAIL',
        row: gen.rows.get(id),
      });
      return [
        page(
          emu.doPost({ body: body({ t }), contentType: 'application/x-www-form-urlencoded', user: to }),
          movedPast(emu, id, ver(gen, emailStatus)),
        ),
      ];
    },
  });
  events.push({
    name: 'decision page (GET link)',
    run: (k) => {
      const status = STATUS.MENUNGGU_DISPOSISI_KADIS;
      const id = target(gen, status, k + 1000);
      const h = holderOf(status);
      const t = signedToken(emu, {
        app: id,
        step: status,
        role: h.role,
        to: h.email,
        ver: ver(gen, status),
        act: 'DECIDE',
        row: gen.rows.get(id),
      });
      return [page(emu.doGet({ query: { t }, user: h.email }))];
    },
  });
  for (const d of DECISIONS) {
    events.push({
      name: d.name,
      run: (k) => {
        const id = target(gen, d.status, k + (d.name.includes('return') || d.name.includes('reject') ? 500 : 0));
        const h = holderOf(d.status);
        const t = signedToken(emu, {
          app: id,
          step: d.status,
          role: h.role,
          to: h.email,
          ver: ver(gen, d.status),
          act: 'DECIDE',
          row: gen.rows.get(id),
        });
        return [
          page(
            emu.doPost({
              body: body({ t, ...d.fields() }),
              contentType: 'application/x-www-form-urlencoded',
              user: h.email,
            }),
            movedPast(emu, id, ver(gen, d.status)),
          ),
        ];
      },
    });
  }
  events.push({
    name: 'status page view',
    run: (k) => {
      const status = STATUS.DITERUSKAN_SANDIMAN;
      const id = target(gen, status, k + 2000);
      const to = emailOf(id);
      const t = signedToken(emu, {
        app: id,
        step: status,
        role: 'PEMOHON',
        to,
        ver: ver(gen, status),
        act: 'STATUS',
        row: gen.rows.get(id),
      });
      return [page(emu.doGet({ query: { t }, user: to }))];
    },
  });
  if (functions.has('openSidebar_')) {
    events.push({
      name: 'sidebar: open panel',
      run: (k) => {
        const status = STATUS.DITERUSKAN_SANDIMAN;
        const id = target(gen, status, k + 2500);
        const previous = emu.uiResponder;
        emu.uiResponder = () => ({ button: 'OK', text: id });
        try {
          return [emu.run('openSidebar_', [], { user: holderOf(status).email, kind: 'MENU' })];
        } finally {
          emu.uiResponder = previous;
        }
      },
    });
  }
  return events;
}

function ver(gen: GeneratedRegister, status: Status): number {
  return gen.versionByStatus.get(status) ?? 1;
}

function emailOf(id: string): string {
  const n = Number(id.slice(id.lastIndexOf('-') + 1));
  return `pemohon${n}@bolmongkab.go.id`;
}

/** The program's batch jobs (only those the bundle has). */
export function programJobs(emu: Emulator, functions: Set<string>): BenchEvent[] {
  const jobs: [string, string][] = [
    ['SLA reminders and escalation', 'runSlaCheck_'],
    ['outbox flush', 'flushOutbox_'],
    ['audit chain check', 'verifyAuditLog_'],
    ['expiry reminders', 'runExpiryCheck_'],
    ['dashboard refresh', 'refreshDashboard_'],
    ['integrity check', 'runIntegrityCheck_'],
    ['monthly report', 'runMonthlyReport_'],
  ];
  return jobs
    .filter(([, fn]) => functions.has(fn))
    .map(([name, fn]) => ({ name, run: () => [emu.run(fn, [], { kind: 'TRIGGER' })] }));
}

/** The same events and jobs in the peers' access pattern (bench/peers/whole-sheet.js). */
export function peerEvents(peer: Emulator, gen: GeneratedRegister): { events: BenchEvent[]; jobs: BenchEvent[] } {
  const decision = (status: Status, action: string, offset: number) => (k: number) => {
    const id = target(gen, status, k + offset);
    return [
      page(
        peer.doGet({ query: { id, action }, user: holderOf(status).email || emailOf(id) }),
        movedPast(peer, id, ver(gen, status)),
      ),
    ];
  };
  const view = (status: Status, offset: number) => (k: number) => {
    const id = target(gen, status, k + offset);
    return [page(peer.doGet({ query: { id, view: 'status' }, user: emailOf(id) }))];
  };
  const events: BenchEvent[] = [
    {
      name: 'form submit',
      run: (k) => [peer.run('peerFormSubmit_', [{ name: `Peer ${k}`, email: `peer${k}@bolmongkab.go.id` }])],
    },
    { name: 'applicant verifies e-mail', run: decision(STATUS.MENUNGGU_VERIFIKASI_EMAIL, 'VERIFY_EMAIL', 4000) },
    {
      name: 'decision page (GET link)',
      run: view(STATUS.MENUNGGU_DISPOSISI_KADIS, 5000),
    },
    ...DECISIONS.map((d, i) => ({
      name: d.name,
      run: decision(d.status, String(d.fields().action), 6000 + 100 * i),
    })),
    {
      name: 'status page view',
      run: view(STATUS.DITERUSKAN_SANDIMAN, 7000),
    },
    { name: 'sidebar: open panel', run: view(STATUS.DITERUSKAN_SANDIMAN, 7500) },
  ];
  const jobs: BenchEvent[] = [
    { name: 'SLA reminders and escalation', run: () => [peer.run('peerSla_', [], { kind: 'TRIGGER' })] },
    { name: 'outbox flush', run: () => [peer.run('peerFlush_', [], { kind: 'TRIGGER' })] },
    { name: 'audit chain check', run: () => [peer.run('peerAuditCheck_', [], { kind: 'TRIGGER' })] },
  ];
  return { events, jobs };
}
