import { NotFound } from '../../domain/errors';
import { nowIso } from '../../domain/ids';
import type { Caller } from '../../domain/viewer';
import type { PartyPoints } from '../../repositories/scoring';
import { findPartyPoints, savePartyPoints } from '../../repositories/scoring';
import { findUnit } from '../../repositories/units';
import type { Saved } from '../saved';

/**
 * Records a unit's party-building points (党建季度积分) for a quarter: created without an expected
 * version, changed with the version read; never a silent overwrite (VersionRequired / StaleVersion).
 */
export const putPartyPoints = async (
  caller: Caller,
  unitId: string,
  quarter: string,
  points: number,
  expectedVersion: number | undefined,
): Promise<Saved<PartyPoints>> => {
  if (!(await findUnit(unitId))) throw new NotFound('The unit');
  const now = nowIso();
  const previous = expectedVersion === undefined ? undefined : await findPartyPoints(unitId, quarter);
  const record = await savePartyPoints(
    {
      unitId,
      quarter,
      points,
      updatedBy: caller.sub,
      version: (expectedVersion ?? 0) + 1,
      createdAt: previous?.createdAt ?? now,
      updatedAt: now,
    },
    expectedVersion,
  );
  return { record, created: expectedVersion === undefined };
};

export const readPartyPoints = async (unitId: string, quarter: string) => {
  const record = await findPartyPoints(unitId, quarter);
  if (!record) throw new NotFound(`Party-building points of ${quarter} for the unit`);
  return record;
};
