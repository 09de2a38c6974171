// SLA: reminder at 1x the standard to the holder, escalation at 2x to the superior, each once, business minutes only.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blankApplication } from '../../src/core/register-schema';
import { checkSla, currentLateness, slaDue } from '../../src/core/sla';
import { applyAction, openApplication } from '../../src/core/workflow';
import type { Application, Effect } from '../../src/core/workflow-types';
import {
  APPLICANT_EMAIL,
  ctxOf,
  KABID,
  KADIS,
  minutesAfter,
  SANDIMAN,
  SANDIMAN2,
  START,
  testSettings,
  validOutcome,
} from './workflow-fixtures';

function atKadis(): Application {
  const opened = openApplication(
    { id: 'TTE-2026-0001', responseId: 'r', editUrl: 'e', submittedAt: START, outcome: validOutcome() },
    ctxOf(APPLICANT_EMAIL, 'SISTEM', START),
  ).app;
  const r = applyAction(opened, { type: 'VERIFY_EMAIL' }, ctxOf(APPLICANT_EMAIL, 'PEMOHON', START));
  if (!r.ok) throw new Error(r.message);
  return r.app;
}

const sla = (app: Application, at: Date) => {
  const c = ctxOf('', 'SISTEM', at);
  return checkSla(app, { now: at, sop: c.sop, settings: c.settings, calendar: c.calendar });
};
const mails = (effects: Effect[]) => effects.flatMap((e) => (e.type === 'SEND_MAIL' ? [[e.template, e.to]] : []));

describe('checkSla', () => {
  it('does nothing before the standard', () => {
    expect(sla(atKadis(), minutesAfter(START, 9))).toBeNull();
  });

  it('reminds the holder once at the standard, with a fresh decision link on the same version', () => {
    const app = atKadis();
    const first = sla(app, minutesAfter(START, 10));
    expect(first).not.toBeNull();
    if (!first) return;
    expect(mails(first.effects)).toEqual([['OFFICIAL_REMINDER', KADIS]]);
    expect(first.effects[0]).toMatchObject({ type: 'AUDIT', event: 'REMINDER' });
    expect(first.app.version).toBe(app.version);
    expect(first.app.steps[1]?.remindedAt).not.toBeNull();
    const link = first.effects.find((e) => e.type === 'SEND_MAIL');
    expect(link?.type === 'SEND_MAIL' && link.links.action?.version).toBe(app.version);
    expect(sla(first.app, minutesAfter(START, 15))).toBeNull();
  });

  it('escalates once to the superior at twice the standard', () => {
    const reminded = sla(atKadis(), minutesAfter(START, 10))!.app;
    const esc = sla(reminded, minutesAfter(START, 20));
    expect(esc).not.toBeNull();
    if (!esc) return;
    expect(mails(esc.effects)).toEqual([['OFFICIAL_ESCALATION', 'admin@bolmongkab.go.id']]);
    const mail = esc.effects.find((e) => e.type === 'SEND_MAIL');
    expect(mail?.type === 'SEND_MAIL' && mail.data.holders).toBe(`Kepala Dinas: ${KADIS}`);
    expect(mail?.type === 'SEND_MAIL' && mail.data.lateMinutes).toBe(10);
    expect(sla(esc.app, minutesAfter(START, 60))).toBeNull();
  });

  it('sends both when the check first runs past twice the standard', () => {
    const both = sla(atKadis(), minutesAfter(START, 25));
    expect(both && mails(both.effects)).toEqual([
      ['OFFICIAL_REMINDER', KADIS],
      ['OFFICIAL_ESCALATION', 'admin@bolmongkab.go.id'],
    ]);
  });

  it('counts business minutes only: nothing is late over a weekend', () => {
    const friday = new Date('2026-01-09T08:25:00Z'); // 16:25 WITA, 5 minutes before closing
    const opened = openApplication(
      { id: 'X', responseId: 'r', editUrl: 'e', submittedAt: friday, outcome: validOutcome() },
      ctxOf(APPLICANT_EMAIL, 'SISTEM', friday),
    ).app;
    const r = applyAction(opened, { type: 'VERIFY_EMAIL' }, ctxOf(APPLICANT_EMAIL, 'PEMOHON', friday));
    if (!r.ok) throw new Error();
    expect(sla(r.app, new Date('2026-01-11T00:00:00Z'))).toBeNull();
    expect(sla(r.app, new Date('2026-01-12T00:05:00Z'))).not.toBeNull();
  });

  it('reminds every holder of the role when nobody was named, and the named one otherwise', () => {
    let app = atKadis();
    let r = applyAction(app, { type: 'DISPOSE', toEmail: '', instruction: '' }, ctxOf(KADIS, 'KEPALA_DINAS', START));
    if (!r.ok) throw new Error();
    r = applyAction(r.app, { type: 'DISPOSE', toEmail: '', instruction: '' }, ctxOf(KABID, 'KABID_PERSANDIAN', START));
    if (!r.ok) throw new Error();
    app = r.app;
    expect(mails(sla(app, minutesAfter(START, 15))!.effects)).toEqual([
      ['OFFICIAL_REMINDER', SANDIMAN],
      ['OFFICIAL_REMINDER', SANDIMAN2],
    ]);
    const esc = sla(app, minutesAfter(START, 30))!;
    expect(mails(esc.effects)).toContainEqual(['OFFICIAL_ESCALATION', KABID]);
  });

  it('does not run while the application waits on the applicant, nor for a step without a standard', () => {
    const app = atKadis();
    const returned = applyAction(
      app,
      { type: 'RETURN', reason: 'Lengkapi surat' },
      ctxOf(KADIS, 'KEPALA_DINAS', START),
    );
    if (!returned.ok) throw new Error();
    expect(sla(returned.app, minutesAfter(START, 500))).toBeNull();
    const opened = openApplication(
      { id: 'Y', responseId: 'r', editUrl: 'e', submittedAt: START, outcome: validOutcome() },
      ctxOf(APPLICANT_EMAIL, 'SISTEM', START),
    ).app;
    expect(sla(opened, minutesAfter(START, 500))).toBeNull();
    const c = ctxOf('', 'SISTEM', START);
    expect(
      currentLateness(app, {
        now: minutesAfter(START, 11),
        sop: c.sop,
        settings: testSettings(),
        calendar: c.calendar,
      }),
    ).toEqual({
      step: 1,
      elapsed: 11,
      standard: 10,
      late: true,
    });
  });
});

describe('checkSla properties', () => {
  it('over any run of checks: at most one reminder and one escalation, never early (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 240 }), { minLength: 1, maxLength: 30 }), (gaps) => {
        let app = atKadis();
        let now = START;
        let reminders = 0;
        let escalations = 0;
        for (const gap of gaps) {
          now = minutesAfter(now, gap);
          const c = ctxOf('', 'SISTEM', now);
          const ctx = { now, sop: c.sop, settings: c.settings, calendar: c.calendar };
          const lateness = currentLateness(app, ctx);
          const result = checkSla(app, ctx);
          if (!result) continue;
          const sent = mails(result.effects).map(([t]) => t);
          if (sent.includes('OFFICIAL_REMINDER')) {
            reminders++;
            expect(lateness?.elapsed ?? 0).toBeGreaterThanOrEqual(10);
          }
          if (sent.includes('OFFICIAL_ESCALATION')) {
            escalations++;
            expect(lateness?.elapsed ?? 0).toBeGreaterThanOrEqual(20);
          }
          expect(result.app.version).toBe(app.version);
          app = result.app;
        }
        expect(reminders).toBeLessThanOrEqual(1);
        expect(escalations).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });
});

describe('slaDue', () => {
  /** What the periodic job reads of every application: status, SOP step, service and step times (no applicant data). */
  const columnsOnly = (app: Application): Application => {
    const partial = blankApplication();
    partial.id = app.id;
    partial.status = app.status;
    partial.currentStep = app.currentStep;
    partial.applicant.service = app.applicant.service;
    partial.steps = JSON.parse(JSON.stringify(app.steps));
    return partial;
  };

  it('agrees with checkSla, also on a record read from those few columns only (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 240 }), { minLength: 1, maxLength: 20 }), (gaps) => {
        let app = atKadis();
        let now = START;
        for (const gap of gaps) {
          now = minutesAfter(now, gap);
          const c = ctxOf('', 'SISTEM', now);
          const ctx = { now, sop: c.sop, settings: c.settings, calendar: c.calendar };
          const result = checkSla(app, ctx);
          const due = slaDue(app, ctx);
          expect(due !== null).toBe(result !== null);
          expect(slaDue(columnsOnly(app), ctx)).toEqual(due);
          if (result) app = result.app;
        }
      }),
      { numRuns: 200 },
    );
  });

  it('names what is due: the reminder at 1x, both past 2x, nothing once both were sent', () => {
    const c = (at: Date) => {
      const x = ctxOf('', 'SISTEM', at);
      return { now: at, sop: x.sop, settings: x.settings, calendar: x.calendar };
    };
    const app = atKadis();
    expect(slaDue(app, c(minutesAfter(START, 9)))).toBeNull();
    expect(slaDue(app, c(minutesAfter(START, 10)))).toMatchObject({ remindDue: true, escalateDue: false });
    expect(slaDue(app, c(minutesAfter(START, 25)))).toMatchObject({ remindDue: true, escalateDue: true });
    const done = checkSla(app, c(minutesAfter(START, 25)))!.app;
    expect(slaDue(done, c(minutesAfter(START, 90)))).toBeNull();
  });
});
