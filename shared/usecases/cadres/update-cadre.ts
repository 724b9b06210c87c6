import type { Cadre, UpdateCadreBody } from '../../contract/cadres';
import { NotFound, StaleVersion } from '../../domain/errors';
import { findCadre, saveCadreChanges } from '../../repositories/cadres';
import { cadreView } from './cadre-view';
import { checkConflictEnterprises } from './check-conflicts';
import { checkCadreUnit } from './check-unit';

/**
 * Changes a cadre the caller read at `expectedVersion`: a stale version is refused first, a new
 * unit must exist; the conditional write still yields 412 if someone else changed it meanwhile.
 */
export const updateCadre = async (
  cadreId: string,
  patch: UpdateCadreBody,
  expectedVersion: number,
): Promise<Cadre> => {
  const current = await findCadre(cadreId);
  if (!current) throw new NotFound('The cadre');
  if (current.version !== expectedVersion) throw new StaleVersion();
  await Promise.all([
    patch.unitId !== undefined ? checkCadreUnit(patch.unitId) : undefined,
    checkConflictEnterprises(patch.conflictEnterpriseIds),
  ]);
  return cadreView(await saveCadreChanges({ ...current, ...patch }, patch, expectedVersion));
};
