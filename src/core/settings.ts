// The Pengaturan sheet as data: roster (role -> e-mails), superiors, delegations, domains, links, expiry, calendar.
import { calendarToRows, DEFAULT_CALENDAR, parseCalendarSettings, type WorkCalendar } from './business-time';
import { SETTINGS_ERRORS, SETTINGS_LABELS, SETTINGS_NOTES } from './messages/settings';
import { ROLE_LABELS } from './messages/workflow';
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
  /** Working hours and holidays (read by business-time's parser from the same sheet). */
  calendar: WorkCalendar;
}

/** Internal type guard so ActorRole values can be used where a roster role is expected. */
export function isRosterRole(role: ActorRole | string): role is RosterRole {
  return (ROSTER_ROLES as readonly string[]).includes(role);
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

/** Labels of the roles in the Pengaturan sheet: the workflow's role names. */
export const ROSTER_ROLE_LABELS: Readonly<Record<RosterRole, string>> = ROLE_LABELS;

const ROSTER_ROLES: readonly RosterRole[] = [
  'KEPALA_DINAS',
  'KABID_PERSANDIAN',
  'KASI_PERSANDIAN',
  'SANDIMAN',
  'VERIFIKATOR',
  'ADMIN',
];

/**
 * Defaults written by setup. The roster addresses are EXAMPLES on the regency's domain (marked so in the sheet):
 * mail to them goes nowhere until an Admin types the real addresses.
 */
export const DEFAULT_SETTINGS: Settings = {
  roster: {
    KEPALA_DINAS: ['kepala.dinas@bolmongkab.go.id'],
    KABID_PERSANDIAN: ['kabid.persandian@bolmongkab.go.id'],
    KASI_PERSANDIAN: [],
    SANDIMAN: ['sandiman@bolmongkab.go.id'],
    VERIFIKATOR: ['verifikator@bolmongkab.go.id'],
    ADMIN: ['admin.kominfo@bolmongkab.go.id'],
  },
  superiors: {
    KEPALA_DINAS: 'ADMIN',
    KABID_PERSANDIAN: 'KEPALA_DINAS',
    KASI_PERSANDIAN: 'KABID_PERSANDIAN',
    SANDIMAN: 'KABID_PERSANDIAN',
    VERIFIKATOR: 'KABID_PERSANDIAN',
  },
  delegations: [],
  allowedEmailDomains: ['bolmongkab.go.id'],
  emailSopUrl: 'https://diskominfo.bolmongkab.go.id/sop/pembuatan-email-dinas',
  linkExpiryHours: 72,
  retentionDays: 30,
  calendar: DEFAULT_CALENDAR,
};

/** The Pengaturan rows for a Settings value (setup writes them once; staff edit them afterwards). */
export function settingsToRows(settings: Settings, markExamples = true): string[][] {
  const row = (label: string, value: string, from = '', until = '', note = '') => [label, value, from, until, note];
  const rows: string[][] = [[...SETTINGS_LABELS.header]];
  for (const role of ROSTER_ROLES) {
    const list = settings.roster[role];
    rows.push(
      row(
        `${SETTINGS_LABELS.rosterPrefix} ${ROSTER_ROLE_LABELS[role]}`,
        list.join(', '),
        '',
        '',
        markExamples && list.length > 0 ? SETTINGS_NOTES.example : '',
      ),
    );
  }
  for (const role of ROSTER_ROLES) {
    const superior = settings.superiors[role];
    if (superior)
      rows.push(
        row(
          `${SETTINGS_LABELS.superiorPrefix} ${ROSTER_ROLE_LABELS[role]}`,
          ROSTER_ROLE_LABELS[superior],
          '',
          '',
          SETTINGS_NOTES.superior,
        ),
      );
  }
  for (const d of settings.delegations) {
    rows.push(
      row(`${SETTINGS_LABELS.delegationPrefix} ${ROSTER_ROLE_LABELS[d.role]}`, d.email, d.from, d.until, d.note),
    );
  }
  if (settings.delegations.length === 0) {
    rows.push(row(`${SETTINGS_LABELS.delegationPrefix} Kepala Dinas`, '', '', '', SETTINGS_NOTES.delegation));
  }
  rows.push(row(SETTINGS_LABELS.domains, settings.allowedEmailDomains.join(', ')));
  rows.push(
    row(SETTINGS_LABELS.emailSopUrl, settings.emailSopUrl, '', '', markExamples ? SETTINGS_NOTES.exampleUrl : ''),
  );
  rows.push(row(SETTINGS_LABELS.linkExpiryHours, String(settings.linkExpiryHours)));
  rows.push(row(SETTINGS_LABELS.retentionDays, String(settings.retentionDays)));
  for (const [label, value] of calendarToRows(settings.calendar)) rows.push(row(label ?? '', value ?? ''));
  return rows;
}

function cell(value: unknown): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : witaDate(value);
  if (value === null || value === undefined) return '';
  return String(value).trim();
}

function normLabel(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

function roleByLabel(text: string): RosterRole | undefined {
  return ROSTER_ROLES.find((r) => normLabel(ROSTER_ROLE_LABELS[r]) === normLabel(text));
}

const EMAIL = /^[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads the Pengaturan sheet. Unknown rows are ignored (staff notes); what is missing keeps its default; every
 * unreadable value is an Indonesian error naming the row, and nothing is used until all are fixed.
 */
export function parseSettings(rows: unknown[][]): { settings: Settings } | { errors: string[] } {
  const errors: string[] = [];
  const settings: Settings = JSON.parse(JSON.stringify({ ...DEFAULT_SETTINGS, delegations: [] })) as Settings;
  const seenRoster = new Set<RosterRole>();
  rows.forEach((raw, i) => {
    const n = i + 1;
    const label = normLabel(cell(raw[0]));
    const value = cell(raw[1]);
    if (label === '') return;
    const prefixed = (prefix: string) =>
      label.startsWith(`${normLabel(prefix)} `) ? roleByLabel(label.slice(prefix.length + 1)) : undefined;
    const rosterRole = prefixed(SETTINGS_LABELS.rosterPrefix);
    if (rosterRole) {
      const emails = value.split(/[,;\s]+/).filter((e) => e !== '');
      const bad = emails.filter((e) => !EMAIL.test(e));
      if (bad.length > 0) errors.push(SETTINGS_ERRORS.badEmail(n, bad.join(', ')));
      settings.roster[rosterRole] = emails.map((e) => e.toLowerCase());
      seenRoster.add(rosterRole);
      return;
    }
    const superiorOf = prefixed(SETTINGS_LABELS.superiorPrefix);
    if (superiorOf) {
      const superior = value === '' ? undefined : roleByLabel(value);
      if (value !== '' && !superior) errors.push(SETTINGS_ERRORS.badRole(n, value));
      if (superior) settings.superiors[superiorOf] = superior;
      else delete settings.superiors[superiorOf];
      return;
    }
    const delegated = prefixed(SETTINGS_LABELS.delegationPrefix);
    if (delegated) {
      if (value === '') return;
      const from = cell(raw[2]);
      const until = cell(raw[3]);
      if (!EMAIL.test(value)) errors.push(SETTINGS_ERRORS.badEmail(n, value));
      if (!ISO_DATE.test(from) || !ISO_DATE.test(until) || until < from) errors.push(SETTINGS_ERRORS.badRange(n));
      settings.delegations.push({ role: delegated, email: value.toLowerCase(), from, until, note: cell(raw[4]) });
      return;
    }
    if (label === normLabel(SETTINGS_LABELS.domains)) {
      const domains = value
        .split(/[,;\s]+/)
        .map((d) => d.replace(/^[@.]+/, '').toLowerCase())
        .filter((d) => d !== '');
      const bad = domains.filter((d) => !d.endsWith('go.id'));
      if (domains.length === 0 || bad.length > 0) errors.push(SETTINGS_ERRORS.badDomains(n, bad.join(', ')));
      settings.allowedEmailDomains = domains;
    } else if (label === normLabel(SETTINGS_LABELS.emailSopUrl)) {
      if (!/^https:\/\/\S+$/.test(value)) errors.push(SETTINGS_ERRORS.badUrl(n));
      settings.emailSopUrl = value;
    } else if (label === normLabel(SETTINGS_LABELS.linkExpiryHours)) {
      const hours = Number(value);
      if (!Number.isInteger(hours) || hours < 1 || hours > 720)
        errors.push(SETTINGS_ERRORS.badNumber(n, value, 1, 720));
      settings.linkExpiryHours = hours;
    } else if (label === normLabel(SETTINGS_LABELS.retentionDays)) {
      const days = Number(value);
      if (!Number.isInteger(days) || days < 0 || days > 3650) errors.push(SETTINGS_ERRORS.badNumber(n, value, 0, 3650));
      settings.retentionDays = days;
    }
  });
  for (const role of ['KEPALA_DINAS', 'SANDIMAN', 'VERIFIKATOR'] as const) {
    if (seenRoster.has(role) && settings.roster[role].length === 0)
      errors.push(SETTINGS_ERRORS.emptyRole(ROSTER_ROLE_LABELS[role]));
  }
  const calendar = parseCalendarSettings(rows);
  if ('errors' in calendar) errors.push(...calendar.errors);
  else settings.calendar = calendar.calendar;
  return errors.length > 0 ? { errors } : { settings };
}
