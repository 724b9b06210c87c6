import type { CreationGuard } from '../db/creation-guard';
import { batchKeys, indexKeysOf } from '../db/keys';
import { type Page, queryPage } from '../db/queries';
import { createRecords, getRecord, updateVersioned } from '../db/records';
import { Conflict } from '../domain/errors';
import type { BatchRecord } from './records/batches';

/** Secondment batches, keyed by code (one record per code); all batches in code order (GSI1). */
export const insertBatch = (batch: BatchRecord, guard?: CreationGuard) =>
  createRecords(
    [
      {
        item: {
          ...batchKeys.item(batch.code),
          ...indexKeysOf(batch.id, [batchKeys.all(batch.code)]),
          entity: 'batch',
          ...batch,
        },
        onTaken: () => new Conflict('BATCH_EXISTS', `Batch ${batch.code} already exists.`),
      },
    ],
    guard,
  );

export const findBatch = (code: string) => getRecord<BatchRecord>(batchKeys.item(code));

export const listBatches = (page: { limit: number; cursor?: string }): Promise<Page<BatchRecord>> =>
  queryPage<BatchRecord>({ ...batchKeys.all(), ...page });

export const saveBatchChanges = (code: string, changes: Partial<BatchRecord>, expectedVersion: number) =>
  updateVersioned<BatchRecord>(batchKeys.item(code), expectedVersion, changes, 'The batch');
