import { TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { tableNames } from '../config';
import { documentClient } from '../db/client';
import type { CreationGuard } from '../db/creation-guard';
import { attachmentKeys, indexKeysOf } from '../db/keys';
import { type Page, queryAll, queryPage } from '../db/queries';
import { createRecords, getRecord, type TransactItem } from '../db/records';
import type { Attachment } from '../domain/attachments/attachment';
import type { OwnerRef } from '../domain/attachments/owner-rules';
import { Conflict } from '../domain/errors';

/**
 * Attachment records. Access patterns: by id (pk); by owner (GSI1), oldest first; those awaiting
 * their upload (GSI2, sparse), oldest first.
 */

/** The record, and beside it in the same transaction `alsoWrite` (its issue's ledger entry). */
export const insertAttachment = (
  attachment: Attachment,
  guard?: CreationGuard,
  alsoWrite: readonly TransactItem[] = [],
) =>
  createRecords(
    [
      {
        item: {
          ...attachmentKeys.item(attachment.id),
          ...indexKeysOf(attachment.id, [
            attachmentKeys.byOwner(attachment.owner.kind, attachment.owner.id),
            attachmentKeys.awaitingUpload(`${attachment.createdAt}#${attachment.id}`),
          ]),
          entity: 'attachment',
          ...attachment,
        },
        onTaken: () => new Conflict('CONFLICT', `Attachment ${attachment.id} already exists.`),
      },
    ],
    guard,
    alsoWrite,
  );

export const findAttachment = (attachmentId: string) =>
  getRecord<Attachment>(attachmentKeys.item(attachmentId));

export const listAttachmentsOf = (
  owner: OwnerRef,
  page: { limit: number; cursor?: string },
): Promise<Page<Attachment>> =>
  queryPage<Attachment>({ ...attachmentKeys.byOwner(owner.kind, owner.id), ...page });

/**
 * Its bytes were found in the bucket: later downloads need not look again, and it leaves the
 * awaiting-upload index. Conditional on the version read; a lost race means another reader (or the
 * cleanup) marked it first, which is the same outcome.
 */
export const markUploaded = async (attachment: Attachment): Promise<void> => {
  try {
    await documentClient.send(
      new UpdateCommand({
        TableName: tableNames.program,
        Key: attachmentKeys.item(attachment.id),
        UpdateExpression: 'SET #status = :uploaded, version = :next, updatedAt = :at REMOVE gsi2pk, gsi2sk',
        ConditionExpression: 'version = :version',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':uploaded': 'uploaded',
          ':next': attachment.version + 1,
          ':at': new Date().toISOString(),
          ':version': attachment.version,
        },
      }),
    );
  } catch (error) {
    if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
  }
};

/** Every attachment still awaiting its upload that was asked for before `before` (an ISO instant). */
export const listAwaitingUploadBefore = (before: string): Promise<Attachment[]> =>
  queryAll<Attachment>({ ...attachmentKeys.awaitingUpload(), sortBefore: before });

/**
 * Removes the record of an upload that never came, with `alsoWrite` (its issue's ledger entry) in the
 * same transaction; only while it is as read and still awaiting its upload.
 */
export const removeAbandonedUpload = (attachment: Attachment, alsoWrite: readonly TransactItem[] = []) =>
  documentClient.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Delete: {
            TableName: tableNames.program,
            Key: attachmentKeys.item(attachment.id),
            ConditionExpression: '#status = :awaiting AND version = :version',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':awaiting': 'awaiting_upload', ':version': attachment.version },
          },
        },
        ...alsoWrite,
      ],
    }),
  );
