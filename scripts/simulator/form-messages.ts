// Google Forms' refusal messages in the respondent's language: the emulator words them as the English Forms UI does.

const FIXED: Record<string, string> = {
  'This is a required question': 'Ini adalah pertanyaan wajib',
  'Invalid choice': 'Pilihan tidak valid',
  'Invalid date': 'Tanggal tidak valid',
  'Invalid file': 'Berkas tidak valid',
  'Must be an email': 'Harus berupa alamat email',
  'Must be a URL': 'Harus berupa URL',
  'Must be a number': 'Harus berupa angka',
  'Must match pattern': 'Jawaban tidak sesuai pola yang diminta',
  'Must not match pattern': 'Jawaban tidak boleh sesuai pola ini',
  'Must contain': 'Jawaban harus memuat pola yang diminta',
  "Mustn't contain": 'Jawaban tidak boleh memuat pola ini',
  'no such question': 'pertanyaan ini tidak ada di formulir',
  "You've already responded. You can only fill in this form once.":
    'Anda sudah mengisi formulir ini. Formulir ini hanya dapat diisi satu kali.',
  'This form does not allow responses to be edited.': 'Formulir ini tidak mengizinkan tanggapan diubah.',
};

const PATTERNS: [RegExp, (match: RegExpExecArray) => string][] = [
  [/^Must be fewer than (\d+) characters$/, (m) => `Harus kurang dari ${m[1]} karakter`],
  [/^Must be at least (\d+) characters$/, (m) => `Minimal ${m[1]} karakter`],
  [/^Must select at least (\d+) options$/, (m) => `Pilih minimal ${m[1]} opsi`],
  [/^Must select at most (\d+) options$/, (m) => `Pilih paling banyak ${m[1]} opsi`],
  [/^Must select exactly (\d+) options$/, (m) => `Pilih tepat ${m[1]} opsi`],
  [/^The form (.*) is no longer accepting responses\.$/, (m) => `Formulir ${m[1]} tidak lagi menerima tanggapan.`],
  [/^No response with ID (.*)\.$/, (m) => `Tanggapan ${m[1]} tidak ditemukan.`],
];

function translatePart(text: string): string {
  const fixed = FIXED[text];
  if (fixed) return fixed;
  for (const [pattern, render] of PATTERNS) {
    const match = pattern.exec(text);
    if (match) return render(match);
  }
  return text;
}

/**
 * One refusal line ("<question>: <reason>" or a form-wide sentence) in Indonesian. Reasons the program wrote itself
 * (validation help texts) are already Indonesian and pass through unchanged.
 */
export function translateFormError(line: string, questionTitles: string[]): string {
  const title = [...questionTitles, 'Email']
    .sort((a, b) => b.length - a.length)
    .find((candidate) => line.startsWith(`${candidate}: `));
  if (title) return `${title}: ${translatePart(line.slice(title.length + 2))}`;
  const colon = line.indexOf(': ');
  if (colon > 0) {
    const rest = translatePart(line.slice(colon + 2));
    if (rest !== line.slice(colon + 2)) return `${line.slice(0, colon)}: ${rest}`;
  }
  return translatePart(line);
}
