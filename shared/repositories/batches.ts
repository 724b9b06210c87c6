import type { Batch } from '../contract/batches';
import type { CreationGuard } from '../db/creation-guard';
import { indexKeysOf } from '../db/keys';
import { batchIndexes, batchKey } from '../db/people-keys';
import { createRecords, getRecord, type Page, queryPage, updateVersioned } from '../db/records';
import { Conflict } from '../domain/errors';

/** Secondment batches, keyed by code (one record per code); all batches in code order (GSI1). */
export const insertBatch = (batch: Batch, guard?: CreationGuard) =>
  createRecords(
    [
      {
        item: {
          ...batchKey(batch.code),
          ...indexKeysOf(batch.id, [batchIndexes.all(batch.code)]),
          entity: 'batch',
          ...batch,
        },
        onTaken: () => new Conflict('BATCH_EXISTS', `Batch ${batch.code} already exists.`),
      },
    ],
    guard,
  );

export const findBatch = (code: string) => getRecord<Batch>(batchKey(code));

export const listBatches = (page: { limit: number; cursor?: string }): Promise<Page<Batch>> =>
  queryPage<Batch>({ ...batchIndexes.all(), ...page });

export const saveBatchChanges = (code: string, changes: Partial<Batch>, expectedVersion: number) =>
  updateVersioned<Batch>(batchKey(code), expectedVersion, changes, 'The batch');
