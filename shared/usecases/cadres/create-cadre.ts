import type { Cadre, CreateCadreBody } from '../../contract/cadres';
import { newId, nowIso } from '../../domain/ids';
import type { IdempotencyToken, Reply } from '../../http/contract';
import { insertCadre } from '../../repositories/cadres';
import { checkConflictEnterprises } from './check-conflicts';
import { checkCadreUnit } from './check-unit';

/** Registers a cadre in an existing unit, with the experience profile and skills matching reads. */
export const createCadre = async (input: CreateCadreBody, idempotency?: IdempotencyToken): Promise<Reply> => {
  await Promise.all([checkCadreUnit(input.unitId), checkConflictEnterprises(input.conflictEnterpriseIds)]);
  const now = nowIso();
  const cadre: Cadre = { id: newId(), ...input, version: 1, createdAt: now, updatedAt: now };
  return insertCadre(cadre, { status: 201, body: cadre }, idempotency);
};
