import { findUnit } from '../../repositories/units';
import { assertReferencesFound } from '../references';

/** A cadre belongs to a unit of either kind: departments' staff and town (属地) cadres alike. */
export const checkCadreUnit = async (unitId: string): Promise<void> => {
  const unit = await findUnit(unitId);
  assertReferencesFound([
    { path: 'body.unitId', found: unit !== undefined, message: 'No unit with this id' },
  ]);
};
