// Who acted in what capacity: a roster holder, or an acting official (Plt./Plh.) under a delegation for today.
import { ROLE_LABELS } from './messages/workflow';
import { isRosterRole, type Settings, witaDate } from './settings';
import type { ActingRole } from './workflow-types';

/** The prefix the audit log and the Pengaturan sheet use for an acting official. */
export const ACTING_PREFIX = 'Plt./Plh.';

/**
 * The role label for the audit log: "Plt./Plh. <role>" when `email` acts in `role` only by a delegation that covers
 * `at` (not by the roster), so the record shows that the decision was taken by an acting official (SOP and UU PDP
 * record keeping); the plain label otherwise.
 */
export function actingRoleLabel(settings: Settings, email: string, role: ActingRole, at: Date): string {
  const label = ROLE_LABELS[role];
  if (!isRosterRole(role)) return label;
  const who = email.trim().toLowerCase();
  if (settings.roster[role].some((holder) => holder.trim().toLowerCase() === who)) return label;
  const day = witaDate(at);
  const delegated = settings.delegations.some(
    (d) => d.role === role && d.email.trim().toLowerCase() === who && d.from <= day && day <= d.until,
  );
  return delegated ? `${ACTING_PREFIX} ${label}` : label;
}
