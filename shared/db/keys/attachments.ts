import type { IndexPartition, ItemKey } from './attributes';

/**
 * Attachments: by id (pk); GSI1 by owner record, in upload-request order; GSI2 those still awaiting
 * their upload, by request time (`createdAt#id`): sparse, an attachment leaves it once its bytes are
 * found or its abandoned record is removed.
 */
export const attachmentKeys = {
  item: (id: string): ItemKey => ({ pk: `ATTACH#${id}`, sk: 'ATTACH' }),
  byOwner: (kind: string, ownerId: string): IndexPartition => ({
    index: 'GSI1',
    partition: `ATTACH#OWNER#${kind}#${ownerId}`,
  }),
  awaitingUpload: (sort?: string): IndexPartition => ({ index: 'GSI2', partition: 'ATTACH#AWAITING', sort }),
};
