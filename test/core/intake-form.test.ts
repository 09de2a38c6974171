// Tests for the intake Form definition: required questions, unique titles, choices, privacy notice, patterns mirroring the server.
import { describe, expect, it } from 'vitest';
import { normalizePhone, validateName, validateNik, validateNip, validateOfficialEmail } from '../../src/core/identity';
import {
  CONSENT_CHOICE,
  FILES_DELIVERY_CHOICES,
  FORM_PATTERNS,
  formDescription,
  INTAKE_FORM,
  OFFICIAL_EMAIL_CHOICES,
  questionKeysByTitle,
  RETENTION_PLACEHOLDER,
  SERVICE_CHOICES,
} from '../../src/core/intake-form';

const byKey = (key: string) => INTAKE_FORM.questions.find((q) => q.key === key)!;

describe('INTAKE_FORM', () => {
  it('asks every field the SOP and BSrE need, with unique keys and titles', () => {
    const keys = INTAKE_FORM.questions.filter((q) => q.type !== 'SECTION_HEADER').map((q) => q.key);
    expect(keys).toEqual([
      'name',
      'nik',
      'employmentStatus',
      'nip',
      'position',
      'unit',
      'hasOfficialEmail',
      'email',
      'phone',
      'service',
      'filesDelivery',
      'filesLink',
      'consent',
    ]);
    const titles = INTAKE_FORM.questions.map((q) => q.title);
    expect(new Set(titles).size).toBe(titles.length);
    expect(new Set(INTAKE_FORM.questions.map((q) => q.key)).size).toBe(INTAKE_FORM.questions.length);
    expect(questionKeysByTitle(INTAKE_FORM).get('NIK (Nomor Induk Kependudukan)')).toBe('nik');
  });
  it('requires all but the Drive link', () => {
    for (const q of INTAKE_FORM.questions) {
      if (q.type === 'SECTION_HEADER') continue;
      expect([q.key, q.required]).toEqual([q.key, q.key !== 'filesLink']);
    }
  });
  it('offers the services, the two file paths, the e-mail question and the consent box', () => {
    expect(byKey('service').choices).toEqual([
      'Penerbitan baru',
      'Pembaruan',
      'Reset passphrase',
      'Perubahan data',
      'Pencabutan',
    ]);
    expect(byKey('service').choices).toEqual(Object.values(SERVICE_CHOICES));
    expect(byKey('filesDelivery').choices).toEqual([
      'Saya akan membawa berkas ke Dinas Kominfo',
      'Saya mengunggah berkas (tautan Google Drive)',
    ]);
    expect(byKey('filesDelivery').choices).toEqual(Object.values(FILES_DELIVERY_CHOICES));
    expect(byKey('employmentStatus').choices).toEqual(['PNS', 'PPPK']);
    expect(byKey('hasOfficialEmail').choices).toEqual([OFFICIAL_EMAIL_CHOICES.YES, OFFICIAL_EMAIL_CHOICES.NO]);
    expect(byKey('hasOfficialEmail').helpText).toContain('SOP Pembuatan Email Dinas');
    expect(byKey('consent')).toMatchObject({ type: 'CHECKBOX', required: true, choices: [CONSENT_CHOICE] });
  });
  it('never uses a file-upload question (Apps Script cannot create one)', () => {
    const allowed = ['TEXT', 'PARAGRAPH_TEXT', 'MULTIPLE_CHOICE', 'LIST', 'CHECKBOX', 'DATE', 'SECTION_HEADER'];
    for (const q of INTAKE_FORM.questions) expect(allowed).toContain(q.type);
  });
  it('carries the privacy notice: what, why (public task, UU PDP 27/2022), who sees the NIK, how long', () => {
    const d = INTAKE_FORM.description;
    expect(d).toContain('Pemberitahuan privasi');
    expect(d).toContain('UU No. 27 Tahun 2022');
    expect(d).toContain('pelayanan publik');
    expect(d).toContain('Verifikator');
    expect(d).toContain(RETENTION_PLACEHOLDER);
    expect(d).toContain('passphrase');
    const filled = formDescription(INTAKE_FORM, 365);
    expect(filled).toContain('paling lama 365 hari');
    expect(filled).not.toContain(RETENTION_PLACEHOLDER);
  });
  it('every validation has Indonesian help text, and TEXT questions with a pattern compile', () => {
    for (const q of INTAKE_FORM.questions) {
      if (q.validation === null) continue;
      expect(q.validation.helpText.length).toBeGreaterThan(5);
      if (q.validation.kind === 'REGEX') expect(() => new RegExp(q.validation!.pattern!)).not.toThrow();
    }
  });
});

describe('Form patterns mirror the server rules (first line of defence)', () => {
  const re = (p: string) => new RegExp(p);
  it.each(['7101010101900001', '9301010101900001'])('NIK %s passes both', (nik) => {
    expect(re(FORM_PATTERNS.nik).test(nik)).toBe(true);
    expect(validateNik(nik).ok).toBe(true);
  });
  it.each(['710101010190000', '=7101010101900001', '7101 0101 0190 0001x'])('NIK %j fails the Form pattern', (nik) => {
    expect(re(FORM_PATTERNS.nik).test(nik)).toBe(false);
  });
  it('NIP pattern agrees on length', () => {
    expect(re(FORM_PATTERNS.nip).test('199001012015031001')).toBe(true);
    expect(validateNip('199001012015031001', 'PNS', new Date('2026-01-05')).ok).toBe(true);
    expect(re(FORM_PATTERNS.nip).test('1990010120150310')).toBe(false);
  });
  it.each(['budi@bolmongkab.go.id', 'a.b@diskominfo.bolmongkab.go.id'])('email %s passes both', (email) => {
    expect(re(FORM_PATTERNS.email).test(email)).toBe(true);
    expect(validateOfficialEmail(email, ['bolmongkab.go.id']).ok).toBe(true);
  });
  it.each(['budi@gmail.com', '=budi@bolmongkab.go.id', 'budi@bolmongkab.go.id.evil.com', 'bоdi@bolmongkab.go.id'])(
    'email %j fails the Form pattern',
    (email) => {
      expect(re(FORM_PATTERNS.email).test(email)).toBe(false);
    },
  );
  it.each(['081234567890', '0812-3456-7890', '+62 812 3456 7890', '6281234567890'])('phone %j passes both', (p) => {
    expect(re(FORM_PATTERNS.phone).test(p)).toBe(true);
    expect(normalizePhone(p).ok).toBe(true);
  });
  it.each(['+cmd', '=1+1', '021345678'])('phone %j fails the Form pattern', (p) => {
    expect(re(FORM_PATTERNS.phone).test(p)).toBe(false);
  });
  it.each(['Budi Santoso', "Ma'ruf", 'Moh. Arif'])('name %j passes both', (n) => {
    expect(re(FORM_PATTERNS.name).test(n)).toBe(true);
    expect(validateName(n).ok).toBe(true);
  });
  it.each(['=HYPERLINK("x")', '+Budi', 'Budi 2', '<b>Budi</b>', '@SUM'])('name %j fails the Form pattern', (n) => {
    expect(re(FORM_PATTERNS.name).test(n)).toBe(false);
  });
  it('position and unit refuse formula leads and markup', () => {
    const p = re(FORM_PATTERNS.noFormulaLead);
    expect(p.test('Pranata Komputer')).toBe(true);
    for (const bad of ['=1+1', '+x', '-1', '@x', '\t=1', 'a<b>']) expect(p.test(bad)).toBe(false);
  });
  it('Drive link pattern', () => {
    const p = re(FORM_PATTERNS.driveLink);
    expect(p.test('https://drive.google.com/drive/folders/abc')).toBe(true);
    expect(p.test('https://drive.google.com.evil.com/x')).toBe(false);
    expect(p.test('http://drive.google.com/x')).toBe(false);
  });
});
