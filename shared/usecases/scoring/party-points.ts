import { nowIso } from '../../domain/ids';
import type { Reply } from '../../http/contract';
import { notFound } from '../../http/errors';
import type { Principal } from '../../http/principal';
import { findPartyPoints, savePartyPoints } from '../../repositories/scoring';
import { findUnit } from '../../repositories/units';

/**
 * Records a unit's party-building points (党建季度积分) for a quarter: 201 for the first record, 200
 * for a change sent with If-Match of the version read; never a silent overwrite (428 / 412).
 */
export const putPartyPoints = async (
  principal: Principal,
  unitId: string,
  quarter: string,
  points: number,
  expectedVersion: number | undefined,
): Promise<Reply> => {
  if (!(await findUnit(unitId))) throw notFound('The unit');
  const now = nowIso();
  const previous = expectedVersion === undefined ? undefined : await findPartyPoints(unitId, quarter);
  const record = await savePartyPoints(
    {
      unitId,
      quarter,
      points,
      updatedBy: principal.sub,
      version: (expectedVersion ?? 0) + 1,
      createdAt: previous?.createdAt ?? now,
      updatedAt: now,
    },
    expectedVersion,
  );
  return { status: expectedVersion === undefined ? 201 : 200, body: record };
};

export const readPartyPoints = async (unitId: string, quarter: string) => {
  const record = await findPartyPoints(unitId, quarter);
  if (!record) throw notFound(`Party-building points of ${quarter} for the unit`);
  return record;
};
