// Helpers of the KTP folder and upload tests: the folder's ID, a hand-added upload question, Data Terbatas rows.
import type { Emulator } from '../../emulator';
import { addFileUploadItem } from '../../emulator/services/forms';
import { SHELL_MESSAGES } from '../../src/core/messages/shell';

export const FOLDER_NAME = 'KTP – Data Terbatas';
export const UPLOAD_TITLE = 'Pindaian KTP';
/** Data Terbatas's headers. */
export const H = SHELL_MESSAGES.restrictedHeaders;

/** The folder's ID as setup recorded it in Script Properties ('' when none). */
export function folderId(emu: Emulator): string {
  return emu.state.scriptProperties.KTP_FOLDER_ID ?? '';
}

/** Data Terbatas's rows as header -> display value. */
export function restrictedRows(emu: Emulator): Record<string, string>[] {
  const id = emu.state.scriptProperties.RESTRICTED_SPREADSHEET_ID ?? '';
  const [header = [], ...rows] = emu.sheetDisplayValues('Data Terbatas', id);
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i] ?? ''])));
}

/** The Form as staff leave it after adding a file-upload question by hand in Google's Form editor. */
export function withUploadQuestion(emu: Emulator): Emulator {
  addFileUploadItem(emu.state, emu.state.scriptProperties.FORM_ID ?? '', UPLOAD_TITLE);
  return emu;
}

/** An uploaded file as the respondent's browser sends it. */
export function scan(name: string, text = 'pindaian'): { name: string; mimeType: string; content: Buffer } {
  return { name, mimeType: 'image/jpeg', content: Buffer.from(text) };
}

/** The uploaded file IDs of the latest Form response. */
export function uploadedIds(emu: Emulator): string[] {
  const form = emu.state.forms[emu.state.scriptProperties.FORM_ID ?? ''];
  const item = form?.items.find((i) => i.title === UPLOAD_TITLE);
  const response = form?.responses.at(-1)?.items.find((r) => r.itemId === item?.id)?.response;
  return Array.isArray(response) ? response : [];
}
