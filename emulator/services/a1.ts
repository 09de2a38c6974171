// A1 notation for the emulated spreadsheet: column letters, parsing 'Sheet!A1:B2' and writing ranges back.

/** A parsed A1 reference; end bounds are null when the reference is open (whole columns 'A:B', 'A2:B', rows '2:3'). */
export interface A1Ref {
  sheetName: string | null;
  startRow: number;
  startColumn: number;
  endRow: number | null;
  endColumn: number | null;
}

/** 1 -> 'A', 27 -> 'AA'. */
export function columnToLetters(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** 'A' -> 1, 'AA' -> 27. */
export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function invalid(): Error {
  // Open: Google's exact wording for a malformed range string.
  return new Error('Range not found');
}

/** Splits "'My Sheet'!A1:B2" into the sheet name and the cell part. */
function splitSheet(a1: string): { sheetName: string | null; cells: string } {
  const bang = a1.lastIndexOf('!');
  if (bang < 0) return { sheetName: null, cells: a1 };
  let name = a1.slice(0, bang);
  if (name.startsWith("'") && name.endsWith("'") && name.length >= 2) name = name.slice(1, -1).replace(/''/g, "'");
  return { sheetName: name, cells: a1.slice(bang + 1) };
}

const CELL = /^\$?([A-Za-z]{0,3})\$?(\d*)$/;

/** Parses A1 notation as Sheet.getRange(a1) accepts it. Ref: https://developers.google.com/apps-script/reference/spreadsheet/sheet#getRange(String) */
export function parseA1(a1: string): A1Ref {
  const { sheetName, cells } = splitSheet(a1.trim());
  const [first, second, ...rest] = cells.split(':');
  if (first === undefined || rest.length > 0) throw invalid();
  const a = CELL.exec(first);
  if (!a) throw invalid();
  const aCol = a[1] ? lettersToColumn(a[1]) : null;
  const aRow = a[2] ? Number(a[2]) : null;
  if (second === undefined) {
    if (aCol === null || aRow === null || aRow < 1) throw invalid();
    return { sheetName, startRow: aRow, startColumn: aCol, endRow: aRow, endColumn: aCol };
  }
  const b = CELL.exec(second);
  if (!b) throw invalid();
  const bCol = b[1] ? lettersToColumn(b[1]) : null;
  const bRow = b[2] ? Number(b[2]) : null;
  if (aCol === null && bCol === null) {
    // '2:5' whole rows
    if (aRow === null || bRow === null) throw invalid();
    return { sheetName, startRow: Math.min(aRow, bRow), startColumn: 1, endRow: Math.max(aRow, bRow), endColumn: null };
  }
  if (aCol === null || bCol === null) throw invalid();
  const startRow = aRow ?? 1;
  const endRow = aRow === null || bRow === null ? null : bRow;
  return {
    sheetName,
    startRow: endRow === null ? startRow : Math.min(startRow, endRow),
    startColumn: Math.min(aCol, bCol),
    endRow: endRow === null ? null : Math.max(startRow, endRow),
    endColumn: Math.max(aCol, bCol),
  };
}

/** 'A1' or 'A1:B2' for a rectangle, as Range.getA1Notation returns it (no sheet name). */
export function toA1(row: number, column: number, numRows: number, numColumns: number): string {
  const start = `${columnToLetters(column)}${row}`;
  if (numRows === 1 && numColumns === 1) return start;
  return `${start}:${columnToLetters(column + numColumns - 1)}${row + numRows - 1}`;
}

/** A sheet name quoted when A1 notation needs it. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
