// What an application's end means for Sertifikat Terbit per service: a revocation marks the certificate "Dicabut".
import { LIFECYCLE_REQUEST_HEADER, normaliseSerial, parseLifecycleRequest } from '../core/lifecycle-request';
import { CERTIFICATE_STATE_LABELS, CERTIFICATE_LIFECYCLE_HEADERS as LH } from '../core/messages/lifecycle';
import type { ServiceSopCode } from '../core/service-sops';
import type { Application } from '../core/workflow-types';
import type { Env } from './env';
import { openCertificatesWithLifecycle, readCertificates } from './lifecycle-sheets';
import { findApplication, openRegister } from './register';

/**
 * Carries out the workflow's "record the certificate" at the end of a lifecycle service, and says whether it did:
 * a revocation marks the certificate it names "Dicabut" (no new row; the expiry job then sends it nothing); a
 * passphrase reset leaves Sertifikat Terbit as it is (the certificate is unchanged). Renewal and data change return
 * false: the new certificate is appended as usual and the holder's older one counts as replaced.
 */
export function recordLifecycleOutcome(env: Env, app: Application): boolean {
  const service = app.applicant.service as ServiceSopCode;
  if (service === 'RESET_PASSPHRASE') return true;
  if (service !== 'PENCABUTAN') return false;
  const register = openRegister(env.spreadsheet, env.sop);
  const stored = findApplication(register, app.id, env.sop);
  const at = register.headers.indexOf(LIFECYCLE_REQUEST_HEADER);
  const request = stored && at >= 0 ? parseLifecycleRequest(service, String(stored.raw[at] ?? '')) : null;
  if (!request) return true;
  const table = openCertificatesWithLifecycle(env.spreadsheet);
  for (const cert of readCertificates(table)) {
    if (normaliseSerial(cert.tracked.serial) !== normaliseSerial(request.serial)) continue;
    table.updateRow(cert.row, table.readRow(cert.row), { [LH.state]: CERTIFICATE_STATE_LABELS.DICABUT });
  }
  return true;
}
