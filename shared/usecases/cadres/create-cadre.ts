import type { Cadre, CreateCadreBody } from '../../contract/cadres';
import type { IdempotencyToken } from '../../db/creation-guard';
import { newId, nowIso } from '../../domain/ids';
import { insertCadre } from '../../repositories/cadres';
import type { CadreRecord } from '../../repositories/records/cadres';
import { cadreView } from './cadre-view';
import { checkConflictEnterprises } from './check-conflicts';
import { checkCadreUnit } from './check-unit';

/** Registers a cadre in an existing unit, with the experience profile and skills matching reads. */
export const createCadre = async (input: CreateCadreBody, idempotency?: IdempotencyToken): Promise<Cadre> => {
  await Promise.all([checkCadreUnit(input.unitId), checkConflictEnterprises(input.conflictEnterpriseIds)]);
  const now = nowIso();
  const cadre: CadreRecord = { id: newId(), ...input, version: 1, createdAt: now, updatedAt: now };
  const view = cadreView(cadre);
  await insertCadre(cadre, idempotency?.guard(view));
  return view;
};
