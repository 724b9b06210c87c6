import { findEnterprise } from '../../repositories/enterprises';
import { assertReferencesFound } from '../references';

/** Every enterprise a cadre's conflicts of interest name must exist (at most 20, read in parallel). */
export const checkConflictEnterprises = async (enterpriseIds: readonly string[] | undefined) => {
  if (!enterpriseIds?.length) return;
  const found = await Promise.all(enterpriseIds.map((enterpriseId) => findEnterprise(enterpriseId)));
  assertReferencesFound(
    found.map((enterprise, i) => ({
      path: `body.conflictEnterpriseIds.${i}`,
      found: enterprise !== undefined,
      message: 'No enterprise with this id',
    })),
  );
};
