import type { Enterprise } from '../../contract/enterprises';
import { InputRejected } from '../../domain/errors';
import { findGrid } from '../../repositories/grids';
import { findUnit } from '../../repositories/units';
import { assertReferencesFound } from '../references';

/**
 * An enterprise sits in a town and in one of that town's grids: both must exist, and the grid's
 * town must be the one given (a grid never changes town, so the check holds once made).
 */
export const checkPlacement = async ({ townUnitId, gridId }: Pick<Enterprise, 'townUnitId' | 'gridId'>) => {
  const [town, grid] = await Promise.all([findUnit(townUnitId), findGrid(gridId)]);
  assertReferencesFound([
    { path: 'body.townUnitId', found: town?.kind === 'town', message: 'No town with this id' },
    { path: 'body.gridId', found: grid !== undefined, message: 'No grid with this id' },
  ]);
  if (grid?.townUnitId !== townUnitId) {
    throw new InputRejected('VALIDATION_FAILED', 'The grid lies in another town.', [
      { path: 'body.gridId', message: 'The grid does not belong to the town in townUnitId' },
    ]);
  }
};
