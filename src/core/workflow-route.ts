// Derives the routing from the SOP definition: which role holds which status in which step, and what comes next.

import type { RosterRole } from './settings';
import { type SopDefinition, sopStages } from './sop';
import { STATUS, type Status } from './workflow-types';

/** An office stage: a role that must act while the application waits in `status`, inside SOP step `step`. */
export interface Stage {
  role: RosterRole;
  status: Status;
  step: number;
}

/** The route of one SOP: the office chain in order, then the BSrE steps. */
export interface Route {
  chain: Stage[];
  /** SOP step that covers submission to BSrE up to the passphrase (4 in the seed). */
  bsreStep: number;
  /** SOP step in which the certificate is issued (5 in the seed). */
  issueStep: number;
}

/** The waiting status of each office role that can hold an application; roles not listed never hold one. */
const ROLE_STATUS: ReadonlyArray<[RosterRole, Status]> = [
  ['KEPALA_DINAS', STATUS.MENUNGGU_DISPOSISI_KADIS],
  ['KABID_PERSANDIAN', STATUS.DIDISPOSISIKAN_KABID],
  ['SANDIMAN', STATUS.DITERUSKAN_SANDIMAN],
  ['VERIFIKATOR', STATUS.DITERUSKAN_VERIFIKATOR],
];

/** Roles whose step ends the office's decisions (after it, the Verifikator submits to BSrE). */
const DECIDING_ROLES: readonly RosterRole[] = ['KEPALA_DINAS', 'KABID_PERSANDIAN', 'SANDIMAN'];

/** The statuses of the BSrE stage, in order; all belong to the route's bsreStep except issuance. */
export const BSRE_STATUSES: readonly Status[] = [
  STATUS.DIAJUKAN_BSRE,
  STATUS.AKUN_BSRE_DIKIRIM,
  STATUS.TERVERIFIKASI_BSRE,
  STATUS.PASSPHRASE_DIATUR,
  STATUS.DITOLAK_BSRE,
];

/**
 * Builds the route from the SOP, so editing the SOP sheet changes who decides in which step: the office chain is
 * every deciding role in the order its step appears (a role listed twice counts once), and the Verifikator always
 * closes the chain in the last deciding step (the seed's step 3 says the Sandiman forwards to the Verifikator for
 * submission to BSrE). The step after the last deciding step is the BSrE step; the last step is issuance.
 */
export function routeOf(sop: SopDefinition): Route {
  const chain: Stage[] = [];
  let lastDecidingStep = 0;
  const stages = sopStages(sop);
  for (const step of stages) {
    for (const [role, status] of ROLE_STATUS) {
      if (!DECIDING_ROLES.includes(role) || !(step.actors as string[]).includes(role)) continue;
      if (chain.some((s) => s.role === role)) continue;
      chain.push({ role, status, step: step.no });
      lastDecidingStep = Math.max(lastDecidingStep, step.no);
    }
  }
  const steps = stages.map((s) => s.no).sort((a, b) => a - b);
  const first = steps[0] ?? 1;
  if (lastDecidingStep === 0) lastDecidingStep = first;
  chain.push({ role: 'VERIFIKATOR', status: STATUS.DITERUSKAN_VERIFIKATOR, step: lastDecidingStep });
  const later = steps.filter((n) => n > lastDecidingStep);
  const bsreStep = later[0] ?? lastDecidingStep;
  const issueStep = later[later.length - 1] ?? bsreStep;
  return { chain, bsreStep, issueStep };
}

/** The office stage an application waits in, or undefined when it is not waiting on the office chain. */
export function stageOf(route: Route, status: Status): Stage | undefined {
  return route.chain.find((s) => s.status === status);
}

/** The stage after the given one (undefined after the Verifikator: the BSrE stage follows). */
export function nextStage(route: Route, status: Status): Stage | undefined {
  const i = route.chain.findIndex((s) => s.status === status);
  return i < 0 ? undefined : route.chain[i + 1];
}

/** The SOP step an application is in for a status (0 when waiting on the applicant before step 1 starts). */
export function stepOfStatus(route: Route, status: Status): number {
  const stage = stageOf(route, status);
  if (stage) return stage.step;
  if (status === STATUS.SERTIFIKAT_TERBIT || status === STATUS.DICABUT || status === STATUS.PASSPHRASE_DIATUR_ULANG)
    return route.issueStep;
  if (BSRE_STATUSES.includes(status)) return status === STATUS.PASSPHRASE_DIATUR ? route.issueStep : route.bsreStep;
  return 0;
}

/** The role that must act next in a status (the Verifikator logs every BSrE outcome); undefined when none. */
export function holderRole(route: Route, status: Status): RosterRole | undefined {
  const stage = stageOf(route, status);
  if (stage) return stage.role;
  if (BSRE_STATUSES.includes(status)) return 'VERIFIKATOR';
  return undefined;
}
