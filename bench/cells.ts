// Counts the spreadsheet cells a script reads and writes, by wrapping the emulator's Range and Sheet methods from the bench side.
import type { ExecutionContext } from '../emulator/context';
import { newSheetState } from '../emulator/services/spreadsheet-model';
import { rangeObject } from '../emulator/services/spreadsheet-range';
import { sheetObject } from '../emulator/services/spreadsheet-sheet';
import type { EmulatorState } from '../emulator/state';

/** Cells moved between the script and the sheet (what a getValues returns, what a setValues/appendRow sends). */
export interface CellCounts {
  read: number;
  written: number;
}

const counts: CellCounts = { read: 0, written: 0 };
let installed = false;

type Method = (this: unknown, ...args: unknown[]) => unknown;

function gridSize(grid: unknown): number {
  if (!Array.isArray(grid)) return 1;
  let n = 0;
  for (const row of grid) n += Array.isArray(row) ? row.length : 1;
  return n;
}

function patch(proto: Record<string, unknown>, name: string, count: (result: unknown, args: unknown[]) => void): void {
  const original = proto[name] as Method | undefined;
  if (typeof original !== 'function') return;
  proto[name] = function (this: unknown, ...args: unknown[]) {
    const result = original.apply(this, args);
    count(result, args);
    return result;
  };
}

/**
 * The emulator does not count cells (only calls), so the bench wraps the prototype methods of its Range and Sheet
 * implementations. The prototypes are reached through a throw-away range and sheet on a scratch state: a Proxy
 * without a getPrototypeOf trap answers with its target's prototype. Nested calls are not double counted because
 * only the leaf methods are wrapped (getSheetValues, setFormula, getDisplayValue go through them).
 */
export function installCellCounting(): void {
  if (installed) return;
  installed = true;
  const sheet = newSheetState(0, 'scratch', 2, 2);
  const state = {
    spreadsheets: {
      scratch: { id: 'scratch', owner: 'x', sheets: [sheet], editors: [], viewers: [], protections: [] },
    },
  } as unknown as EmulatorState;
  const ctx = { state, users: { active: 'x', effective: 'x' }, call: () => {} } as unknown as ExecutionContext;
  const range = rangeObject(ctx, {
    spreadsheetId: 'scratch',
    sheetId: 0,
    row: 1,
    column: 1,
    numRows: 1,
    numColumns: 1,
  });
  const rangeProto = Object.getPrototypeOf(range) as Record<string, unknown>;
  const sheetProto = Object.getPrototypeOf(sheetObject(ctx, 'scratch', 0)) as Record<string, unknown>;
  for (const name of ['getValues', 'getDisplayValues', 'getFormulas']) {
    patch(rangeProto, name, (result) => {
      counts.read += gridSize(result);
    });
  }
  for (const name of ['getValue', 'getFormula']) {
    patch(rangeProto, name, () => {
      counts.read += 1;
    });
  }
  patch(rangeProto, 'setValues', (_result, args) => {
    counts.written += gridSize(args[0]);
  });
  // setValue over a multi-cell range writes every cell of it; the range's address tells how many.
  const setValue = rangeProto.setValue as Method;
  rangeProto.setValue = function (this: { address?: { numRows: number; numColumns: number } }, ...args: unknown[]) {
    const result = setValue.apply(this, args);
    const a = this.address;
    counts.written += a ? a.numRows * a.numColumns : 1;
    return result;
  };
  patch(sheetProto, 'appendRow', (_result, args) => {
    counts.written += Array.isArray(args[0]) ? args[0].length : 0;
  });
}

/** The cell counts so far (a copy). */
export function cellSnapshot(): CellCounts {
  return { ...counts };
}

/** The cells moved since `before`. */
export function cellDiff(before: CellCounts): CellCounts {
  return { read: counts.read - before.read, written: counts.written - before.written };
}
