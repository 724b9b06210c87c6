import type { IndexPartition, ItemKey } from './attributes';

/** Attachments: by id (pk); GSI1 by owner record, in upload-request order. */
export const attachmentKeys = {
  item: (id: string): ItemKey => ({ pk: `ATTACH#${id}`, sk: 'ATTACH' }),
  byOwner: (kind: string, ownerId: string): IndexPartition => ({
    index: 'GSI1',
    partition: `ATTACH#OWNER#${kind}#${ownerId}`,
  }),
};
