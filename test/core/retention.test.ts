// Retention: when a finished application's personal data is due, and every Drive file a Data Terbatas cell names.
import { describe, expect, it } from 'vitest';
import { driveFileId, driveFileIds, retentionDue } from '../../src/core/retention';
import { STATUS } from '../../src/core/workflow-types';

const NOW = new Date('2026-11-25T04:00:00Z');

describe('retentionDue', () => {
  it('is due once the set days have passed since a final status, never for an application in process', () => {
    const finishedAt = '2026-11-15T04:00:00Z';
    expect(retentionDue({ status: STATUS.DITOLAK, finishedAt }, 10, NOW)).toBe(true);
    expect(retentionDue({ status: STATUS.DITOLAK, finishedAt }, 11, NOW)).toBe(false);
    expect(retentionDue({ status: STATUS.DITERUSKAN_SANDIMAN, finishedAt }, 0, NOW)).toBe(false);
  });

  it('keeps the data when the finish date is unreadable or the days negative', () => {
    expect(retentionDue({ status: STATUS.DITOLAK, finishedAt: 'kemarin' }, 0, NOW)).toBe(false);
    expect(retentionDue({ status: STATUS.DITOLAK, finishedAt: '2026-01-01T00:00:00Z' }, -1, NOW)).toBe(false);
  });
});

describe('driveFileIds', () => {
  it('reads every link of a cell (one per line), each once, in order', () => {
    const a = '1aaaaaaaaaaaaaaaaaaa';
    const b = '1bbbbbbbbbbbbbbbbbbb';
    const cell = `https://drive.google.com/file/d/${a}/view\nhttps://drive.google.com/open?id=${b}\nhttps://drive.google.com/file/d/${a}/view`;
    expect(driveFileIds(cell)).toEqual([a, b]);
    expect(driveFileId(cell)).toBe(a);
  });

  it('finds none in text without a Drive link', () => {
    expect(driveFileIds('')).toEqual([]);
    expect(driveFileIds('dibawa langsung ke Dinas')).toEqual([]);
  });
});
