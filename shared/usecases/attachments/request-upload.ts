import type { CreateAttachmentBody, UploadTicket } from '../../contract/attachments';
import type { IdempotencyToken } from '../../db/creation-guard';
import type { Attachment } from '../../domain/attachments/attachment';
import { attachmentFileProblems, isAttachmentType } from '../../domain/attachments/file-rules';
import { mayAttach } from '../../domain/attachments/owner-rules';
import { Forbidden, ValidationFailed } from '../../domain/errors';
import { newId, nowIso } from '../../domain/ids';
import type { Caller } from '../../domain/viewer';
import { signUpload } from '../../repositories/attachment-objects';
import { insertAttachment } from '../../repositories/attachments';
import { readVisibleOwner } from './attachment-owner';

/**
 * Records an attachment a caller may add to a record it sees, and hands out the one URL its bytes
 * may be PUT to. A file the rules refuse is 400 and nothing is written; an owner outside the caller's
 * scope is 404, one it may see but not add to is 403.
 */
export const requestUpload = async (
  caller: Caller,
  input: CreateAttachmentBody,
  idempotency?: IdempotencyToken,
): Promise<UploadTicket> => {
  const problems = attachmentFileProblems(input);
  if (problems.length > 0 || !isAttachmentType(input.contentType)) throw new ValidationFailed(problems);
  const owner = await readVisibleOwner(caller, input.owner);
  if (!mayAttach(caller, owner)) throw new Forbidden('You may see this record but not add files to it.');
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
  const ticket = { id: attachment.id, ...(await signUpload(attachment)) };
  await insertAttachment(attachment, idempotency?.guard(ticket));
  return ticket;
};
