import type { Batch, CreateBatchBody, UpdateBatchBody } from '../../contract/batches';
import type { IdempotencyToken } from '../../db/creation-guard';
import { assertBatchTransition, batchFigures } from '../../domain/batches';
import { NotFound, StaleVersion, ValidationFailed } from '../../domain/errors';
import { newId, nowIso } from '../../domain/ids';
import { findAssessment } from '../../repositories/assessments';
import { findBatch, insertBatch, saveBatchChanges } from '../../repositories/batches';
import { allPromotionsOf } from '../../repositories/promotions';
import type { BatchRecord } from '../../repositories/records/batches';
import { allResidenciesOfBatch, findEvaluation } from '../../repositories/residencies';
import { allFieldsShown } from '../record-view';

export const batchView = allFieldsShown<BatchRecord, Batch>();

export const createBatch = async (input: CreateBatchBody, idempotency?: IdempotencyToken): Promise<Batch> => {
  const at = nowIso();
  const batch: BatchRecord = {
    id: newId(),
    ...input,
    status: 'planned',
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  const view = batchView(batch);
  await insertBatch(batch, idempotency?.guard(view));
  return view;
};

const existingBatch = async (code: string): Promise<BatchRecord> => {
  const batch = await findBatch(code);
  if (!batch) throw new NotFound('The batch');
  return batch;
};

export const readBatch = async (code: string): Promise<Batch> => batchView(await existingBatch(code));

/** Changes a batch read at `expectedVersion`; dates stay in order and the status moves only forward. */
export const updateBatch = async (
  code: string,
  patch: UpdateBatchBody,
  expectedVersion: number,
): Promise<Batch> => {
  const current = await existingBatch(code);
  if (current.version !== expectedVersion) throw new StaleVersion();
  if (patch.status) assertBatchTransition(current.status, patch.status);
  const next = { ...current, ...patch };
  if (next.startDate > next.endDate) {
    throw new ValidationFailed([
      { path: 'body.endDate', message: 'The end date must not be before the start date' },
    ]);
  }
  return batchView(await saveBatchChanges(code, patch, expectedVersion));
};

/**
 * What became of a batch's residencies: each residency's evaluation and assessment (one GetItem
 * each) and its cadre's promotions (one key query per cadre). A batch holds dozens of residencies.
 */
export const reportBatch = async (code: string) => {
  const batch = await existingBatch(code);
  const residencies = await allResidenciesOfBatch(code);
  const facts = await Promise.all(
    residencies.map(async (residency) => {
      const [evaluation, assessment, promotions] = await Promise.all([
        findEvaluation(residency.id),
        findAssessment(residency.id),
        allPromotionsOf(residency.cadreId),
      ]);
      return {
        cadreId: residency.cadreId,
        status: residency.status,
        evaluated: evaluation !== undefined,
        assessed: assessment !== undefined,
        promoted: promotions.some(
          (promotion) => promotion.residencyId === residency.id || promotion.date >= residency.startDate,
        ),
      };
    }),
  );
  return { code, name: batch.name, status: batch.status, ...batchFigures(batch.plannedSize, facts) };
};
