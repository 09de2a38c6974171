// The Pengaturan sheet as data: roster (role -> e-mails), superiors, delegations, domains, links, expiry, calendar.
import type { ActorRole } from './sop';

/** Roles that appear in the roster (the office's people; the applicant and BSrE are not in it). */
export type RosterRole = 'KEPALA_DINAS' | 'KABID_PERSANDIAN' | 'KASI_PERSANDIAN' | 'SANDIMAN' | 'VERIFIKATOR' | 'ADMIN';

/** An acting official (Plt./Plh.) holding a role for a date range (inclusive, yyyy-MM-dd in WITA). */
export interface Delegation {
  role: RosterRole;
  email: string;
  from: string;
  until: string;
  note: string;
}

/** Everything the workflow reads from Pengaturan. */
export interface Settings {
  roster: Record<RosterRole, string[]>;
  /** Who is escalated to when a role's step passes twice its standard. */
  superiors: Partial<Record<RosterRole, RosterRole>>;
  delegations: Delegation[];
  allowedEmailDomains: string[];
  emailSopUrl: string;
  linkExpiryHours: number;
  retentionDays: number;
  /** Raw calendar rows, given to business-time's parser: working hours per weekday and holidays. */
  workingHours: Record<string, string>;
  holidays: { date: string; name: string }[];
}

/** Internal type guard so ActorRole values can be used where a roster role is expected. */
export function isRosterRole(role: ActorRole | string): role is RosterRole {
  return ['KEPALA_DINAS', 'KABID_PERSANDIAN', 'KASI_PERSANDIAN', 'SANDIMAN', 'VERIFIKATOR', 'ADMIN'].includes(role);
}

/** The calendar date (yyyy-MM-dd) of an instant in WITA (UTC+8, no daylight saving), without any time-zone API. */
export function witaDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

function sameEmail(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function activeDelegations(settings: Settings, role: RosterRole, at: Date): Delegation[] {
  const day = witaDate(at);
  return settings.delegations.filter((d) => d.role === role && d.from <= day && day <= d.until);
}

/**
 * Who receives a role's work now: an acting official (Plt./Plh.) whose delegation covers today replaces the roster,
 * so mail does not go to an official who is away.
 */
export function holdersOf(settings: Settings, role: RosterRole, at: Date): string[] {
  const acting = activeDelegations(settings, role, at);
  return acting.length > 0
    ? acting.map((d) => d.email.toLowerCase())
    : settings.roster[role].map((e) => e.toLowerCase());
}

/** Every role an address may act in now: its roster roles plus the roles delegated to it for today. */
export function rolesOf(settings: Settings, email: string, at: Date): RosterRole[] {
  const roles: RosterRole[] = [];
  for (const role of Object.keys(settings.roster) as RosterRole[]) {
    const inRoster = settings.roster[role].some((e) => sameEmail(e, email));
    const delegated = activeDelegations(settings, role, at).some((d) => sameEmail(d.email, email));
    if (inRoster || delegated) roles.push(role);
  }
  return roles;
}
