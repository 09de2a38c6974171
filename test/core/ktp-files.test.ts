// KTP scan names (application ID, original type ending, nothing of the applicant's file name) and the recorded link.
import { describe, expect, it } from 'vitest';
import { driveFileLink, ktpFileName } from '../../src/core/ktp-files';
import { driveFileId } from '../../src/core/retention';

describe('ktpFileName', () => {
  it('names a scan by application ID and keeps only the type ending, lower case', () => {
    expect(ktpFileName('KTP Budi Santoso 7101201508850001.JPG', 'TTE-2026-0001', 0, 1)).toBe('TTE-2026-0001 KTP.jpg');
    expect(ktpFileName('scan.pdf', 'TTE-2026-0002', 1, 3)).toBe('TTE-2026-0002 KTP (2).pdf');
  });

  it('drops an ending that is not a plain type (no name, NIK or markup survives)', () => {
    expect(ktpFileName('ktp', 'TTE-2026-0003', 0, 1)).toBe('TTE-2026-0003 KTP');
    expect(ktpFileName('7101201508850001.<b>x</b>', 'TTE-2026-0003', 0, 1)).toBe('TTE-2026-0003 KTP');
    expect(ktpFileName('a.7101201508850001', 'TTE-2026-0003', 0, 1)).toBe('TTE-2026-0003 KTP');
  });
});

describe('driveFileLink', () => {
  it('is read back by retention (driveFileId), so a recorded scan can be trashed', () => {
    const id = '1up0000000eAbCdEf_-';
    expect(driveFileLink(id)).toBe(`https://drive.google.com/file/d/${id}/view`);
    expect(driveFileId(driveFileLink(id))).toBe(id);
  });
});
