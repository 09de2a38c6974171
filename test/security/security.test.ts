// The security suite: attacks on links, duties, input, concurrency, faults, the audit chain and personal data, run on
// the built bundle in the emulator; prints the figures and writes test-results/security-summary.json.
import { afterAll, describe, expect, it } from 'vitest';
import './links.attacks';
import './duties.attacks';
import './inputs.attacks';
import './faults.attacks';
import './concurrency.attacks';
import './records.attacks';
import { reportSummary, sweepWorlds } from './support';

describe('final sweep over every world the suite built', () => {
  it('mail settled with none lost or sent twice, no formula cell anywhere, no full NIK outside Data Terbatas', () => {
    const { problems } = sweepWorlds();
    expect(problems).toEqual([]);
  });
});

afterAll(() => {
  reportSummary();
});
