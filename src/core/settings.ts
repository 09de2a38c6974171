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
