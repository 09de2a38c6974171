// Retention of personal data (UU PDP Pasal 16(2), 42-45): which full NIKs and files are due for deletion, and when.
import { FINAL_STATUSES, type Status } from './workflow-types';

/** What retention needs of one application: its status and when it reached it. */
export interface RetentionSubject {
  status: Status;
  /** ISO instant of the application's last change (the final status is its last change). */
  finishedAt: string;
}

const DAY_MS = 86_400_000;

/**
 * True when the full NIK and files of a finished application (certificate issued or application rejected) have been
 * kept `retentionDays` full days since it finished. Applications still in process, or waiting on the applicant, keep
 * their data: the Verifikator still needs it. A broken date keeps the data (the conservative side is to ask a person).
 */
export function retentionDue(subject: RetentionSubject, retentionDays: number, now: Date): boolean {
  if (!FINAL_STATUSES.includes(subject.status)) return false;
  const finished = Date.parse(subject.finishedAt);
  if (Number.isNaN(finished) || retentionDays < 0) return false;
  return now.getTime() - finished >= retentionDays * DAY_MS;
}

/** The Drive file id in a Drive/Docs link (/d/<id>/ or ?id=<id>), or '' when the link names none. */
export function driveFileId(link: string): string {
  const match = /\/d\/([A-Za-z0-9_-]{10,})/.exec(link) ?? /[?&]id=([A-Za-z0-9_-]{10,})/.exec(link);
  return match?.[1] ?? '';
}

/**
 * Every Drive file id in a Data Terbatas files cell: uploads are recorded one link per line, so retention must trash
 * each of them, not only the first. Duplicates count once.
 */
export function driveFileIds(cell: string): string[] {
  const ids = cell
    .split(/\s+/)
    .map(driveFileId)
    .filter((id) => id !== '');
  return [...new Set(ids)];
}
