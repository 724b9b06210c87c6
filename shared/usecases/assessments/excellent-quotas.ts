import { excellentBaseBasisPoints } from '../../appraisal-config';
import { NotFound } from '../../domain/errors';
import { excellentQuota } from '../../domain/excellent-quota';
import { listSecondedInYear } from '../../repositories/assessments';
import { countCadresOfUnit } from '../../repositories/cadres';
import { allUnits, findUnit } from '../../repositories/units';

/**
 * The annual appraisal's excellent quota per unit for a year. Cadres: a COUNT query per unit on the
 * cadres-by-unit index. Seconded cadres: the distinct cadres among the year's seconded-year markers
 * (one query on one index partition, or one unit's prefix of it). Nothing is scanned.
 */
export const excellentQuotas = async (year: string, unitId?: string) => {
  let unitIds: string[];
  if (unitId) {
    if (!(await findUnit(unitId))) throw new NotFound('The unit');
    unitIds = [unitId];
  } else {
    unitIds = (await allUnits()).map((unit) => unit.id);
  }
  const [markers, counts] = await Promise.all([
    listSecondedInYear(year, unitId),
    Promise.all(unitIds.map((id) => countCadresOfUnit(id))),
  ]);
  const secondedByUnit = new Map<string, Set<string>>();
  for (const marker of markers) {
    const cadres = secondedByUnit.get(marker.unitId) ?? new Set<string>();
    cadres.add(marker.cadreId);
    secondedByUnit.set(marker.unitId, cadres);
  }
  return {
    year,
    items: unitIds.map((id, i) => ({
      unitId: id,
      ...excellentQuota({
        cadres: counts[i] ?? 0,
        secondedCadres: secondedByUnit.get(id)?.size ?? 0,
        baseBasisPoints: excellentBaseBasisPoints,
      }),
    })),
    nextCursor: null,
  };
};
