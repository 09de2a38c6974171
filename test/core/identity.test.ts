// Tests for the identity rules of bsre-domain.md §3: NIK, NIP / NI PPPK, cross-checks, phone, e-mail, name, masking.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  crossCheckNikNip,
  maskNik,
  nikInfo,
  normalizePhone,
  PAPUA_2022_CODES,
  PROVINCE_CODES,
  validateName,
  validateNik,
  validateNip,
  validateOfficialEmail,
} from '../../src/core/identity';

const NOW = new Date('2026-01-05T08:00:00+08:00');
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const dim = (y: number, m: number) => (m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);

const dateArb = fc
  .record({ year: fc.integer({ min: 1950, max: 2005 }), month: fc.integer({ min: 1, max: 12 }), d: fc.nat() })
  .map(({ year, month, d }) => ({ year, month, day: (d % dim(year, month)) + 1 }));

const validNikArb = fc
  .record({
    province: fc.constantFrom(...Object.keys(PROVINCE_CODES)),
    regency: fc.integer({ min: 1, max: 99 }),
    district: fc.integer({ min: 1, max: 99 }),
    date: dateArb,
    female: fc.boolean(),
    serial: fc.integer({ min: 1, max: 9999 }),
  })
  .map(
    ({ province, regency, district, date, female, serial }) =>
      `${province}${pad(regency, 2)}${pad(district, 2)}${pad(date.day + (female ? 40 : 0), 2)}${pad(date.month, 2)}${pad(date.year % 100, 2)}${pad(serial, 4)}`,
  );

/** A PNS NIP consistent with a date: birth + TMT 18–40 years later (not after NOW) + gender + serial. */
const validNipArb = fc
  .record({
    date: dateArb,
    gap: fc.integer({ min: 18, max: 40 }),
    tmtMonth: fc.integer({ min: 1, max: 12 }),
    female: fc.boolean(),
    serial: fc.integer({ min: 1, max: 999 }),
  })
  .map(({ date, gap, tmtMonth, female, serial }) => {
    const tmtYear = Math.min(date.year + gap, 2025);
    return {
      nip: `${date.year}${pad(date.month, 2)}${pad(date.day, 2)}${tmtYear}${pad(tmtMonth, 2)}${female ? 2 : 1}${pad(serial, 3)}`,
      date,
      female,
    };
  })
  .filter(({ date }) => date.year + 18 <= 2025);

describe('validateNik', () => {
  it('accepts a valid NIK and returns its digits', () => {
    expect(validateNik('7101014101900001')).toEqual({ ok: true, value: '7101014101900001', warnings: [] });
    expect(validateNik(' 7101 0101 0190 0001 ')).toEqual({ ok: true, value: '7101010101900001', warnings: [] });
    expect(validateNik('7101\u200B010101900001')).toMatchObject({ ok: true, value: '7101010101900001' });
  });
  it.each([
    ['', 'REQUIRED'],
    ['710101010190000', 'NIK_LENGTH'],
    ['71010101019000011', 'NIK_LENGTH'],
    ['71010101019O0001', 'NIK_NOT_DIGITS'],
    ['７１０１０１０１０１９０００１', 'NIK_NOT_DIGITS'],
    ['7101-0101-0190-0001', 'NIK_NOT_DIGITS'],
    ['=7101010101900001', 'NIK_NOT_DIGITS'],
    ['0001010101900001', 'NIK_PROVINCE'],
    ['2001010101900001', 'NIK_PROVINCE'],
    ['9901010101900001', 'NIK_PROVINCE'],
    ['7101010001900001', 'NIK_DATE'],
    ['7101013201900001', 'NIK_DATE'],
    ['7101014001900001', 'NIK_DATE'],
    ['7101017201900001', 'NIK_DATE'],
    ['7101013102900001', 'NIK_DATE'],
    ['7101012902010001', 'NIK_DATE'],
    ['7101016902010001', 'NIK_DATE'],
    ['7101010113900001', 'NIK_DATE'],
    ['7101010100900001', 'NIK_DATE'],
    ['7101010101900000', 'NIK_SERIAL'],
  ])('refuses %j with %s', (nik, code) => {
    const out = validateNik(nik);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.errors.map((e) => e.code)).toContain(code);
  });
  it('says how many digits were typed', () => {
    const out = validateNik('710101010190000');
    expect(!out.ok && out.errors[0]!.message).toBe('NIK harus 16 digit angka; yang Anda isi 15 digit.');
  });
  it('accepts 29 February only in leap two-digit years (00 counts: 2000 was leap)', () => {
    expect(validateNik('7101012902000001').ok).toBe(true);
    expect(validateNik('7101016902840001').ok).toBe(true);
    expect(validateNik('7101012902900001').ok).toBe(false);
  });
  it('accepts the 2022 Papua codes 93–96 with a warning', () => {
    for (const code of Object.keys(PAPUA_2022_CODES)) {
      const out = validateNik(`${code}01010101900001`);
      expect(out.ok).toBe(true);
      expect(out.warnings.map((w) => w.code)).toEqual(['NIK_PROVINCE_PAPUA_NEW']);
    }
  });
  it('reports every structural fault at once', () => {
    const out = validateNik('0001013202900000');
    expect(!out.ok && out.errors.map((e) => e.code)).toEqual(['NIK_PROVINCE', 'NIK_DATE', 'NIK_SERIAL']);
  });
  it('accepts any generated valid NIK (property)', () => {
    fc.assert(
      fc.property(validNikArb, (nik) => {
        expect(validateNik(nik)).toEqual({ ok: true, value: nik, warnings: [] });
      }),
    );
  });
  it('refuses any 16-digit string whose date does not exist (property)', () => {
    fc.assert(
      fc.property(
        validNikArb,
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        (nik, dd, mm, yy) => {
          const day = dd > 40 ? dd - 40 : dd;
          const real =
            ((dd >= 1 && dd <= 31) || (dd >= 41 && dd <= 71)) &&
            mm >= 1 &&
            mm <= 12 &&
            day <= Math.max(dim(2000 + yy, mm), dim(1900 + yy, mm));
          const candidate = `${nik.slice(0, 6)}${pad(dd, 2)}${pad(mm, 2)}${pad(yy, 2)}${nik.slice(12)}`;
          const out = validateNik(candidate);
          if (!real) {
            expect(out.ok).toBe(false);
            if (!out.ok) expect(out.errors.map((e) => e.code)).toContain('NIK_DATE');
          } else {
            expect(out.ok).toBe(true);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
  it('refuses any string of the wrong length (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{0,30}$/), (s) => {
        if (s.length === 16) return;
        expect(validateNik(s).ok).toBe(false);
      }),
    );
  });
});

describe('nikInfo', () => {
  it('reads province, regency, district, birth date, gender and Bolmong origin', () => {
    expect(nikInfo('7101204506850003')).toEqual({
      provinceCode: '71',
      provinceName: 'Sulawesi Utara',
      regencyCode: '71.01',
      districtCode: '71.01.20',
      birthDay: 5,
      birthMonth: 6,
      birthYear2: 85,
      gender: 'PEREMPUAN',
      serial: '0003',
      registeredInBolmong: true,
    });
    expect(nikInfo('3273010506850003')).toMatchObject({
      gender: 'LAKI_LAKI',
      registeredInBolmong: false,
      provinceName: 'Jawa Barat',
    });
    expect(nikInfo('123')).toBeNull();
  });
});

describe('validateNip', () => {
  it('accepts a valid PNS NIP and PPPK number', () => {
    expect(validateNip('199001012015031001', 'PNS', NOW)).toEqual({
      ok: true,
      value: '199001012015031001',
      warnings: [],
    });
    expect(validateNip('199001012023211001', 'PPPK', NOW)).toMatchObject({ ok: true });
  });
  it.each([
    ['', 'PNS', 'REQUIRED'],
    ['19900101201503100', 'PNS', 'NIP_LENGTH'],
    ['1990010120150310011', 'PNS', 'NIP_LENGTH'],
    ['19900101201503100A', 'PNS', 'NIP_NOT_DIGITS'],
    ['199002302015031001', 'PNS', 'NIP_BIRTH_DATE'],
    ['189901012015031001', 'PNS', 'NIP_BIRTH_DATE'],
    ['203001012015031001', 'PNS', 'NIP_BIRTH_DATE'],
    ['199001012015131001', 'PNS', 'NIP_TMT_MONTH'],
    ['199001012015001001', 'PNS', 'NIP_TMT_MONTH'],
    ['199001012026021001', 'PNS', 'NIP_TMT_FUTURE'],
    ['199001012030011001', 'PNS', 'NIP_TMT_FUTURE'],
    ['199001012007031001', 'PNS', 'NIP_TMT_TOO_EARLY'],
    ['199001012015033001', 'PNS', 'NIP_GENDER'],
    ['199001012015030001', 'PNS', 'NIP_GENDER'],
    ['199001012015031000', 'PNS', 'NIP_SERIAL'],
    ['199013012023211001', 'PPPK', 'NIP_BIRTH_DATE'],
    ['12345678901234567', 'PPPK', 'NIP_LENGTH'],
  ] as const)('refuses %j (%s) with %s', (nip, status, code) => {
    const out = validateNip(nip, status, NOW);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.errors.map((e) => e.code)).toContain(code);
  });
  it('accepts a TMT in the current month and refuses next month', () => {
    expect(validateNip('199001012026011001', 'PNS', NOW).ok).toBe(true);
    expect(validateNip('199001012026021001', 'PNS', NOW).ok).toBe(false);
  });
  it('PPPK only checks length and birth date (its layout is unconfirmed)', () => {
    expect(validateNip('199001019999990000', 'PPPK', NOW).ok).toBe(true);
  });
  it('says how many digits were typed', () => {
    const out = validateNip('1990', 'PNS', NOW);
    expect(!out.ok && out.errors[0]!.message).toBe('NIP / NI PPPK harus 18 digit angka; yang Anda isi 4 digit.');
  });
  it('accepts any generated valid NIP (property)', () => {
    fc.assert(
      fc.property(validNipArb, ({ nip }) => {
        expect(validateNip(nip, 'PNS', NOW)).toEqual({ ok: true, value: nip, warnings: [] });
        expect(validateNip(nip, 'PPPK', NOW).ok).toBe(true);
      }),
    );
  });
});

describe('crossCheckNikNip', () => {
  it('is silent when NIK and NIP agree (male and female)', () => {
    expect(crossCheckNikNip('7101010101900001', '199001012015031001')).toEqual([]);
    expect(crossCheckNikNip('7101014101900001', '199001012015032001')).toEqual([]);
  });
  it('warns on a birth-date mismatch and on a gender mismatch', () => {
    expect(crossCheckNikNip('7101010201900001', '199001012015031001').map((w) => w.code)).toEqual(['CROSS_BIRTH_DATE']);
    expect(crossCheckNikNip('7101010101910001', '199001012015031001').map((w) => w.code)).toEqual(['CROSS_BIRTH_DATE']);
    expect(crossCheckNikNip('7101014101900001', '199001012015031001').map((w) => w.code)).toEqual(['CROSS_GENDER']);
    expect(crossCheckNikNip('7101010101900001', '199001012015032001').map((w) => w.code)).toEqual(['CROSS_GENDER']);
  });
  it('does not compare gender for PPPK', () => {
    expect(crossCheckNikNip('7101014101900001', '199001012023211001', 'PPPK')).toEqual([]);
  });
  it('says nothing when either number is invalid (the field errors say it)', () => {
    expect(crossCheckNikNip('123', '199001012015031001')).toEqual([]);
    expect(crossCheckNikNip('7101010101900001', '1990')).toEqual([]);
  });
  it('is silent for any consistent pair (property)', () => {
    fc.assert(
      fc.property(
        validNipArb,
        fc.constantFrom(...Object.keys(PROVINCE_CODES)),
        fc.integer({ min: 1, max: 9999 }),
        ({ nip, date, female }, p, serial) => {
          const nik = `${p}0101${pad(date.day + (female ? 40 : 0), 2)}${pad(date.month, 2)}${pad(date.year % 100, 2)}${pad(serial, 4)}`;
          expect(crossCheckNikNip(nik, nip)).toEqual([]);
        },
      ),
    );
  });
});

describe('normalizePhone', () => {
  it.each([
    ['081234567890', '6281234567890'],
    ['0812-3456-7890', '6281234567890'],
    ['0812 3456 7890', '6281234567890'],
    ['+62 812 3456 7890', '6281234567890'],
    ['+62812.3456.7890', '6281234567890'],
    ['62812345678', '62812345678'],
    ['(0812) 34567890', '6281234567890'],
    ['0812345678901', '62812345678901'],
  ])('%j -> %j', (input, expected) => {
    expect(normalizePhone(input)).toEqual({ ok: true, value: expected, warnings: [] });
  });
  it.each([
    '',
    '0812345',
    '081234567890123',
    '0212345678',
    '+1 812 345 6789',
    '+6281234567890x',
    '=0812345678',
    '08１２34567890',
    'abc',
  ])('refuses %j', (input) => {
    expect(normalizePhone(input).ok).toBe(false);
  });
  it('always yields 628 and 9–12 more digits (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('0', '62', '+62'), fc.stringMatching(/^[0-9]{8,11}$/), (prefix, rest) => {
        const out = normalizePhone(`${prefix}8${rest}`);
        expect(out).toEqual({ ok: true, value: `628${rest}`, warnings: [] });
      }),
    );
  });
});

describe('validateOfficialEmail', () => {
  const allowed = ['bolmongkab.go.id'];
  it('accepts and lower-cases an address on an allowed domain or its subdomain', () => {
    expect(validateOfficialEmail('Nama.Pegawai@BolmongKab.go.id', allowed)).toEqual({
      ok: true,
      value: 'nama.pegawai@bolmongkab.go.id',
      warnings: [],
    });
    expect(validateOfficialEmail('  a@diskominfo.bolmongkab.go.id ', allowed).ok).toBe(true);
    expect(validateOfficialEmail('a@kominfo.go.id', []).ok).toBe(true);
    expect(validateOfficialEmail('a@bolmongkab.go.id', ['@bolmongkab.go.id']).ok).toBe(true);
  });
  it.each([
    ['', 'REQUIRED'],
    ['nama@gmail.com', 'EMAIL_NOT_GO_ID'],
    ['nama@go.id', 'EMAIL_NOT_GO_ID'],
    ['nama@bolmongkab.go.id.evil.com', 'EMAIL_NOT_GO_ID'],
    ['nama@bolmongkab.go.id.', 'EMAIL_FORMAT'],
    ['nama@evilbolmongkab.go.id', 'EMAIL_DOMAIN_NOT_ALLOWED'],
    ['nama@kominfo.go.id', 'EMAIL_DOMAIN_NOT_ALLOWED'],
    ['nama@bolmong\u200Bkab.go.id', 'EMAIL_INVISIBLE'],
    ['\uFEFFnama@bolmongkab.go.id', 'EMAIL_INVISIBLE'],
    ['nаma@bolmongkab.go.id', 'EMAIL_NON_ASCII'],
    ['nama@bоlmongkab.go.id', 'EMAIL_NON_ASCII'],
    ['nama@bolmongkab.gо.id', 'EMAIL_NON_ASCII'],
    ['ｎａｍａ@bolmongkab.go.id', 'EMAIL_NON_ASCII'],
    ['nama pegawai@bolmongkab.go.id', 'EMAIL_NON_ASCII'],
    ['nama@@bolmongkab.go.id', 'EMAIL_FORMAT'],
    ['nama..x@bolmongkab.go.id', 'EMAIL_FORMAT'],
    ['.nama@bolmongkab.go.id', 'EMAIL_FORMAT'],
    ['=nama@bolmongkab.go.id', 'EMAIL_FORMAT'],
    ['+nama@bolmongkab.go.id', 'EMAIL_FORMAT'],
    ['-nama@bolmongkab.go.id', 'EMAIL_FORMAT'],
    ['nama@-bolmongkab.go.id', 'EMAIL_FORMAT'],
    ['<script>@bolmongkab.go.id', 'EMAIL_FORMAT'],
    ['nama@bolmongkab', 'EMAIL_NOT_GO_ID'],
    ['@bolmongkab.go.id', 'EMAIL_FORMAT'],
    [`${'a'.repeat(65)}@bolmongkab.go.id`, 'EMAIL_FORMAT'],
  ])('refuses %j with %s', (email, code) => {
    const out = validateOfficialEmail(email, allowed);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.errors.map((e) => e.code)).toEqual([code]);
  });
  it('never accepts an address with a non-ASCII or invisible character (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z]{1,10}$/),
        fc.nat(),
        fc.constantFrom('\u200B', '\u200D', '\u2060', 'а', 'о', 'е', 'і', 'ı', 'é', '\u00A0', 'ｏ'),
        (local, pos, ch) => {
          const addr = `${local}@bolmongkab.go.id`;
          const i = pos % addr.length;
          expect(validateOfficialEmail(addr.slice(0, i) + ch + addr.slice(i), allowed).ok).toBe(false);
        },
      ),
    );
  });
});

describe('validateName', () => {
  it('normalises whitespace and invisible characters', () => {
    expect(validateName('  Budi \t  Santoso\u200B ')).toEqual({ ok: true, value: 'Budi Santoso', warnings: [] });
    expect(validateName('SITI NURHALIZA')).toMatchObject({ ok: true, value: 'SITI NURHALIZA' });
    expect(validateName('Ma’ruf Amin')).toMatchObject({ ok: true, value: "Ma'ruf Amin" });
    expect(validateName('Moh. Arif Mokoginta')).toMatchObject({ ok: true });
    expect(validateName('M.Arif')).toMatchObject({ ok: true });
    expect(validateName('Jean-Pierre Lumentut')).toMatchObject({ ok: true });
    expect(validateName('Sukarno')).toMatchObject({ ok: true });
    expect(validateName('Budi H. Santoso')).toMatchObject({ ok: true, warnings: [] });
    expect(validateName('José Ramírez')).toMatchObject({ ok: true });
    expect(validateName('Ma Huang')).toMatchObject({ ok: true, warnings: [] });
    expect(validateName('Sei Mokoginta')).toMatchObject({ ok: true, warnings: [] });
    expect(validateName('Apt Lumenta')).toMatchObject({ ok: true, warnings: [] });
  });
  it.each([
    ['Dr. Budi Santoso', ['Dr.']],
    ['dr. Budi Santoso', ['dr.']],
    ['Drs. Budi Santoso', ['Drs.']],
    ['Dra Siti', ['Dra']],
    ['Ir. Budi', ['Ir.']],
    ['Prof. Dr. Budi', ['Prof.', 'Dr.']],
    ['Budi Santoso, S.Kom', ['S.Kom']],
    ['Budi Santoso S.T.', ['S.T.']],
    ['Budi Santoso, S.E., M.M.', ['S.E.', 'M.M.']],
    ['Budi Santoso SH', ['SH']],
    ['Budi S.Sos', ['S.Sos']],
    ['Budi S.Pd', ['S.Pd']],
    ['Budi M.Si', ['M.Si']],
    ['Budi M.T.', ['M.T.']],
    ['Budi M.Kom', ['M.Kom']],
    ['Budi A.Md', ['A.Md']],
    ['Budi A.Md.Kom', ['A.Md.Kom']],
    ['Budi Ph.D', ['Ph.D']],
    ['Budi S.IP', ['S.IP']],
    ['Budi S.STP', ['S.STP']],
    ['Budi M.A.', ['M.A.']],
    ['Budi, Apt.', ['Apt.']],
    ['Siti Sp.OG', ['Sp.OG']],
  ])('refuses the title(s) in %j', (name, titles) => {
    const out = validateName(name);
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.errors[0]!.code).toBe('NAME_TITLE');
      for (const t of titles) expect(out.errors[0]!.message).toContain(t);
    }
  });
  it('warns, not refuses, on H. / Hj. (religious honorific) and on more than 60 letters', () => {
    expect(validateName('H. Budi Santoso')).toMatchObject({ ok: true, warnings: [{ code: 'NAME_RELIGIOUS_TITLE' }] });
    expect(validateName('Hj. Siti Aminah')).toMatchObject({ ok: true, warnings: [{ code: 'NAME_RELIGIOUS_TITLE' }] });
    expect(validateName('Hj Siti Aminah')).toMatchObject({ ok: true, warnings: [{ code: 'NAME_RELIGIOUS_TITLE' }] });
    const long = `${'Abcdefghij '.repeat(6)}Xy`;
    expect(validateName(long)).toMatchObject({ ok: true, warnings: [{ code: 'NAME_LONG' }] });
  });
  it.each([
    ['', 'REQUIRED'],
    ['   ', 'REQUIRED'],
    ['\u200B', 'REQUIRED'],
    ['=HYPERLINK("http://x","klik")', 'NAME_FORMULA'],
    ['+Budi', 'NAME_FORMULA'],
    ['-Budi', 'NAME_FORMULA'],
    ['@Budi', 'NAME_FORMULA'],
    ['\t=1+1', 'NAME_FORMULA'],
    ['Budi 2', 'NAME_DIGITS'],
    ['Budi１', 'NAME_DIGITS'],
    ['<script>alert(x)</script>', 'NAME_CHARACTERS'],
    ['<script>alert(1)</script>', 'NAME_DIGITS'],
    ['Budi <b>Santoso</b>', 'NAME_CHARACTERS'],
    ['Budi Santoso, Kepala', 'NAME_COMMA'],
    ['Бyди Santoso', 'NAME_CHARACTERS'],
    ['Budi_Santoso', 'NAME_CHARACTERS'],
    ['Budi & Ani', 'NAME_CHARACTERS'],
    ["'.-", 'NAME_CHARACTERS'],
    ['x'.repeat(101), 'TOO_LONG'],
  ])('refuses %j with %s', (name, code) => {
    const out = validateName(name);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.errors[0]!.code).toBe(code);
  });
  it('accepted names never start with a formula character, contain digits or markup (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        const out = validateName(s);
        if (out.ok) {
          expect(out.value).not.toMatch(/^[=+\-@\s]/);
          expect(out.value).not.toMatch(/[0-9<>"&,]/);
          expect(out.value).toBe(out.value.trim());
          expect(out.value).not.toMatch(/\s{2}/);
        }
      }),
    );
  });
});

describe('maskNik', () => {
  it('keeps the first 4 and last 4 digits', () => {
    expect(maskNik('7101014101900001')).toBe('7101********0001');
  });
  it('masks anything that is not 16 digits entirely', () => {
    expect(maskNik('710101410190000')).toBe('****************');
    expect(maskNik('abc')).toBe('****************');
    expect(maskNik('')).toBe('****************');
  });
  it('never reveals more than 8 digits of any input (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.stringMatching(/^[0-9]{0,40}$/), fc.string()), (s) => {
        const masked = maskNik(s);
        expect(masked.replace(/[^0-9]/g, '').length).toBeLessThanOrEqual(8);
        expect(masked).toHaveLength(16);
      }),
    );
  });
  it('reveals exactly the first and last 4 digits of a valid NIK (property)', () => {
    fc.assert(
      fc.property(validNikArb, (nik) => {
        expect(maskNik(nik)).toBe(`${nik.slice(0, 4)}********${nik.slice(12)}`);
      }),
    );
  });
});
