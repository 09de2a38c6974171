// Generates valid applicant rows (canonical register form) and writes them as the workbook an office would import.
import ExcelJS from 'exceljs';
import { REGISTER_COLUMNS } from '../../../scripts/data/register-layout';

const SYLLABLES = ['ba', 'di', 'ka', 'lu', 'mo', 'ni', 'pa', 'ri', 'sa', 'tu', 'we', 'yo'];

function word(n: number, length: number): string {
  let out = '';
  let rest = n;
  for (let i = 0; i < length; i++) {
    out += SYLLABLES[rest % SYLLABLES.length];
    rest = Math.floor(rest / SYLLABLES.length);
  }
  return out.charAt(0).toUpperCase() + out.slice(1);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** The headers of the generated workbook: the register's own plus the full NIK. */
export const APPLICANT_HEADERS = [
  REGISTER_COLUMNS.reference,
  REGISTER_COLUMNS.status,
  REGISTER_COLUMNS.submittedAt,
  REGISTER_COLUMNS.name,
  'NIK',
  REGISTER_COLUMNS.nip,
  REGISTER_COLUMNS.employmentStatus,
  REGISTER_COLUMNS.position,
  REGISTER_COLUMNS.unit,
  REGISTER_COLUMNS.email,
  REGISTER_COLUMNS.phone,
  REGISTER_COLUMNS.service,
  REGISTER_COLUMNS.serial,
  REGISTER_COLUMNS.issuedAt,
  REGISTER_COLUMNS.validUntil,
];

/** Row i (0-based) of a valid, unique applicant in exactly the form the register stores it. */
export function applicantRow(i: number): Record<string, string> {
  const day = (i % 28) + 1;
  const month = (Math.floor(i / 28) % 12) + 1;
  const serial = (i % 9000) + 1;
  const block = Math.floor(i / 9000);
  const nik = `7101${pad(block + 1, 2)}${pad(day, 2)}${pad(month, 2)}85${pad(serial, 4)}`;
  const nip = `1985${pad(month, 2)}${pad(day, 2)}201001${1}${pad((i % 999) + 1, 3)}`;
  const issued = i % 2 === 0;
  return {
    [REGISTER_COLUMNS.reference]: `TTE-2025-${pad(i + 1, 5)}`,
    [REGISTER_COLUMNS.status]: issued ? 'SERTIFIKAT_TERBIT' : 'MENUNGGU_DISPOSISI_KADIS',
    [REGISTER_COLUMNS.submittedAt]: `2025-${pad(month, 2)}-${pad(day, 2)} 09:15`,
    [REGISTER_COLUMNS.name]: `${word(i, 3)} ${word(i * 7 + 3, 3)}`,
    NIK: nik,
    [REGISTER_COLUMNS.nip]: nip,
    [REGISTER_COLUMNS.employmentStatus]: 'PNS',
    [REGISTER_COLUMNS.position]: 'Pranata Komputer Ahli Pertama',
    [REGISTER_COLUMNS.unit]: 'Dinas Komunikasi dan Informatika',
    [REGISTER_COLUMNS.email]: `pegawai${i}@bolmongkab.go.id`,
    [REGISTER_COLUMNS.phone]: `62812${pad(i, 8)}`,
    [REGISTER_COLUMNS.service]: 'PENERBITAN_BARU',
    [REGISTER_COLUMNS.serial]: issued ? `BSRE-${pad(i + 1, 8)}` : '',
    [REGISTER_COLUMNS.issuedAt]: issued ? '2025-06-02' : '',
    [REGISTER_COLUMNS.validUntil]: issued ? '2027-06-02' : '',
  };
}

/** A cell the generated workbooks hold. */
export type WorkbookCell = string | number | boolean | Date | ExcelJS.CellFormulaValue | null;

/** Writes rows as an .xlsx with text cells only (as an office file saved with text-formatted columns). */
export async function writeWorkbook(
  file: string,
  header: string[],
  rows: WorkbookCell[][],
  sheetName = 'Daftar',
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  await workbook.xlsx.writeFile(file);
}

/** Reads every sheet of a workbook back as header + string rows, keyed by sheet name. */
export async function readWorkbook(file: string): Promise<Map<string, { header: string[]; rows: string[][] }>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheets = new Map<string, { header: string[]; rows: string[][] }>();
  for (const sheet of workbook.worksheets) {
    const width = sheet.columnCount;
    const all: string[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = [];
      for (let column = 1; column <= width; column++) {
        const value = row.getCell(column).value;
        cells.push(value === null || value === undefined ? '' : String(value));
      }
      all.push(cells);
    });
    sheets.set(sheet.name, { header: all[0] ?? [], rows: all.slice(1) });
  }
  return sheets;
}
