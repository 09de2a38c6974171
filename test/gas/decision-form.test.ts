// The decision page's fields -> workflow Action, and the POST body parser: pure parts of the shell.
import { describe, expect, it } from 'vitest';
import { actionFromForm, parseFormBody } from '../../src/gas/decision-form';

describe('parseFormBody', () => {
  it('decodes form-urlencoded fields; repeated names become lists', () => {
    expect(parseFormBody('t=a.b&action=VERIFY&check=Satu+dua&check=%C3%A9%26x&note=')).toEqual({
      t: 'a.b',
      action: 'VERIFY',
      check: ['Satu dua', 'é&x'],
      note: '',
    });
  });

  it('keeps a malformed escape as typed instead of failing', () => {
    expect(parseFormBody('reason=100%+salah&t=x')).toEqual({ reason: '100% salah', t: 'x' });
  });

  it('ignores empty pairs', () => {
    expect(parseFormBody('&&a=1&')).toEqual({ a: '1' });
  });
});

describe('actionFromForm', () => {
  it('reads each action with its own fields', () => {
    expect(actionFromForm({ action: 'DISPOSE', toEmail: ' kabid@x.go.id ', instruction: ' Proses ' })).toEqual({
      type: 'DISPOSE',
      toEmail: 'kabid@x.go.id',
      instruction: 'Proses',
    });
    expect(actionFromForm({ action: 'VERIFY', check: ['A', 'B'], toEmail: '', note: 'ok' })).toEqual({
      type: 'VERIFY',
      checklist: { A: true, B: true },
      toEmail: '',
      note: 'ok',
    });
    expect(actionFromForm({ action: 'VERIFY', check: 'A' })).toMatchObject({ checklist: { A: true } });
    expect(actionFromForm({ action: 'RETURN', reason: 'Perbaiki unit' })).toEqual({
      type: 'RETURN',
      reason: 'Perbaiki unit',
    });
    expect(actionFromForm({ action: 'CERTIFICATE_ISSUED', serial: 'SN', validUntil: '2028-01-01' })).toEqual({
      type: 'CERTIFICATE_ISSUED',
      serial: 'SN',
      validUntil: '2028-01-01',
    });
    expect(actionFromForm({ action: 'BSRE_REJECTED', code: 'NIK_TIDAK_TERDAFTAR', text: '' })).toEqual({
      type: 'BSRE_REJECTED',
      code: 'NIK_TIDAK_TERDAFTAR',
      text: '',
    });
    expect(actionFromForm({ action: 'SUBMIT_TO_BSRE' })).toEqual({ type: 'SUBMIT_TO_BSRE' });
  });

  it('refuses unknown actions and the applicant-only RESUBMIT; an unknown BSrE code becomes "other"', () => {
    expect(actionFromForm({ action: 'DELETE_ALL' })).toBeNull();
    expect(actionFromForm({})).toBeNull();
    expect(actionFromForm({ action: 'RESUBMIT' })).toBeNull();
    expect(actionFromForm({ action: 'BSRE_REJECTED', code: 'DROP TABLE' })).toMatchObject({ code: 'LAINNYA' });
  });

  it('caps field lengths', () => {
    const long = 'x'.repeat(5000);
    const action = actionFromForm({ action: 'REJECT', reason: long });
    expect(action && 'reason' in action ? action.reason.length : 0).toBe(2000);
  });
});
