// KTP scans uploaded through the Form: the name a scan gets in the restricted folder, and the link Data Terbatas keeps.
import { KTP_FILES_TEXT } from './messages/ktp-files';

/** A file type ending (".jpg", ".pdf"): letters and digits only, so nothing of the applicant's own name survives. */
const EXTENSION = /\.[A-Za-z0-9]{1,5}$/;

/**
 * The new name of the `index`-th of `count` uploaded scans: the application ID and the original type ending. The
 * original name is dropped because applicants name files after themselves (and sometimes their NIK).
 */
export function ktpFileName(originalName: string, applicationId: string, index: number, count: number): string {
  const ext = EXTENSION.exec(originalName)?.[0].toLowerCase() ?? '';
  return KTP_FILES_TEXT.fileName(applicationId, index, count, ext);
}

/**
 * The Drive viewer link of a file (the form File.getUrl gives non-Docs files), built from the ID so recording it costs
 * no service call; retention's driveFileId reads the ID back from it.
 */
export function driveFileLink(fileId: string): string {
  return `https://drive.google.com/file/d/${fileId}/view`;
}
