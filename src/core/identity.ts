// Identity rules for applicants (NIK, NIP / NI PPPK, phone, official e-mail, name as on the KTP), per docs/reference/bsre-domain.md §3.

import type { IssueCode } from './messages/validation';
import { VALIDATION_MESSAGES as M } from './messages/validation';
import { hasInvisible, stripInvisible } from './sanitize';

/** One finding about one field: `code` is stable for programs, `message` is Indonesian for people. */
export interface Issue {
  field: string;
  code: IssueCode;
  message: string;
}

/**
 * Result of a check: the normalised value when it passes, the errors when not; warnings either way (warnings never
 * block an application, they ask the applicant or the Sandiman to confirm against the KTP).
 */
export type Checked<T> = { ok: true; value: T; warnings: Issue[] } | { ok: false; errors: Issue[]; warnings: Issue[] };

/** Status kepegawaian: the two kinds of ASN BSrE distinguishes. */
export type EmploymentStatus = 'PNS' | 'PPPK';

/** What a NIK's digits say (codes are those of first registration, not the current address). */
export interface NikInfo {
  provinceCode: string;
  provinceName: string | null;
  regencyCode: string;
  districtCode: string;
  birthDay: number;
  birthMonth: number;
  birthYear2: number;
  gender: 'LAKI_LAKI' | 'PEREMPUAN';
  serial: string;
  /** True when first registered in Kabupaten Bolaang Mongondow (71.01); informational only. */
  registeredInBolmong: boolean;
}

/** Province codes of the 34 provinces before 2022, with names. Ref: bsre-domain.md §3.1 [S26b]. */
export const PROVINCE_CODES: Record<string, string> = {
  '11': 'Aceh',
  '12': 'Sumatera Utara',
  '13': 'Sumatera Barat',
  '14': 'Riau',
  '15': 'Jambi',
  '16': 'Sumatera Selatan',
  '17': 'Bengkulu',
  '18': 'Lampung',
  '19': 'Kepulauan Bangka Belitung',
  '21': 'Kepulauan Riau',
  '31': 'DKI Jakarta',
  '32': 'Jawa Barat',
  '33': 'Jawa Tengah',
  '34': 'DI Yogyakarta',
  '35': 'Jawa Timur',
  '36': 'Banten',
  '51': 'Bali',
  '52': 'Nusa Tenggara Barat',
  '53': 'Nusa Tenggara Timur',
  '61': 'Kalimantan Barat',
  '62': 'Kalimantan Tengah',
  '63': 'Kalimantan Selatan',
  '64': 'Kalimantan Timur',
  '65': 'Kalimantan Utara',
  '71': 'Sulawesi Utara',
  '72': 'Sulawesi Tengah',
  '73': 'Sulawesi Selatan',
  '74': 'Sulawesi Tenggara',
  '75': 'Gorontalo',
  '76': 'Sulawesi Barat',
  '81': 'Maluku',
  '82': 'Maluku Utara',
  '91': 'Papua',
  '92': 'Papua Barat',
};

/**
 * The 2022 Papua provinces' probable codes: UNCONFIRMED (bsre-domain.md §3.1), so accepted with a warning.
 * Open: names follow the order of the 2022 laws; not verified against a Kemendagri code list.
 */
export const PAPUA_2022_CODES: Record<string, string> = {
  '93': 'Papua Selatan',
  '94': 'Papua Tengah',
  '95': 'Papua Pegunungan',
  '96': 'Papua Barat Daya',
};

/** Kabupaten Bolaang Mongondow's regency code (71.01). Ref: bsre-domain.md §3.1 [S25]. */
export const BOLMONG_REGENCY_PREFIX = '7101';

function issue(field: string, code: IssueCode, message: string): Issue {
  return { field, code, message };
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** A NIK's year has two digits; 29 February exists in 19YY or 20YY exactly when YY is a multiple of 4 (2000 was leap). */
function isRealTwoDigitYearDate(year2: number, month: number, day: number): boolean {
  return isRealDate(2000 + year2, month, day) || isRealDate(1900 + year2, month, day);
}

/** Removes spaces and invisible characters people paste with numbers; anything else stays for the digit check. */
function compactNumber(input: string): string {
  return stripInvisible(input).replace(/\s+/g, '');
}

/** WITA calendar parts of an instant (UTC+8, no DST), for "not in the future" checks. */
function witaParts(now: Date): { year: number; month: number; day: number } {
  const local = new Date(now.getTime() + 8 * 3600000);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
}

function compareYmd(a: [number, number, number], b: [number, number, number]): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/**
 * Validates a NIK structurally (docs/reference/bsre-domain.md §3.1): 16 ASCII digits, a known province code
 * (the 2022 Papua codes 93–96 pass with a warning), a real date DDMMYY with women's day + 40, serial not 0000.
 * Spaces and zero-width characters are removed first. The value returned is the 16 digits.
 */
export function validateNik(nik: string): Checked<string> {
  const value = compactNumber(nik);
  const warnings: Issue[] = [];
  if (value.length === 0) return { ok: false, errors: [issue('nik', 'REQUIRED', M.REQUIRED('nik'))], warnings };
  if (!/^[0-9]+$/.test(value)) {
    return { ok: false, errors: [issue('nik', 'NIK_NOT_DIGITS', M.NIK_NOT_DIGITS())], warnings };
  }
  if (value.length !== 16) {
    return { ok: false, errors: [issue('nik', 'NIK_LENGTH', M.NIK_LENGTH(value.length))], warnings };
  }
  const errors: Issue[] = [];
  const province = value.slice(0, 2);
  if (PAPUA_2022_CODES[province] !== undefined) {
    warnings.push(issue('nik', 'NIK_PROVINCE_PAPUA_NEW', M.NIK_PROVINCE_PAPUA_NEW(province)));
  } else if (PROVINCE_CODES[province] === undefined) {
    errors.push(issue('nik', 'NIK_PROVINCE', M.NIK_PROVINCE(province)));
  }
  const rawDay = Number(value.slice(6, 8));
  const month = Number(value.slice(8, 10));
  const year2 = Number(value.slice(10, 12));
  const day = rawDay > 40 ? rawDay - 40 : rawDay;
  const dayInRange = (rawDay >= 1 && rawDay <= 31) || (rawDay >= 41 && rawDay <= 71);
  if (!dayInRange || !isRealTwoDigitYearDate(year2, month, day)) {
    errors.push(issue('nik', 'NIK_DATE', M.NIK_DATE()));
  }
  if (value.slice(12) === '0000') errors.push(issue('nik', 'NIK_SERIAL', M.NIK_SERIAL()));
  return errors.length > 0 ? { ok: false, errors, warnings } : { ok: true, value, warnings };
}

/**
 * Reads what a structurally valid NIK encodes (province, regency, district, birth date, gender, serial);
 * null when validateNik refuses it. The NIK never changes even if its date differs from the real birth date
 * (PP 40/2019 Pasal 30(2)), so callers must treat these as hints.
 */
export function nikInfo(nik: string): NikInfo | null {
  const checked = validateNik(nik);
  if (!checked.ok) return null;
  const v = checked.value;
  const province = v.slice(0, 2);
  const rawDay = Number(v.slice(6, 8));
  return {
    provinceCode: province,
    provinceName: PROVINCE_CODES[province] ?? PAPUA_2022_CODES[province] ?? null,
    regencyCode: `${province}.${v.slice(2, 4)}`,
    districtCode: `${province}.${v.slice(2, 4)}.${v.slice(4, 6)}`,
    birthDay: rawDay > 40 ? rawDay - 40 : rawDay,
    birthMonth: Number(v.slice(8, 10)),
    birthYear2: Number(v.slice(10, 12)),
    gender: rawDay > 40 ? 'PEREMPUAN' : 'LAKI_LAKI',
    serial: v.slice(12),
    registeredInBolmong: v.startsWith(BOLMONG_REGENCY_PREFIX),
  };
}

/**
 * Validates a NIP (PNS) or NI PPPK (docs/reference/bsre-domain.md §3.2). PNS: 18 digits = birth date YYYYMMDD +
 * TMT CPNS YYYYMM (month 01–12, not in the future, at least 18 years after the birth year) + gender 1/2 + serial
 * not 000. PPPK: the digit layout is unconfirmed, so only 18 digits and a real, past birth date in the first 8.
 * `now` decides "future" (WITA calendar).
 */
export function validateNip(nip: string, status: EmploymentStatus, now: Date = new Date()): Checked<string> {
  const value = compactNumber(nip);
  const warnings: Issue[] = [];
  if (value.length === 0) return { ok: false, errors: [issue('nip', 'REQUIRED', M.REQUIRED('nip'))], warnings };
  if (!/^[0-9]+$/.test(value)) {
    return { ok: false, errors: [issue('nip', 'NIP_NOT_DIGITS', M.NIP_NOT_DIGITS())], warnings };
  }
  if (value.length !== 18) {
    return { ok: false, errors: [issue('nip', 'NIP_LENGTH', M.NIP_LENGTH(value.length))], warnings };
  }
  const errors: Issue[] = [];
  const today = witaParts(now);
  const birth: [number, number, number] = [
    Number(value.slice(0, 4)),
    Number(value.slice(4, 6)),
    Number(value.slice(6, 8)),
  ];
  const birthOk =
    birth[0] >= 1900 &&
    isRealDate(birth[0], birth[1], birth[2]) &&
    compareYmd(birth, [today.year, today.month, today.day]) <= 0;
  if (!birthOk) errors.push(issue('nip', 'NIP_BIRTH_DATE', M.NIP_BIRTH_DATE()));
  if (status === 'PNS') {
    const tmtYear = Number(value.slice(8, 12));
    const tmtMonth = Number(value.slice(12, 14));
    if (tmtMonth < 1 || tmtMonth > 12) {
      errors.push(issue('nip', 'NIP_TMT_MONTH', M.NIP_TMT_MONTH()));
    } else if (tmtYear > today.year || (tmtYear === today.year && tmtMonth > today.month)) {
      errors.push(issue('nip', 'NIP_TMT_FUTURE', M.NIP_TMT_FUTURE()));
    } else if (birthOk && tmtYear < birth[0] + 18) {
      errors.push(issue('nip', 'NIP_TMT_TOO_EARLY', M.NIP_TMT_TOO_EARLY()));
    }
    const gender = value.charAt(14);
    if (gender !== '1' && gender !== '2') errors.push(issue('nip', 'NIP_GENDER', M.NIP_GENDER()));
    if (value.slice(15) === '000') errors.push(issue('nip', 'NIP_SERIAL', M.NIP_SERIAL()));
  }
  return errors.length > 0 ? { ok: false, errors, warnings } : { ok: true, value, warnings };
}

/**
 * Compares the birth date and gender a NIK encodes with those in the NIP / NI PPPK (bsre-domain.md §3.3).
 * Mismatches are warnings, never errors: the NIK is fixed for life even when its date is wrong, and BSrE checks
 * against the KTP, not the NIP; the applicant (and the Sandiman) confirm against the KTP instead.
 * Gender is compared only for PNS (the NI PPPK layout is unconfirmed). Returns no issue when either number is invalid.
 */
export function crossCheckNikNip(nik: string, nip: string, status: EmploymentStatus = 'PNS'): Issue[] {
  const info = nikInfo(nik);
  const nipDigits = compactNumber(nip);
  if (info === null || !/^[0-9]{18}$/.test(nipDigits)) return [];
  const warnings: Issue[] = [];
  const nipYear = Number(nipDigits.slice(0, 4));
  const nipMonth = Number(nipDigits.slice(4, 6));
  const nipDay = Number(nipDigits.slice(6, 8));
  if (nipYear % 100 !== info.birthYear2 || nipMonth !== info.birthMonth || nipDay !== info.birthDay) {
    warnings.push(issue('nik', 'CROSS_BIRTH_DATE', M.CROSS_BIRTH_DATE()));
  }
  if (status === 'PNS') {
    const nipGender = nipDigits.charAt(14);
    const expected = info.gender === 'PEREMPUAN' ? '2' : '1';
    if ((nipGender === '1' || nipGender === '2') && nipGender !== expected) {
      warnings.push(issue('nip', 'CROSS_GENDER', M.CROSS_GENDER()));
    }
  }
  return warnings;
}

/**
 * Normalises an Indonesian mobile number to the international digits form "628…" (what WhatsApp links need and
 * what starts with a digit, so it is never mistaken for a formula). Accepts 08…, 628…, +628… with spaces, dots,
 * dashes or parentheses; 10–13 digits in the 08 form. Ref: bsre-domain.md §3.3 [S32].
 */
export function normalizePhone(input: string): Checked<string> {
  const compact = stripInvisible(input).replace(/[\s.()-]/g, '');
  const warnings: Issue[] = [];
  if (compact.length === 0) return { ok: false, errors: [issue('phone', 'REQUIRED', M.REQUIRED('phone'))], warnings };
  const match = /^(\+62|62|0)(8[0-9]{8,11})$/.exec(compact);
  if (match === null) return { ok: false, errors: [issue('phone', 'PHONE_FORMAT', M.PHONE_FORMAT())], warnings };
  return { ok: true, value: `62${match[2]}`, warnings };
}

const EMAIL_LOCAL = /^[a-z0-9](?:[a-z0-9._%+-]{0,62}[a-z0-9_%+-])?$/;
const DOMAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

function normaliseDomain(domain: string): string {
  return domain
    .trim()
    .toLowerCase()
    .replace(/^[@.]+/, '');
}

/**
 * Validates an official e-mail address: plain ASCII only (zero-width and look-alike Unicode letters such as Cyrillic
 * "о" are refused, not silently fixed, so the applicant retypes it), a sane address, a domain ending in .go.id, and,
 * when the settings list domains, a domain equal to or under one of them (suffix match on a label boundary,
 * so "evilbolmongkab.go.id" does not match "bolmongkab.go.id"). Returns the address in lower case.
 */
export function validateOfficialEmail(email: string, allowedDomains: string[]): Checked<string> {
  const warnings: Issue[] = [];
  const fail = (code: IssueCode, message: string): Checked<string> => ({
    ok: false,
    errors: [issue('email', code, message)],
    warnings,
  });
  const trimmed = email.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
  if (trimmed.length === 0) return fail('REQUIRED', M.REQUIRED('email'));
  if (hasInvisible(trimmed)) return fail('EMAIL_INVISIBLE', M.EMAIL_INVISIBLE());
  if (!/^[\x21-\x7e]*$/.test(trimmed)) return fail('EMAIL_NON_ASCII', M.EMAIL_NON_ASCII());
  const value = trimmed.toLowerCase();
  const at = value.lastIndexOf('@');
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  const labels = domain.split('.');
  const wellFormed =
    at > 0 &&
    value.length <= 254 &&
    EMAIL_LOCAL.test(local) &&
    !local.includes('..') &&
    domain.length <= 253 &&
    labels.every((l) => DOMAIN_LABEL.test(l));
  if (!wellFormed) return fail('EMAIL_FORMAT', M.EMAIL_FORMAT());
  if (!domain.endsWith('.go.id') || labels.length < 3) return fail('EMAIL_NOT_GO_ID', M.EMAIL_NOT_GO_ID());
  const allowed = allowedDomains.map(normaliseDomain).filter((d) => d.length > 0);
  if (allowed.length > 0 && !allowed.some((d) => domain === d || domain.endsWith(`.${d}`))) {
    return fail('EMAIL_DOMAIN_NOT_ALLOWED', M.EMAIL_DOMAIN_NOT_ALLOWED(allowed));
  }
  return { ok: true, value, warnings };
}

/**
 * Academic and professional titles, compared after removing dots and lower-casing a token. Refused because BSrE
 * matches the name against Dukcapil/KTP data and the iOTENTIK form requires names without titles
 * (bsre-domain.md §1.2, §1.5). Single letters are absent on purpose: they are initials.
 */
const ACADEMIC_TITLES = new Set([
  // before the name
  'dr',
  'drs',
  'dra',
  'drg',
  'ir',
  'prof',
  // after the name: bachelor's (S1) and applied (D3/D4)
  'skom',
  'st',
  'se',
  'sh',
  'ssos',
  'spd',
  'spdi',
  'ssi',
  'sag',
  'sip',
  'sked',
  'sfarm',
  'skep',
  'skm',
  'spsi',
  'shut',
  'sp',
  'spt',
  'sstp',
  'sap',
  'sak',
  'sikom',
  'shum',
  'sgz',
  'sds',
  'ssn',
  'sth',
  'stp',
  'sst',
  'str',
  'strkom',
  'sthi',
  'ssy',
  'spi',
  'sei',
  'skg',
  'amd',
  'amdkom',
  'amdkep',
  'amdkeb',
  'amdak',
  'amdpar',
  'amdfarm',
  'amdkes',
  'ama',
  // master's and doctorate
  'mkom',
  'msi',
  'mm',
  'mt',
  'mpd',
  'mh',
  'map',
  'mkes',
  'msc',
  'mba',
  'mag',
  'mhum',
  'mkn',
  'mpsi',
  'mtr',
  'mip',
  'mec',
  'mak',
  'phd',
  // professional
  'apt',
  'ners',
  'spog',
  'sppd',
  'spa',
  'spb',
  'ma',
]);

/**
 * Titles that are also plausible name parts ("Ma", "Sei", "Apt"...): counted as titles only when written with a dot
 * ("M.A.", "Apt."), so a KTP name is never refused for an ordinary syllable.
 */
const DOTTED_ONLY_TITLES = new Set([
  'ma',
  'sp',
  'spa',
  'spb',
  'ama',
  'apt',
  'map',
  'mag',
  'ners',
  'str',
  'mip',
  'mec',
  'mak',
  'sak',
  'sap',
  'sei',
  'spi',
  'ssy',
  'mtr',
  'sds',
  'skg',
  'ssn',
]);

/** Religious honorifics (Haji / Hajah): warned about, not refused; see validateName. */
const RELIGIOUS_TITLES = new Set(['h', 'hj', 'haji', 'hajah', 'hajjah']);

/** Whether a token of a name, as the applicant wrote it (dots included), reads as a title. */
function tokenTitleKind(token: string, isFirst: boolean): 'ACADEMIC' | 'RELIGIOUS' | null {
  const bare = token.replace(/\./g, '').toLowerCase();
  if (bare.length === 0) return null;
  if (ACADEMIC_TITLES.has(bare) && (!DOTTED_ONLY_TITLES.has(bare) || token.includes('.'))) return 'ACADEMIC';
  // "H." is an initial anywhere but the start; "Hj" / "Haji" / "Hajah" read as honorifics anywhere.
  if (RELIGIOUS_TITLES.has(bare) && (bare !== 'h' || (isFirst && token.endsWith('.')))) return 'RELIGIOUS';
  return null;
}

/**
 * Validates a name as written on the KTP and returns it with whitespace normalised (invisible characters removed,
 * runs of spaces collapsed, trimmed). Refused: formula-leading characters, digits, characters outside Latin letters
 * and ' . - space, commas (they introduce suffix titles), academic and professional titles (Dr., Drs., Ir., Prof.,
 * S.Kom, S.T., M.Si, A.Md, ...), more than 100 characters.
 * Decision on H./Hj. (Haji / Hajah): a religious honorific, not an academic title; Permendagri 73/2022 lets some
 * honorifics appear in abbreviated form on the KTP-el, so refusing would block applicants whose KTP carries it.
 * It is a warning asking the applicant to keep it only if the KTP has it; the Sandiman confirms against the KTP.
 * Over 60 letters (the KTP-el maximum) is a warning.
 */
export function validateName(name: string): Checked<string> {
  const value = stripInvisible(name)
    .replace(/[\u2018\u2019\u02BC]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  const warnings: Issue[] = [];
  const fail = (code: IssueCode, message: string): Checked<string> => ({
    ok: false,
    errors: [issue('name', code, message)],
    warnings,
  });
  if (value.length === 0) return fail('REQUIRED', M.REQUIRED('name'));
  if (/^[=+\-@]/.test(value)) return fail('NAME_FORMULA', M.NAME_FORMULA());
  if (value.length > 100) return fail('TOO_LONG', M.TOO_LONG('name', 100, value.length));
  if (/[0-9\uFF10-\uFF19]/.test(value)) return fail('NAME_DIGITS', M.NAME_DIGITS());
  const tokens = value.split(/[ ,]+/).filter((t) => t.length > 0);
  const academic = tokens.filter((t, i) => tokenTitleKind(t, i === 0) === 'ACADEMIC');
  if (academic.length > 0) return fail('NAME_TITLE', M.NAME_TITLE(academic));
  if (value.includes(',')) return fail('NAME_COMMA', M.NAME_COMMA());
  if (!/^[\p{Script=Latin}' .-]+$/u.test(value) || !/\p{Script=Latin}/u.test(value)) {
    return fail('NAME_CHARACTERS', M.NAME_CHARACTERS());
  }
  const religious = tokens.filter((t, i) => tokenTitleKind(t, i === 0) === 'RELIGIOUS');
  if (religious.length > 0) warnings.push(issue('name', 'NAME_RELIGIOUS_TITLE', M.NAME_RELIGIOUS_TITLE(religious)));
  if (value.length > 60) warnings.push(issue('name', 'NAME_LONG', M.NAME_LONG()));
  return { ok: true, value, warnings };
}

/**
 * Masks a NIK for every view but the Verifikator's: the first 4 digits (regency of first registration) and the last
 * 4 stay, the 8 in between (district and birth date) become "*". Anything that is not exactly 16 digits is masked
 * entirely, so a mistyped NIK never leaks more than a valid one would.
 */
export function maskNik(nik: string): string {
  const value = compactNumber(nik);
  if (!/^[0-9]{16}$/.test(value)) return '*'.repeat(16);
  return `${value.slice(0, 4)}********${value.slice(12)}`;
}
