// KTP scans uploaded through a hand-added file-upload question: moved to the restricted folder, renamed, recorded.
import { INTAKE_FORM } from '../core/intake-form';
import { driveFileLink, ktpFileName } from '../core/ktp-files';
import { KTP_FILES_TEXT } from '../core/messages/ktp-files';
import { driveFileIds } from '../core/retention';
import { toSafeCell } from '../core/sanitize';
import type { Env } from './env';
import { KTP_FOLDER_KEY } from './ktp-folder';
import { openRestricted, RESTRICTED_FIELDS, upsertRestricted } from './restricted-store';

/** The program's own questions: none of them is a file upload, so their answers are never taken for files. */
const PROGRAM_TITLES = new Set(INTAKE_FORM.questions.map((question) => question.title));

/**
 * The Drive file IDs answered to the Form's file-upload questions. Only a list answer to a question the program did
 * not make can be one, so a Form without such a question costs no FormApp call; a candidate is taken only when the
 * Form says its question is a FILE_UPLOAD item, whose answer Google fills (an applicant cannot type file IDs there).
 */
function uploadedFileIds(formId: string, answers: Record<string, string | string[]>): string[] {
  const candidates = Object.entries(answers).filter(
    (entry): entry is [string, string[]] => Array.isArray(entry[1]) && !PROGRAM_TITLES.has(entry[0]),
  );
  if (candidates.length === 0 || !formId) return [];
  const uploads = new Set(
    FormApp.openById(formId)
      .getItems(FormApp.ItemType.FILE_UPLOAD)
      .map((item) => item.getTitle()),
  );
  return candidates.filter(([title]) => uploads.has(title)).flatMap(([, ids]) => ids.filter(Boolean));
}

/** The restricted folder, or null when setup has not made it (or it is gone): the files then stay where Forms put them. */
function ktpFolder(): GoogleAppsScript.Drive.Folder | null {
  const id = PropertiesService.getScriptProperties().getProperty(KTP_FOLDER_KEY);
  if (!id) return null;
  try {
    return DriveApp.getFolderById(id);
  } catch {
    return null;
  }
}

/**
 * Apps Script cannot create a file-upload question, but staff may add one by hand in Google's Form editor. The scans
 * Forms stores (in the Form owner's Drive, under the applicant's own file name) are then renamed by application ID
 * and moved into "KTP – Data Terbatas", which only the Verifikator and the owner can open, and their links are
 * recorded in Data Terbatas alone (never the register, mail or logs), where the Verifikator's page shows them and
 * retention trashes them; `previousFiles` (the links Data Terbatas held before a correction) lets a replaced scan go
 * to the trash. Takes the answers as the intake read them (title -> value). Runs inside the intake's lock,
 * after the restricted row is written; idempotent (a repeated delivery renames and moves the same files again).
 */
export function storeKtpUploads(
  env: Env,
  applicationId: string,
  answers: Record<string, string | string[]>,
  previousFiles = '',
): void {
  const ids = uploadedFileIds(env.props.formId, answers);
  if (ids.length === 0) return;
  const folder = ktpFolder();
  ids.forEach((id, index) => {
    try {
      const file = DriveApp.getFileById(id);
      file.setName(ktpFileName(file.getName(), applicationId, index, ids.length));
      if (folder) file.moveTo(folder);
    } catch {
      // Recorded all the same: the Verifikator sees the link, and retention trashes the file if the system owns it.
      console.log(KTP_FILES_TEXT.uploadMissing(applicationId));
    }
  });
  if (!env.props.restrictedId) return;
  const H = RESTRICTED_FIELDS;
  const store = openRestricted(env.props.restrictedId);
  const filesLink = ids.map(driveFileLink).join('\n');
  const row = store.findRow(H.applicationId, applicationId);
  if (row === null) {
    upsertRestricted(store, { applicationId, nik: '', filesLink }, env.now);
    return;
  }
  const before = store.readRow(row);
  store.updateRow(row, before, { [H.filesLink]: toSafeCell(filesLink), [H.updatedAt]: env.now });
  trashReplacedScans(driveFileIds(previousFiles), ids, folder, applicationId);
}

/**
 * A correction that replaces the scan leaves the old one in the restricted folder with no link to it, so retention
 * would never find it: it is trashed now. Only files inside the folder are touched (only the system moves files
 * there); an applicant's own Drive file named by a link answer is never ours to trash.
 */
function trashReplacedScans(
  previous: string[],
  current: string[],
  folder: GoogleAppsScript.Drive.Folder | null,
  applicationId: string,
): void {
  if (!folder) return;
  const kept = new Set(current);
  const folderId = folder.getId();
  for (const id of previous) {
    if (kept.has(id)) continue;
    try {
      const file = DriveApp.getFileById(id);
      const parents = file.getParents();
      let inFolder = false;
      while (parents.hasNext()) if (parents.next().getId() === folderId) inFolder = true;
      if (inFolder) {
        file.setTrashed(true);
        console.log(KTP_FILES_TEXT.replacedTrashed(applicationId));
      }
    } catch {
      console.log(KTP_FILES_TEXT.uploadMissing(applicationId));
    }
  }
}
