// Tests for lifecycle requests: the certificate named, the renewal window, expired certificates and revocation reasons.
import { describe, expect, it } from 'vitest';
import type { TrackedCertificate } from '../../../src/core/expiry';
import {
  checkLifecycleRequest,
  formatLifecycleRequest,
  lifecycleAnswersOf,
  normaliseSerial,
  parseLifecycleRequest,
  revocationReasonOf,
} from '../../../src/core/lifecycle-request';
import { LIFECYCLE_QUESTIONS, REVOCATION_REASON_LABELS } from '../../../src/core/messages/lifecycle';

const HOLDER = { nip: '198503122010011001', email: 'budi.santoso@bolmongkab.go.id' };
const CERT: TrackedCertificate = {
  serial: '3F2A 9C01',
  applicationId: 'TTE-2026-0001',
  name: 'Budi Santoso',
  nip: HOLDER.nip,
  unit: 'Dinas Kominfo',
  email: HOLDER.email,
  issuedAt: '2025-02-01T02:00:00Z',
  validUntil: '2027-01-31',
  revoked: false,
  noticesSent: [],
};
const answers = (serial: string, revocationReason = '', revocationNote = '') => ({
  serial,
  revocationReason,
  revocationNote,
});

function issuesOf(result: ReturnType<typeof checkLifecycleRequest>): string[] {
  return result.ok ? [] : result.issues.map((i) => `${i.field}: ${i.message}`);
}

describe('checkLifecycleRequest', () => {
  it('asks nothing of a new issuance', () => {
    expect(checkLifecycleRequest('PENERBITAN_BARU', answers(''), HOLDER, [], '2026-06-01')).toEqual({
      ok: true,
      request: { service: 'PENERBITAN_BARU', serial: '', revocationReason: null, revocationNote: '' },
    });
  });

  it('requires a serial for renewal and revocation, and checks any serial given, of the applicant', () => {
    for (const service of ['PEMBARUAN', 'PENCABUTAN'] as const) {
      const none = issuesOf(checkLifecycleRequest(service, answers('', 'Pensiun'), HOLDER, [CERT], '2027-01-10'));
      expect(none[0]).toContain('memerlukan nomor seri sertifikat');
    }
    for (const service of ['RESET_PASSPHRASE', 'PERUBAHAN_DATA'] as const) {
      expect(checkLifecycleRequest(service, answers(''), HOLDER, [CERT], '2027-01-10').ok).toBe(true);
    }
    for (const service of ['PEMBARUAN', 'RESET_PASSPHRASE', 'PERUBAHAN_DATA', 'PENCABUTAN'] as const) {
      const unknown = issuesOf(
        checkLifecycleRequest(service, answers('FFFF', 'Pensiun'), HOLDER, [CERT], '2027-01-10'),
      );
      expect(unknown[0]).toContain('tidak ditemukan');
    }
    const other = checkLifecycleRequest(
      'RESET_PASSPHRASE',
      answers('3f2a9c01'),
      { nip: '199001012015011002', email: 'ani@bolmongkab.go.id' },
      [CERT],
      '2026-06-01',
    );
    expect(issuesOf(other)[0]).toContain('atas nama pemegang lain');
  });

  it('matches a serial written with spaces or in lower case', () => {
    expect(normaliseSerial(' 3f2a 9c01 ')).toBe('3F2A9C01');
    const ok = checkLifecycleRequest('RESET_PASSPHRASE', answers('3f2a9c01'), HOLDER, [CERT], '2026-06-01');
    expect(ok).toMatchObject({ ok: true, request: { serial: '3F2A9C01' } });
  });

  it('opens renewal on H-30 and refuses it before, naming the opening day', () => {
    expect(
      issuesOf(checkLifecycleRequest('PEMBARUAN', answers(CERT.serial), HOLDER, [CERT], '2026-12-31'))[0],
    ).toContain('mulai 2027-01-01');
    expect(checkLifecycleRequest('PEMBARUAN', answers(CERT.serial), HOLDER, [CERT], '2027-01-01').ok).toBe(true);
    expect(checkLifecycleRequest('PEMBARUAN', answers(CERT.serial), HOLDER, [CERT], '2027-01-31').ok).toBe(true);
  });

  it('refuses an expired certificate: it needs a new application (or needs no revocation)', () => {
    for (const service of ['PEMBARUAN', 'RESET_PASSPHRASE', 'PERUBAHAN_DATA'] as const) {
      const out = issuesOf(checkLifecycleRequest(service, answers(CERT.serial), HOLDER, [CERT], '2027-02-01'));
      expect(out[0]).toContain('tidak dapat diperbarui: ajukan Penerbitan baru');
    }
    const revoke = issuesOf(
      checkLifecycleRequest('PENCABUTAN', answers(CERT.serial, 'Pensiun'), HOLDER, [CERT], '2027-02-01'),
    );
    expect(revoke[0]).toContain('tidak perlu dicabut');
  });

  it('refuses a revoked certificate and one replaced by a newer certificate', () => {
    const revoked = { ...CERT, revoked: true };
    expect(
      issuesOf(checkLifecycleRequest('RESET_PASSPHRASE', answers(CERT.serial), HOLDER, [revoked], '2026-06-01'))[0],
    ).toContain('sudah dicabut');
    const newer = { ...CERT, serial: 'NEW1', issuedAt: '2026-05-01T00:00:00Z', validUntil: '2028-05-01' };
    expect(
      issuesOf(checkLifecycleRequest('RESET_PASSPHRASE', answers(CERT.serial), HOLDER, [CERT, newer], '2026-06-01'))[0],
    ).toContain('sudah diganti');
  });

  it('requires a known revocation reason, and a note for "Alasan lain"', () => {
    const none = issuesOf(checkLifecycleRequest('PENCABUTAN', answers(CERT.serial), HOLDER, [CERT], '2026-06-01'));
    expect(none).toEqual(['revocationReason: Pilih alasan pencabutan.']);
    const bad = issuesOf(
      checkLifecycleRequest('PENCABUTAN', answers(CERT.serial, 'Bosan'), HOLDER, [CERT], '2026-06-01'),
    );
    expect(bad[0]).toContain('"Bosan" tidak dikenal');
    const other = issuesOf(
      checkLifecycleRequest(
        'PENCABUTAN',
        answers(CERT.serial, REVOCATION_REASON_LABELS.LAINNYA, ' ab '),
        HOLDER,
        [CERT],
        '2026-06-01',
      ),
    );
    expect(other[0]).toContain('revocationNote');
    const ok = checkLifecycleRequest(
      'PENCABUTAN',
      answers(CERT.serial, REVOCATION_REASON_LABELS.KUNCI_BOCOR, 'Laptop  hilang'),
      HOLDER,
      [CERT],
      '2026-06-01',
    );
    expect(ok).toMatchObject({
      ok: true,
      request: { revocationReason: 'KUNCI_BOCOR', revocationNote: 'Laptop hilang' },
    });
  });

  it('lets someone else file the revocation of a deceased holder', () => {
    const out = checkLifecycleRequest(
      'PENCABUTAN',
      answers(CERT.serial, REVOCATION_REASON_LABELS.MENINGGAL),
      { nip: '197001012000011100', email: 'atasan@bolmongkab.go.id' },
      [CERT],
      '2026-06-01',
    );
    expect(out.ok).toBe(true);
  });

  it('reads reasons by label or code, and answers by question title', () => {
    expect(revocationReasonOf('pensiun')).toBe('PENSIUN');
    expect(revocationReasonOf('MUTASI')).toBe('MUTASI');
    expect(revocationReasonOf('x')).toBeNull();
    expect(
      lifecycleAnswersOf({ [LIFECYCLE_QUESTIONS.serial]: ' AB ', [LIFECYCLE_QUESTIONS.revocationReason]: ['Pensiun'] }),
    ).toEqual({ serial: 'AB', revocationReason: 'Pensiun', revocationNote: '' });
  });
});

describe('the register cell of a lifecycle request', () => {
  it('round-trips serial, reason and note', () => {
    const request = {
      service: 'PENCABUTAN' as const,
      serial: 'AB12',
      revocationReason: 'KUNCI_BOCOR' as const,
      revocationNote: 'laptop hilang; dilaporkan',
    };
    const text = formatLifecycleRequest(request);
    expect(text).toBe(
      'Nomor seri AB12; alasan: Kunci privat atau passphrase diketahui orang lain / disalahgunakan; keterangan: laptop hilang, dilaporkan',
    );
    expect(parseLifecycleRequest('PENCABUTAN', text)).toEqual({
      ...request,
      revocationNote: 'laptop hilang, dilaporkan',
    });
    expect(parseLifecycleRequest('PEMBARUAN', 'Nomor seri X1')).toEqual({
      service: 'PEMBARUAN',
      serial: 'X1',
      revocationReason: null,
      revocationNote: '',
    });
    expect(parseLifecycleRequest('PEMBARUAN', '')).toBeNull();
    expect(
      formatLifecycleRequest({ service: 'PENERBITAN_BARU', serial: '', revocationReason: null, revocationNote: '' }),
    ).toBe('');
  });
});
