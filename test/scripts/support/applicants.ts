// Generates valid applicant rows (canonical register form) and writes them as the workbook an office would import.
import ExcelJS from 'exceljs';
import { FIELD_LABELS as F } from '../../../scripts/data/column-mapping';

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
  F.reference,
  F.status,
  F.submittedAt,
  F.name,
  F.nik,
  F.nip,
  F.employmentStatus,
  F.position,
  F.unit,
  F.email,
  F.phone,
  F.service,
  F.serial,
  F.issuedAt,
  F.validUntil,
];

/** Row i (0-based) of a valid, unique finished application in exactly the form the register stores it. */
export function applicantRow(i: number): Record<string, string> {
  const day = (i % 28) + 1;
  const month = (Math.floor(i / 28) % 12) + 1;
  const serial = (i % 9000) + 1;
  const block = Math.floor(i / 9000);
  const nik = `7101${pad(block + 1, 2)}${pad(day, 2)}${pad(month, 2)}85${pad(serial, 4)}`;
  const nip = `1985${pad(month, 2)}${pad(day, 2)}201001${1}${pad((i % 999) + 1, 3)}`;
  const issued = i % 2 === 0;
  return {
    [F.reference]: `TTE-2025-${pad(i + 1, 5)}`,
    [F.status]: issued ? 'SERTIFIKAT_TERBIT' : 'DITOLAK',
    [F.submittedAt]: `2025-${pad(month, 2)}-${pad(day, 2)} 09:15`,
    [F.name]: `${word(i, 3)} ${word(i * 7 + 3, 3)}`,
    [F.nik]: nik,
    [F.nip]: nip,
    [F.employmentStatus]: 'PNS',
    [F.position]: 'Pranata Komputer Ahli Pertama',
    [F.unit]: 'Dinas Komunikasi dan Informatika',
    [F.email]: `pegawai${i}@bolmongkab.go.id`,
    [F.phone]: `62812${pad(i, 8)}`,
    [F.service]: 'PENERBITAN_BARU',
    [F.serial]: issued ? `BSRE-${pad(i + 1, 8)}` : '',
    [F.issuedAt]: issued ? '2025-06-02' : '',
    [F.validUntil]: issued ? '2027-06-02' : '',
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

/** A cell as text; a date-time as its wall-clock reading (yyyy-MM-dd, with HH:mm when it has a time). */
function cellString(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.slice(11, 16) === '00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  }
  return String(value);
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
        cells.push(cellString(row.getCell(column).value));
      }
      all.push(cells);
    });
    sheets.set(sheet.name, { header: all[0] ?? [], rows: all.slice(1) });
  }
  return sheets;
}
