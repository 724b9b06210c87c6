import { findUnit } from '../../repositories/units';
import { assertReferencesFound } from '../references';

/** Issues are handled by units of either kind (departments and towns); every unit named must exist. */
export const checkUnitsExist = async (references: readonly { path: string; unitId: string }[]) => {
  const units = await Promise.all(references.map(({ unitId }) => findUnit(unitId)));
  assertReferencesFound(
    references.map(({ path }, i) => ({
      path,
      found: units[i] !== undefined,
      message: 'No unit with this id',
    })),
  );
};
