// The live check's selfTest: read-only checks of a real deployment, reported step by step (no personal data).
import { decodeToken, encodeToken } from '../core/link-token';
import { SHEET_NAMES, SHELL_MESSAGES } from '../core/messages/shell';
import { checkAudit, openAudit } from './audit-log';
import { loadEnv } from './env';
import { signer } from './links';
import { openOutbox } from './outbox';
import { openCertificates, openRegister } from './register';
import { readAllProperties } from './script-config';
import { TRIGGER_HANDLERS } from './triggers';

export interface SelfTestStep {
  name: string;
  ok: boolean;
  detail: string;
}

const T = SHELL_MESSAGES.selfTest;

function step(name: string, check: () => string): SelfTestStep {
  try {
    return { name, ok: true, detail: check() };
  } catch (error) {
    return { name, ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * selfTest has no trailing `_` because the Apps Script API's scripts.run must call it, which also makes it reachable
 * from google.script.run; only the script's owner (the live check, the editor's Run) may see its report.
 */
function assertOwner_(): void {
  const active = Session.getActiveUser().getEmail();
  if (!active || active !== Session.getEffectiveUser().getEmail()) throw new Error(T.ownerOnly);
}

/**
 * Checks what a deployment needs without changing anything: the stored IDs, the sheets and their columns, the
 * settings and the SOP, the signing secret (a token round trip), the audit chain, the triggers, the outbox and the
 * mail quota. Each failure is its own step, so the report says what to fix.
 */
export function selfTest(): { ok: boolean; steps: SelfTestStep[] } {
  assertOwner_();
  const steps: SelfTestStep[] = [];
  const props = readAllProperties();
  steps.push(
    step(T.properties, () => {
      const missing = (['spreadsheetId', 'formId', 'restrictedId', 'hmacSecret'] as const).filter((k) => !props[k]);
      if (missing.length > 0) throw new Error(T.missing(missing.join(', ')));
      return T.ok;
    }),
  );
  let env: ReturnType<typeof loadEnv> | null = null;
  steps.push(
    step(T.settings, () => {
      env = loadEnv();
      return T.ok;
    }),
  );
  const loaded = env as ReturnType<typeof loadEnv> | null;
  if (loaded) {
    steps.push(
      step(T.sheets, () => {
        openRegister(loaded.spreadsheet, loaded.sop);
        openCertificates(loaded.spreadsheet);
        openOutbox(loaded.spreadsheet);
        const missing = Object.values(SHEET_NAMES).filter(
          (name) => name !== SHEET_NAMES.restricted && !loaded.spreadsheet.getSheetByName(name),
        );
        if (missing.length > 0) throw new Error(T.missing(missing.join(', ')));
        return T.ok;
      }),
    );
    steps.push(
      step(T.audit, () => {
        const result = checkAudit(openAudit(loaded.spreadsheet));
        if (!result.ok) throw new Error(SHELL_MESSAGES.audit.broken(result.row, result.reason));
        return SHELL_MESSAGES.audit.intact(result.rows);
      }),
    );
    steps.push(
      step(T.outbox, () => {
        const outbox = openOutbox(loaded.spreadsheet);
        const waiting = outbox.findRows(
          SHELL_MESSAGES.outboxHeaders.status,
          SHELL_MESSAGES.outboxStatus.pending,
        ).length;
        return T.outboxState(waiting, MailApp.getRemainingDailyQuota());
      }),
    );
  }
  steps.push(
    step(T.secret, () => {
      const sign = signer(props.hmacSecret);
      const now = Date.now();
      const claims = {
        app: 'SELFTEST',
        step: 'X',
        role: 'PEMOHON' as const,
        to: 'x@x.go.id',
        ver: 1,
        exp: now + 60_000,
        nonce: Utilities.getUuid(),
      };
      const decoded = decodeToken(encodeToken(claims, sign), sign, now);
      if (!decoded.ok) throw new Error(decoded.reason);
      return T.ok;
    }),
  );
  steps.push(
    step(T.triggers, () => {
      const handlers = ScriptApp.getProjectTriggers().map((trigger) => trigger.getHandlerFunction());
      const missing = Object.values(TRIGGER_HANDLERS).filter((handler) => !handlers.includes(handler));
      if (missing.length > 0) throw new Error(T.triggersMissing(missing.join(', ')));
      return T.ok;
    }),
  );
  return { ok: steps.every((s) => s.ok), steps };
}
