// ScriptApp: trigger builders (clock, form, spreadsheet), the effective user's triggers, the web app URL, enums.
import type { RuntimeContext } from '../runtime/runtime-context';
import { counted } from '../runtime/runtime-context';
import { nextRunAfter } from '../runtime/schedule';
import type { TriggerEventType, TriggerState } from '../state';

/** Ref: docs/reference/apps-script-runtime.md §1 Hard limits ("Triggers: 20 per user per script"). */
export const TRIGGERS_PER_USER = 20;
/** Open: the wording is the one Apps Script users report; the reference gives the limit, not the text. */
export const TOO_MANY_TRIGGERS =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
/** everyMinutes accepts only these. Ref: [CTB] via docs/reference/apps-script-runtime.md §3 Time-driven triggers. */
export const EVERY_MINUTES_ALLOWED = [1, 5, 10, 15, 30];

const enumOf = (...names: string[]) => Object.fromEntries(names.map((name) => [name, name]));

/** ScriptApp's enums; values are their names, so `e.authMode === ScriptApp.AuthMode.FULL` holds. */
export const SCRIPT_ENUMS = {
  AuthMode: enumOf('NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'),
  AuthorizationStatus: enumOf('REQUIRED', 'NOT_REQUIRED'),
  EventType: enumOf('CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED'),
  InstallationSource: enumOf('APPS_MARKETPLACE_DOMAIN_ADD_ON', 'NONE', 'WEB_STORE_ADD_ON'),
  TriggerSource: enumOf('SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR'),
  WeekDay: enumOf('MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'),
};
const WEEKDAY_NUMBER: Record<string, number> = {
  MONDAY: 1,
  TUESDAY: 2,
  WEDNESDAY: 3,
  THURSDAY: 4,
  FRIDAY: 5,
  SATURDAY: 6,
  SUNDAY: 7,
};

/** A Trigger object over state. Ref: https://developers.google.com/apps-script/reference/script/trigger */
export function triggerObject(ctx: RuntimeContext, trigger: TriggerState): GoogleAppsScript.Script.Trigger {
  return counted(ctx, 'ScriptApp', 'Trigger', {
    getEventType: () => trigger.eventType,
    getHandlerFunction: () => trigger.handlerFunction,
    getTriggerSource: () => trigger.source,
    getTriggerSourceId: () => trigger.sourceId,
    getUniqueId: () => trigger.uid,
  }) as unknown as GoogleAppsScript.Script.Trigger;
}

/** The id of a Form/Spreadsheet object or an id string (forForm/forSpreadsheet accept both). */
function idOf(key: unknown): string {
  if (key !== null && typeof key === 'object' && typeof (key as { getId?: unknown }).getId === 'function') {
    return String((key as { getId(): string }).getId());
  }
  return String(key);
}

/** Stores a new trigger owned by the effective user, enforcing the per-user limit. */
function install(
  ctx: RuntimeContext,
  draft: Omit<TriggerState, 'uid' | 'owner' | 'nextRunAt'>,
): GoogleAppsScript.Script.Trigger {
  const owner = ctx.users.effective;
  const mine = ctx.state.triggers.filter((t) => t.owner === owner).length;
  if (mine >= TRIGGERS_PER_USER) throw new Error(TOO_MANY_TRIGGERS);
  ctx.state.seq += 1;
  const trigger: TriggerState = { ...draft, uid: String(7_000_000 + ctx.state.seq), owner, nextRunAt: null };
  if (trigger.schedule) {
    const next = nextRunAfter(trigger, ctx.now().getTime());
    trigger.nextRunAt = next === null ? null : new Date(next);
  }
  ctx.state.triggers.push(trigger);
  return triggerObject(ctx, trigger);
}

/** ClockTriggerBuilder. Ref: https://developers.google.com/apps-script/reference/script/clock-trigger-builder */
function clockBuilder(ctx: RuntimeContext, handler: string) {
  const schedule: NonNullable<TriggerState['schedule']> = {};
  const positive = (n: unknown, what: string) => {
    const value = Number(n);
    if (!Number.isInteger(value) || value < 1) throw new Error(`Invalid argument: ${what}`);
    return value;
  };
  const builder: Record<string, unknown> = counted(ctx, 'ScriptApp', 'ClockTriggerBuilder', {
    after(durationMilliseconds: number) {
      schedule.at = new Date(ctx.now().getTime() + Number(durationMilliseconds));
      return builder;
    },
    at(date: Date) {
      schedule.at = new Date(date.getTime());
      return builder;
    },
    atDate(year: number, month: number, day: number) {
      schedule.atDate = { year: Number(year), month: Number(month), day: Number(day) };
      return builder;
    },
    atHour(hour: number) {
      const value = Number(hour);
      if (!Number.isInteger(value) || value < 0 || value > 23) throw new Error('Invalid argument: hour');
      schedule.atHour = value;
      return builder;
    },
    everyDays(n: number) {
      schedule.everyDays = positive(n, 'days');
      return builder;
    },
    everyHours(n: number) {
      schedule.everyHours = positive(n, 'hours');
      return builder;
    },
    /** Only 1, 5, 10, 15 or 30. Open: Google's exception text is not in the reference. */
    everyMinutes(n: number) {
      const value = Number(n);
      if (!EVERY_MINUTES_ALLOWED.includes(value)) {
        throw new Error(`Invalid argument: minutes. Only 1, 5, 10, 15 or 30 are supported (got ${n}).`);
      }
      schedule.everyMinutes = value;
      return builder;
    },
    everyWeeks(n: number) {
      schedule.everyWeeks = positive(n, 'weeks');
      return builder;
    },
    /** Open: trigger-specific time zones are not emulated; the manifest time zone is used. */
    inTimezone(_timezone: string) {
      return builder;
    },
    nearMinute(minute: number) {
      const value = Number(minute);
      if (!Number.isInteger(value) || value < 0 || value > 59) throw new Error('Invalid argument: minute');
      schedule.nearMinute = value;
      return builder;
    },
    onMonthDay(day: number) {
      const value = Number(day);
      if (!Number.isInteger(value) || value < 1 || value > 31) throw new Error('Invalid argument: day');
      schedule.onMonthDay = value;
      return builder;
    },
    onWeekDay(day: string) {
      const value = WEEKDAY_NUMBER[String(day)];
      if (value === undefined) throw new Error('Invalid argument: day');
      schedule.onWeekDay = value;
      return builder;
    },
    create() {
      const recurring =
        schedule.everyMinutes ?? schedule.everyHours ?? schedule.everyDays ?? schedule.everyWeeks ?? schedule.onWeekDay;
      const once = schedule.at ?? schedule.atDate;
      if (recurring === undefined && once === undefined && schedule.onMonthDay === undefined) {
        // Open: Google's text for a clock trigger without a schedule is not in the reference.
        throw new Error('The clock trigger has no schedule: call everyMinutes/everyHours/everyDays/at/... first.');
      }
      return install(ctx, {
        handlerFunction: handler,
        eventType: 'CLOCK',
        source: 'CLOCK',
        sourceId: null,
        schedule: { ...schedule, anchorAt: ctx.now() },
      });
    },
  });
  return builder;
}

/** Form and spreadsheet trigger builders: one event type, then create(). */
function documentBuilder(
  ctx: RuntimeContext,
  handler: string,
  className: string,
  source: 'FORMS' | 'SPREADSHEETS',
  sourceId: string,
  events: Record<string, TriggerEventType>,
) {
  let eventType: TriggerEventType | null = null;
  const builder: Record<string, unknown> = {};
  for (const [method, type] of Object.entries(events)) {
    builder[method] = () => {
      eventType = type;
      return builder;
    };
  }
  builder.create = () => {
    if (eventType === null) throw new Error('Emulator: choose the event (e.g. onFormSubmit()) before create().');
    return install(ctx, { handlerFunction: handler, eventType, source, sourceId, schedule: null });
  };
  return counted(ctx, 'ScriptApp', className, builder);
}

/** ScriptApp. Ref: https://developers.google.com/apps-script/reference/script/script-app ; [INST] for who sees which trigger. */
export function createScriptApp(ctx: RuntimeContext): GoogleAppsScript.Script.ScriptApp {
  const mine = () => ctx.state.triggers.filter((t) => t.owner === ctx.users.effective);
  const service = counted(ctx, 'ScriptApp', 'ScriptApp', {
    deleteTrigger(trigger: GoogleAppsScript.Script.Trigger) {
      const uid = trigger.getUniqueId();
      // One account cannot see, so cannot delete, another account's trigger. Ref: [INST].
      ctx.state.triggers = ctx.state.triggers.filter((t) => !(t.uid === uid && t.owner === ctx.users.effective));
    },
    getAuthorizationInfo(_authMode: string) {
      return counted(ctx, 'ScriptApp', 'AuthorizationInfo', {
        getAuthorizationStatus: () => 'NOT_REQUIRED',
        getAuthorizationUrl: () => null,
        getAuthorizedScopes: () => [],
      });
    },
    getInstallationSource() {
      return 'NONE';
    },
    /** Open: a fixed opaque token; nothing in the emulator checks it. */
    getOAuthToken() {
      return `ya29.emulated-${ctx.host.scriptId}-${ctx.users.effective}`;
    },
    getProjectTriggers() {
      return mine().map((t) => triggerObject(ctx, t));
    },
    getScriptId() {
      return ctx.host.scriptId;
    },
    /** Service.getUrl(): the web app's /exec URL (Emulator option webAppUrl). */
    getService() {
      return counted(ctx, 'ScriptApp', 'Service', {
        getUrl: () => ctx.host.webAppUrl,
        isEnabled: () => ctx.host.manifest.webapp !== undefined,
      });
    },
    getUserTriggers(document: unknown) {
      const id = idOf(document);
      return mine()
        .filter((t) => t.sourceId === id)
        .map((t) => triggerObject(ctx, t));
    },
    newTrigger(functionName: string) {
      const handler = String(functionName);
      return counted(ctx, 'ScriptApp', 'TriggerBuilder', {
        timeBased: () => clockBuilder(ctx, handler),
        forForm: (key: unknown) =>
          documentBuilder(ctx, handler, 'FormTriggerBuilder', 'FORMS', idOf(key), {
            onFormSubmit: 'ON_FORM_SUBMIT',
            onOpen: 'ON_OPEN',
          }),
        forSpreadsheet: (key: unknown) =>
          documentBuilder(ctx, handler, 'SpreadsheetTriggerBuilder', 'SPREADSHEETS', idOf(key), {
            onChange: 'ON_CHANGE',
            onEdit: 'ON_EDIT',
            onFormSubmit: 'ON_FORM_SUBMIT',
            onOpen: 'ON_OPEN',
          }),
      });
    },
  });
  return Object.assign(service, SCRIPT_ENUMS) as unknown as GoogleAppsScript.Script.ScriptApp;
}
