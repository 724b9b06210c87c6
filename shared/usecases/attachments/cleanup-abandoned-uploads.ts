import {
  ATTACHMENT_ABANDONED,
  abandonedBefore,
  attachmentNote,
  ledgeredIssueOf,
} from '../../domain/attachments/issue-history';
import type { CalendarDate } from '../../domain/calendar';
import { nowIso } from '../../domain/ids';
import type { Actor } from '../../domain/issues/issue';
import { objectArrived, UPLOAD_SECONDS } from '../../repositories/attachment-objects';
import {
  findAttachment,
  listAwaitingUploadBefore,
  markUploaded,
  removeAbandonedUpload,
} from '../../repositories/attachments';
import { issueNoteWrites, withNoteRaces } from '../../repositories/issue-notes';
import { findIssue, StaleIssueError } from '../../repositories/issues';
import type { JobFailure, JobRun } from '../jobs/job-run';

export const ATTACHMENT_CLEANUP = 'attachment-cleanup';
const CLEANUP_ACTOR: Actor = { sub: `job:${ATTACHMENT_CLEANUP}`, role: 'system' };
const ATTEMPTS = 3;

/**
 * Removes the record of an upload that never came (only while it still awaits it, as re-read), and
 * tells its issue's ledger in the same transaction. False when there was nothing left to remove.
 */
const removeAbandoned = async (attachmentId: string): Promise<boolean> => {
  for (let attempt = 1; ; attempt++) {
    const current = await findAttachment(attachmentId);
    if (current?.status !== 'awaiting_upload') return false;
    const issueId = ledgeredIssueOf(current);
    const stored = issueId ? await findIssue(issueId) : undefined;
    const note = stored
      ? issueNoteWrites(stored.issue, {
          actor: CLEANUP_ACTOR,
          at: nowIso(),
          ...attachmentNote(current, ATTACHMENT_ABANDONED),
        })
      : [];
    try {
      await withNoteRaces(`attachment ${current.id}`, () => removeAbandonedUpload(current, note));
      return true;
    } catch (error) {
      if (!(error instanceof StaleIssueError) || attempt >= ATTEMPTS) throw error;
    }
  }
};

/**
 * The daily cleanup of uploads (docs/attachments.md): every attachment still awaiting its upload whose
 * URL expired before `asOf` began is looked for in the bucket. Found, it is marked uploaded (a
 * completed upload is never cleaned, however late its first download); not found, its record is
 * removed and its issue's ledger says so. Idempotent: a second run finds those records gone or
 * uploaded. It runs in the attachments function, on a daily rule of its own (infra/api-areas.ts):
 * it needs the S3 signer that function alone carries, so it is not one of `POST /jobs/{job}/runs`'
 * jobs (the operators' function is at its bundle budget); a missed day is caught up by the next run.
 */
export const runAttachmentCleanup = async (asOf: CalendarDate): Promise<JobRun> => {
  const awaiting = await listAwaitingUploadBefore(abandonedBefore(asOf, UPLOAD_SECONDS));
  const failures: JobFailure[] = [];
  let confirmed = 0;
  let removed = 0;
  for (const attachment of awaiting) {
    try {
      if (await objectArrived(attachment)) {
        await markUploaded(attachment);
        confirmed += 1;
      } else if (await removeAbandoned(attachment.id)) {
        removed += 1;
      }
    } catch (error) {
      failures.push({
        recordId: attachment.id,
        step: `cleanup of an attachment on a ${attachment.owner.kind}`,
        error: (error as Error).name,
      });
    }
  }
  return {
    job: ATTACHMENT_CLEANUP,
    asOf,
    failures,
    metrics: { AttachmentUploadsConfirmed: confirmed, AttachmentUploadsRemoved: removed },
  };
};
