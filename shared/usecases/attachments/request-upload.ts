import { ATTACHMENT_WRITERS, type CreateAttachmentBody, type UploadTicket } from '../../contract/attachments';
import type { IdempotencyToken } from '../../db/creation-guard';
import type { Attachment } from '../../domain/attachments/attachment';
import { attachmentFileProblems, isAttachmentType } from '../../domain/attachments/file-rules';
import { ATTACHMENT_ADDED, attachmentNote } from '../../domain/attachments/issue-history';
import { mayAttach, type VisibleOwner } from '../../domain/attachments/owner-rules';
import { Conflict, Forbidden, ValidationFailed } from '../../domain/errors';
import { newId, nowIso } from '../../domain/ids';
import type { Caller } from '../../domain/viewer';
import { signUpload } from '../../repositories/attachment-objects';
import { insertAttachment } from '../../repositories/attachments';
import { issueNoteWrites, withNoteRaces } from '../../repositories/issue-notes';
import { StaleIssueError } from '../../repositories/issues';
import { readVisibleOwner } from './attachment-owner';

/** A file on a busy issue meets its other changes; three reads settle it, as for issue commands. */
const ATTEMPTS = 3;

/**
 * Records an attachment a caller may add to a record it sees, and hands out the one URL its bytes
 * may be PUT to. A file the rules refuse is 400 and nothing is written; an owner outside the caller's
 * scope is 404, one it may see but not add to is 403. A file on an issue or its resolution is told in
 * the issue's ledger (internal, issue-history.ts) in the same transaction as its record.
 */
export const requestUpload = async (
  caller: Caller,
  input: CreateAttachmentBody,
  idempotency?: IdempotencyToken,
): Promise<UploadTicket> => {
  const problems = attachmentFileProblems(input);
  if (problems.length > 0 || !isAttachmentType(input.contentType)) throw new ValidationFailed(problems);
  const now = nowIso();
  const attachment: Attachment = {
    id: newId(),
    owner: input.owner,
    fileName: input.fileName,
    contentType: input.contentType,
    size: input.size,
    sha256: input.sha256,
    status: 'awaiting_upload',
    createdBy: caller.sub,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  for (let attempt = 1; ; attempt++) {
    const owner = await readVisibleOwner(caller, input.owner);
    if (!mayAttach(caller, owner)) throw new Forbidden('You may see this record but not add files to it.');
    const ticket = { id: attachment.id, ...(await signUpload(attachment)) };
    try {
      await recordAttachment(caller, attachment, owner, idempotency?.guard(ticket));
      return ticket;
    } catch (error) {
      if (!(error instanceof StaleIssueError)) throw error;
      if (attempt >= ATTEMPTS)
        throw new Conflict('CONCURRENT_UPDATE', 'The issue is changing right now; retry.');
    }
  }
};

const recordAttachment = (
  caller: Caller,
  attachment: Attachment,
  owner: VisibleOwner,
  guard: Parameters<typeof insertAttachment>[1],
) => {
  if (owner.kind !== 'issue' && owner.kind !== 'resolution') return insertAttachment(attachment, guard);
  const role = ATTACHMENT_WRITERS.find((writer) => caller.roles.includes(writer));
  if (!role) throw new Forbidden();
  const note = issueNoteWrites(owner.issue, {
    actor: { sub: caller.sub, role },
    at: attachment.createdAt,
    ...attachmentNote(attachment, ATTACHMENT_ADDED),
  });
  return withNoteRaces(`issue ${owner.issue.id}`, () => insertAttachment(attachment, guard, note));
};
