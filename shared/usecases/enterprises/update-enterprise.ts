import type { Enterprise, UpdateEnterpriseBody } from '../../contract/enterprises';
import { NotFound, StaleVersion } from '../../domain/errors';
import { findEnterprise, saveEnterpriseChanges } from '../../repositories/enterprises';
import type { EnterpriseRecord } from '../../repositories/records/enterprises';
import { checkPlacement } from './check-placement';
import { enterpriseView } from './enterprise-view';

/**
 * Changes an enterprise the caller read at `expectedVersion`. A stale version is refused before
 * any other check; a new grid or town is checked against the other (as patched or as stored).
 * The write itself is conditional on the version, so a concurrent change still yields 412; a move to
 * another grid moves the grids' enterprise counts with it.
 */
export const updateEnterprise = async (
  enterpriseId: string,
  patch: UpdateEnterpriseBody,
  expectedVersion: number,
): Promise<Enterprise> => {
  const current = await findEnterprise(enterpriseId);
  if (!current) throw new NotFound('The enterprise');
  if (current.version !== expectedVersion) throw new StaleVersion();
  const next: EnterpriseRecord = { ...current, ...patch };
  if (patch.gridId !== undefined || patch.townUnitId !== undefined) await checkPlacement(next);
  return enterpriseView(await saveEnterpriseChanges(next, patch, expectedVersion, current.gridId));
};
