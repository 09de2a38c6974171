// Runs the program's own setup in a bench emulator, so the generated register sits in the sheets the program made.
import type { Emulator } from '../emulator';
import { container } from './harness';

/**
 * Runs setup_ as the owner and returns the Data Terbatas spreadsheet's ID. Setup writes the register's header row
 * (about 47 columns) into a new sheet of 26 columns; when it fails on the grid, the bench widens the sheets and runs
 * setup again (it is idempotent) and says so, because that is a defect of setup, not of the bench.
 */
export function setUpProgram(emu: Emulator): string | undefined {
  let result = emu.run('setup_');
  if (result.status !== 'COMPLETED') {
    console.warn(`bench: setup_ failed (${result.error}); widening the sheets to 100 columns and running it again.`);
    for (const ss of Object.values(emu.state.spreadsheets))
      for (const sheet of ss.sheets) sheet.maxColumns = Math.max(sheet.maxColumns, 100);
    result = emu.run('setup_');
  }
  if (result.status !== 'COMPLETED') throw new Error(`bench: setup_ failed twice: ${result.error}`);
  void container(emu);
  return emu.state.scriptProperties.RESTRICTED_SPREADSHEET_ID;
}
