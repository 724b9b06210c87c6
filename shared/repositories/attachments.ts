import type { CreationGuard } from '../db/creation-guard';
import { attachmentKeys, indexKeysOf } from '../db/keys';
import { type Page, queryPage } from '../db/queries';
import { createRecords, getRecord, updateVersioned } from '../db/records';
import type { Attachment } from '../domain/attachments/attachment';
import type { OwnerRef } from '../domain/attachments/owner-rules';
import { Conflict } from '../domain/errors';

/** Attachment records. Access patterns: by id (pk); by owner (GSI1), oldest first. */
export const insertAttachment = (attachment: Attachment, guard?: CreationGuard) =>
  createRecords(
    [
      {
        item: {
          ...attachmentKeys.item(attachment.id),
          ...indexKeysOf(attachment.id, [attachmentKeys.byOwner(attachment.owner.kind, attachment.owner.id)]),
          entity: 'attachment',
          ...attachment,
        },
        onTaken: () => new Conflict('CONFLICT', `Attachment ${attachment.id} already exists.`),
      },
    ],
    guard,
  );

export const findAttachment = (attachmentId: string) =>
  getRecord<Attachment>(attachmentKeys.item(attachmentId));

export const listAttachmentsOf = (
  owner: OwnerRef,
  page: { limit: number; cursor?: string },
): Promise<Page<Attachment>> =>
  queryPage<Attachment>({ ...attachmentKeys.byOwner(owner.kind, owner.id), ...page });

/** Its bytes were found in the bucket: later downloads need not look again. */
export const markUploaded = (attachment: Attachment) =>
  updateVersioned<Attachment>(
    attachmentKeys.item(attachment.id),
    attachment.version,
    { status: 'uploaded' },
    'The attachment',
  );
