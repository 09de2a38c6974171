// A known data set for the Dasbor and the monthly report: ten applications and six certificates, November 2026 in focus.
import type { TrackedCertificate } from '../../../src/core/expiry';
import { blankApplication } from '../../../src/core/register-schema';
import type {
  ActionType,
  Application,
  CertificateRecord,
  ServiceCode,
  Status,
  StepTiming,
} from '../../../src/core/workflow-types';

/** The Dasbor is looked at on 1 December 2026, 09:00 WITA; the report covers November 2026. */
export const KNOWN_NOW = new Date('2026-12-01T01:00:00Z');
export const KNOWN_PERIOD = '2026-11';

interface Spec {
  id: string;
  service: ServiceCode;
  unit: string;
  status: Status;
  submittedAt: string;
  nip: string;
  /** step -> [business minutes, ended at (ISO), official] ; minutes null = still running. */
  steps: Record<number, [number | null, string, string]>;
  history: [string, ActionType | 'SUBMIT', Status, string][];
}

function timing(step: number, [minutes, at, official]: [number | null, string, string]): StepTiming {
  return {
    step,
    startedAt: at,
    endedAt: minutes === null ? null : at,
    actor: minutes === null ? '' : official,
    minutesBefore: 0,
    businessMinutes: minutes,
    onTime: null,
    pausedAt: null,
    remindedAt: null,
    escalatedAt: null,
  };
}

function build(spec: Spec): Application {
  const app = blankApplication();
  app.id = spec.id;
  app.responseId = `resp-${spec.id}`;
  app.version = spec.history.length;
  app.status = spec.status;
  app.submittedAt = spec.submittedAt;
  app.updatedAt = spec.history[spec.history.length - 1]![0];
  app.applicant = {
    ...app.applicant,
    name: `Pemohon ${spec.id.slice(-4)}`,
    nikMasked: '7101********0001',
    nikKey: `key-${spec.id}`,
    nip: spec.nip,
    position: 'Analis',
    unit: spec.unit,
    email: `p${spec.id.slice(-4)}@bolmongkab.go.id`,
    phone: '6281234567890',
    service: spec.service,
  };
  app.steps = Object.fromEntries(Object.entries(spec.steps).map(([n, t]) => [Number(n), timing(Number(n), t)]));
  const numbers = Object.keys(app.steps).map(Number);
  app.currentStep = numbers.length === 0 ? 0 : Math.max(...numbers);
  let from: Status | null = null;
  app.history = spec.history.map(([at, action, to, note]) => {
    const entry = { at, actor: 'x@bolmongkab.go.id', role: 'SISTEM' as const, action, from, to, note };
    from = to;
    return entry;
  });
  return app;
}

const KADIS = 'kepala.dinas@bolmongkab.go.id';
const KABID = 'kabid.persandian@bolmongkab.go.id';
const VERIF = 'verifikator@bolmongkab.go.id';

const SPECS: Spec[] = [
  {
    id: 'TTE-2026-0001',
    service: 'PENERBITAN_BARU',
    unit: 'Dinas Kominfo',
    status: 'SERTIFIKAT_TERBIT',
    submittedAt: '2026-11-02T01:00:00.000Z',
    nip: '198503122010011001',
    steps: {
      1: [8, '2026-11-02T02:00:00.000Z', KADIS],
      2: [12, '2026-11-02T03:00:00.000Z', KABID],
      3: [15, '2026-11-03T02:00:00.000Z', VERIF],
      4: [20, '2026-11-04T02:00:00.000Z', VERIF],
      5: [30, '2026-11-05T02:00:00.000Z', VERIF],
    },
    history: [
      ['2026-11-02T01:00:00.000Z', 'SUBMIT', 'MENUNGGU_VERIFIKASI_EMAIL', ''],
      ['2026-11-02T01:30:00.000Z', 'VERIFY_EMAIL', 'MENUNGGU_DISPOSISI_KADIS', ''],
      ['2026-11-05T02:00:00.000Z', 'CERTIFICATE_ISSUED', 'SERTIFIKAT_TERBIT', 'S-0001; berlaku sampai 2028-11-05'],
    ],
  },
  {
    id: 'TTE-2026-0002',
    service: 'PENERBITAN_BARU',
    unit: 'Dinas Kesehatan',
    status: 'SERTIFIKAT_TERBIT',
    submittedAt: '2026-11-09T01:00:00.000Z',
    nip: '199001012015011002',
    steps: {
      1: [5, '2026-11-09T02:00:00.000Z', KADIS],
      2: [9, '2026-11-09T03:00:00.000Z', KABID],
      3: [30, '2026-11-10T02:00:00.000Z', VERIF],
      4: [10, '2026-11-20T02:00:00.000Z', VERIF],
    },
    history: [
      ['2026-11-09T01:00:00.000Z', 'SUBMIT', 'MENUNGGU_VERIFIKASI_EMAIL', ''],
      ['2026-11-09T01:10:00.000Z', 'VERIFY_EMAIL', 'MENUNGGU_DISPOSISI_KADIS', ''],
      ['2026-11-20T02:00:00.000Z', 'CERTIFICATE_ISSUED', 'SERTIFIKAT_TERBIT', 'S-0002; berlaku sampai 2028-11-20'],
    ],
  },
  {
    id: 'TTE-2026-0003',
    service: 'PENERBITAN_BARU',
    unit: 'Dinas Kesehatan',
    status: 'DITOLAK',
    submittedAt: '2026-11-10T01:00:00.000Z',
    nip: '199102022016022003',
    steps: {
      1: [11, '2026-11-10T02:00:00.000Z', KADIS],
      2: [10, '2026-11-10T03:00:00.000Z', KABID],
    },
    history: [
      ['2026-11-10T01:00:00.000Z', 'SUBMIT', 'MENUNGGU_VERIFIKASI_EMAIL', ''],
      ['2026-11-10T01:05:00.000Z', 'VERIFY_EMAIL', 'MENUNGGU_DISPOSISI_KADIS', ''],
      ['2026-11-11T01:00:00.000Z', 'REJECT', 'DITOLAK', 'Berkas KTP tidak terbaca'],
    ],
  },
  {
    id: 'TTE-2026-0004',
    service: 'PENERBITAN_BARU',
    unit: 'Badan Keuangan Daerah',
    status: 'DITOLAK_BSRE',
    submittedAt: '2026-11-12T01:00:00.000Z',
    nip: '199203032017031004',
    steps: {
      1: [7, '2026-11-12T02:00:00.000Z', KADIS],
      2: [4, '2026-11-12T03:00:00.000Z', KABID],
      3: [14, '2026-11-13T02:00:00.000Z', VERIF],
      4: [null, '2026-11-13T02:00:00.000Z', ''],
    },
    history: [
      ['2026-11-12T01:00:00.000Z', 'SUBMIT', 'MENUNGGU_VERIFIKASI_EMAIL', ''],
      ['2026-11-12T01:05:00.000Z', 'VERIFY_EMAIL', 'MENUNGGU_DISPOSISI_KADIS', ''],
      ['2026-11-16T01:00:00.000Z', 'BSRE_REJECTED', 'DITOLAK_BSRE', 'KTP_TIDAK_SESUAI: nama berbeda dengan KTP'],
    ],
  },
  {
    id: 'TTE-2026-0005',
    service: 'PEMBARUAN',
    unit: 'Dinas Kominfo',
    status: 'DITERUSKAN_SANDIMAN',
    submittedAt: '2026-11-20T01:00:00.000Z',
    nip: '198001012005011005',
    steps: {
      1: [25, '2026-11-20T02:00:00.000Z', KADIS],
      2: [null, '2026-11-20T02:00:00.000Z', ''],
    },
    history: [
      ['2026-11-20T01:00:00.000Z', 'SUBMIT', 'MENUNGGU_VERIFIKASI_EMAIL', ''],
      ['2026-11-20T01:05:00.000Z', 'VERIFY_EMAIL', 'MENUNGGU_DISPOSISI_KADIS', ''],
      ['2026-11-20T02:00:00.000Z', 'DISPOSE', 'DIDISPOSISIKAN_KABID', ''],
      ['2026-11-20T03:00:00.000Z', 'DISPOSE', 'DITERUSKAN_SANDIMAN', ''],
    ],
  },
  {
    id: 'TTE-2026-0006',
    service: 'RESET_PASSPHRASE',
    unit: 'Dinas Pendidikan',
    status: 'PASSPHRASE_DIATUR',
    submittedAt: '2026-11-23T01:00:00.000Z',
    nip: '198802022012022006',
    steps: {
      1: [20, '2026-11-23T02:00:00.000Z', VERIF],
      2: [10, '2026-11-23T03:00:00.000Z', VERIF],
    },
    history: [
      ['2026-11-23T01:00:00.000Z', 'SUBMIT', 'MENUNGGU_VERIFIKASI_EMAIL', ''],
      ['2026-11-23T01:05:00.000Z', 'VERIFY_EMAIL', 'DITERUSKAN_VERIFIKATOR', ''],
      ['2026-11-23T03:00:00.000Z', 'PASSPHRASE_SET', 'PASSPHRASE_DIATUR', ''],
    ],
  },
  {
    id: 'TTE-2026-0007',
    service: 'PENERBITAN_BARU',
    unit: 'Dinas Kesehatan',
    status: 'DIKEMBALIKAN',
    submittedAt: '2026-11-24T01:00:00.000Z',
    nip: '199304042018041007',
    steps: {},
    history: [
      ['2026-11-24T01:00:00.000Z', 'SUBMIT', 'MENUNGGU_VERIFIKASI_EMAIL', ''],
      ['2026-11-24T01:05:00.000Z', 'VERIFY_EMAIL', 'MENUNGGU_DISPOSISI_KADIS', ''],
      ['2026-11-24T02:00:00.000Z', 'RETURN', 'DIKEMBALIKAN', 'Lengkapi surat permohonan'],
    ],
  },
  {
    id: 'TTE-2026-0008',
    service: 'PENCABUTAN',
    unit: 'Dinas Pendidikan',
    status: 'DITOLAK',
    submittedAt: '2026-11-25T01:00:00.000Z',
    nip: '197505052000051008',
    steps: { 1: [6, '2026-11-25T02:00:00.000Z', KADIS] },
    history: [
      ['2026-11-25T01:00:00.000Z', 'SUBMIT', 'MENUNGGU_VERIFIKASI_EMAIL', ''],
      ['2026-11-25T01:05:00.000Z', 'VERIFY_EMAIL', 'MENUNGGU_DISPOSISI_KADIS', ''],
      ['2026-11-26T01:00:00.000Z', 'REJECT', 'DITOLAK', 'Berkas KTP tidak terbaca'],
    ],
  },
  {
    id: 'TTE-2026-0009',
    service: 'PENERBITAN_BARU',
    unit: 'Dinas Kominfo',
    status: 'SERTIFIKAT_TERBIT',
    submittedAt: '2026-10-10T01:00:00.000Z',
    nip: '198604042011041009',
    steps: {
      1: [10, '2026-10-10T02:00:00.000Z', KADIS],
      2: [10, '2026-10-10T03:00:00.000Z', KABID],
      3: [16, '2026-10-12T02:00:00.000Z', VERIF],
      4: [12, '2026-10-20T02:00:00.000Z', VERIF],
    },
    history: [
      ['2026-10-10T01:00:00.000Z', 'SUBMIT', 'MENUNGGU_VERIFIKASI_EMAIL', ''],
      ['2026-10-10T01:05:00.000Z', 'VERIFY_EMAIL', 'MENUNGGU_DISPOSISI_KADIS', ''],
      ['2026-10-20T02:00:00.000Z', 'CERTIFICATE_ISSUED', 'SERTIFIKAT_TERBIT', 'S-0009; berlaku sampai 2026-12-20'],
    ],
  },
  {
    id: 'TTE-2026-0010',
    service: 'PENERBITAN_BARU',
    unit: '',
    status: 'DATA_TIDAK_VALID',
    submittedAt: '2026-11-30T01:00:00.000Z',
    nip: '',
    steps: {},
    history: [['2026-11-30T01:00:00.000Z', 'SUBMIT', 'DATA_TIDAK_VALID', 'NIK tidak sah']],
  },
];

/** The ten applications. */
export function knownApplications(): Application[] {
  return SPECS.map(build);
}

/** The six Sertifikat Terbit rows: two issued in November, one in October, an expired, a revoked and a replaced one. */
export function knownCertificates(): (CertificateRecord & { revoked: boolean })[] {
  const base = (id: string, serial: string, nip: string, issuedAt: string, validUntil: string, revoked = false) => ({
    applicationId: id,
    name: `Pemegang ${serial}`,
    nikMasked: '7101********0001',
    nip,
    position: 'Analis',
    unit: 'Dinas Kominfo',
    email: `${serial.toLowerCase()}@bolmongkab.go.id`,
    service: 'PENERBITAN_BARU' as const,
    serial,
    issuedAt,
    validUntil,
    revoked,
  });
  return [
    base('TTE-2026-0001', 'S-0001', '198503122010011001', '2026-11-05T02:00:00.000Z', '2028-11-05'),
    base('TTE-2026-0002', 'S-0002', '199001012015011002', '2026-11-20T02:00:00.000Z', '2028-11-20'),
    base('TTE-2026-0009', 'S-0009', '198604042011041009', '2026-10-20T02:00:00.000Z', '2026-12-20'),
    base('TTE-2024-0100', 'S-0100', '197001012000011100', '2024-11-15T02:00:00.000Z', '2026-11-15'),
    base('TTE-2026-0101', 'S-0101', '197101012000011101', '2026-06-15T02:00:00.000Z', '2028-06-15', true),
    base('TTE-2024-0050', 'S-0050', '198503122010011001', '2024-11-01T02:00:00.000Z', '2026-12-10'),
  ];
}

/** The certificates as the expiry rules see them. */
export function knownTracked(): TrackedCertificate[] {
  return knownCertificates().map((c) => ({
    serial: c.serial,
    applicationId: c.applicationId,
    name: c.name,
    nip: c.nip,
    unit: c.unit,
    email: c.email,
    issuedAt: c.issuedAt,
    validUntil: c.validUntil,
    revoked: c.revoked,
    noticesSent: [],
  }));
}
