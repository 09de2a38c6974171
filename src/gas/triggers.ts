// Installs the program's triggers once each: the Form's submit trigger and the two time-driven jobs.
import { SHELL_MESSAGES } from '../core/messages/shell';

/** The handlers setup installs, with how each is scheduled. */
export const TRIGGER_HANDLERS = {
  formSubmit: 'handleFormSubmit_',
  slaCheck: 'runSlaCheck_',
  outbox: 'flushOutbox_',
  integrity: 'runIntegrityCheck_',
} as const;

/** The SLA check runs every 10 minutes: the SOP's shortest standard is 10 minutes. */
const SLA_EVERY_MINUTES = 10;
/** Mail waiting for quota or after a fault is retried every 15 minutes. */
const OUTBOX_EVERY_MINUTES = 15;
/** The integrity check (audit chain, reconciliation, missed responses, retention, triggers) runs every hour. */
const INTEGRITY_EVERY_HOURS = 1;

/** Script Property naming the account that installed the triggers: other accounts cannot see them. */
const TRIGGER_OWNER_KEY = 'TRIGGER_OWNER';

/**
 * Installs each trigger unless one for the same handler exists. Installable triggers run as, and are visible only
 * to, the account that created them, so the installing account is remembered: when someone else runs setup again,
 * nothing is installed twice (a second form-submit trigger would process every response twice).
 */
export function ensureTriggers(form: GoogleAppsScript.Forms.Form): string[] {
  const report: string[] = [];
  const properties = PropertiesService.getScriptProperties();
  const me = Session.getEffectiveUser().getEmail();
  const owner = properties.getProperty(TRIGGER_OWNER_KEY) ?? '';
  if (owner && owner !== me) {
    report.push(SHELL_MESSAGES.setup.triggersOwnedBy(owner));
    return report;
  }
  const existing = ScriptApp.getProjectTriggers();
  const has = (handler: string, source: GoogleAppsScript.Script.TriggerSource, sourceId: string | null) =>
    existing.some(
      (trigger) =>
        trigger.getHandlerFunction() === handler &&
        trigger.getTriggerSource() === source &&
        (sourceId === null || trigger.getTriggerSourceId() === sourceId),
    );
  for (const trigger of existing) {
    const stale =
      trigger.getHandlerFunction() === TRIGGER_HANDLERS.formSubmit && trigger.getTriggerSourceId() !== form.getId();
    if (stale) {
      ScriptApp.deleteTrigger(trigger);
      report.push(SHELL_MESSAGES.setup.triggerRemoved(TRIGGER_HANDLERS.formSubmit));
    }
  }
  if (!has(TRIGGER_HANDLERS.formSubmit, ScriptApp.TriggerSource.FORMS, form.getId())) {
    ScriptApp.newTrigger(TRIGGER_HANDLERS.formSubmit).forForm(form).onFormSubmit().create();
    report.push(SHELL_MESSAGES.setup.triggerInstalled(TRIGGER_HANDLERS.formSubmit));
  }
  if (!has(TRIGGER_HANDLERS.slaCheck, ScriptApp.TriggerSource.CLOCK, null)) {
    ScriptApp.newTrigger(TRIGGER_HANDLERS.slaCheck).timeBased().everyMinutes(SLA_EVERY_MINUTES).create();
    report.push(SHELL_MESSAGES.setup.triggerInstalled(TRIGGER_HANDLERS.slaCheck));
  }
  if (!has(TRIGGER_HANDLERS.outbox, ScriptApp.TriggerSource.CLOCK, null)) {
    ScriptApp.newTrigger(TRIGGER_HANDLERS.outbox).timeBased().everyMinutes(OUTBOX_EVERY_MINUTES).create();
    report.push(SHELL_MESSAGES.setup.triggerInstalled(TRIGGER_HANDLERS.outbox));
  }
  if (!has(TRIGGER_HANDLERS.integrity, ScriptApp.TriggerSource.CLOCK, null)) {
    ScriptApp.newTrigger(TRIGGER_HANDLERS.integrity).timeBased().everyHours(INTEGRITY_EVERY_HOURS).create();
    report.push(SHELL_MESSAGES.setup.triggerInstalled(TRIGGER_HANDLERS.integrity));
  }
  if (!owner) properties.setProperty(TRIGGER_OWNER_KEY, me);
  return report;
}
