// Intake of the lifecycle services: the certificate a request names is checked against Sertifikat Terbit, then recorded.
import { witaDay } from '../core/expiry';
import {
  checkLifecycleRequest,
  formatLifecycleRequest,
  LIFECYCLE_REQUEST_HEADER,
  lifecycleAnswersOf,
} from '../core/lifecycle-request';
import { SERVICES_WITH_CERTIFICATE, type ServiceSopCode } from '../core/service-sops';
import type { IntakeOutcome } from '../core/workflow-types';
import type { Env } from './env';
import { readCertificates } from './lifecycle-sheets';
import { openCertificates } from './register';

/**
 * Completes the intake of a valid answer set for a lifecycle service (renewal, passphrase reset, data change,
 * revocation): the named certificate must be the applicant's, not revoked or replaced, not expired, and, for renewal,
 * within H-30; a revocation needs its reason. A refusal turns the outcome into an invalid one with the reasons (the
 * applicant is mailed what to fix and may edit the response); an accepted request is returned as the register cell
 * "Rujukan layanan". New issuance and invalid answers pass through unchanged.
 */
export function completeLifecycleIntake(
  env: Env,
  answers: Record<string, string | string[]>,
  outcome: IntakeOutcome,
): { outcome: IntakeOutcome; extra: Record<string, string> } {
  if (!outcome.ok) return { outcome, extra: {} };
  const service = outcome.applicant.service as ServiceSopCode;
  if (!SERVICES_WITH_CERTIFICATE.includes(service)) return { outcome, extra: {} };
  const certificates = readCertificates(openCertificates(env.spreadsheet)).map((c) => c.tracked);
  const checked = checkLifecycleRequest(
    service,
    lifecycleAnswersOf(answers),
    outcome.applicant,
    certificates,
    witaDay(env.now),
  );
  if (!checked.ok) {
    return {
      outcome: { ok: false, issues: checked.issues, partial: outcome.applicant, noOfficialEmail: false },
      extra: {},
    };
  }
  return { outcome, extra: { [LIFECYCLE_REQUEST_HEADER]: formatLifecycleRequest(checked.request) } };
}
