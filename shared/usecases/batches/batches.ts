import type { Batch, CreateBatchBody, UpdateBatchBody } from '../../contract/batches';
import type { IdempotencyToken } from '../../db/creation-guard';
import { assertBatchTransition, batchFigures } from '../../domain/batches';
import { NotFound, StaleVersion, ValidationFailed } from '../../domain/errors';
import { newId, nowIso } from '../../domain/ids';
import { findAssessment, readAll } from '../../repositories/assessments';
import { findBatch, insertBatch, saveBatchChanges } from '../../repositories/batches';
import { listPromotions } from '../../repositories/promotions';
import { findEvaluation, listResidencies } from '../../repositories/residencies';

export const createBatch = async (input: CreateBatchBody, idempotency?: IdempotencyToken): Promise<Batch> => {
  const at = nowIso();
  const batch: Batch = { id: newId(), ...input, status: 'planned', version: 1, createdAt: at, updatedAt: at };
  await insertBatch(batch, idempotency?.guard(batch));
  return batch;
};

export const readBatch = async (code: string): Promise<Batch> => {
  const batch = await findBatch(code);
  if (!batch) throw new NotFound('The batch');
  return batch;
};

/** Changes a batch read at `expectedVersion`; dates stay in order and the status moves only forward. */
export const updateBatch = async (
  code: string,
  patch: UpdateBatchBody,
  expectedVersion: number,
): Promise<Batch> => {
  const current = await readBatch(code);
  if (current.version !== expectedVersion) throw new StaleVersion();
  if (patch.status) assertBatchTransition(current.status, patch.status);
  const next = { ...current, ...patch };
  if (next.startDate > next.endDate) {
    throw new ValidationFailed([
      { path: 'body.endDate', message: 'The end date must not be before the start date' },
    ]);
  }
  return saveBatchChanges(code, patch, expectedVersion);
};

/**
 * What became of a batch's residencies: each residency's evaluation and assessment (one GetItem
 * each) and its cadre's promotions (one key query per cadre). A batch holds dozens of residencies.
 */
export const reportBatch = async (code: string) => {
  const batch = await readBatch(code);
  const residencies = await readAll((page) => listResidencies({ batch: code }, page));
  const facts = await Promise.all(
    residencies.map(async (residency) => {
      const [evaluation, assessment, promotions] = await Promise.all([
        findEvaluation(residency.id),
        findAssessment(residency.id),
        readAll((page) => listPromotions(residency.cadreId, page)),
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
