import { excellentBaseBasisPoints } from '../../appraisal-config';
import { NotFound } from '../../domain/errors';
import { ordinaryExcellentQuota, secondedExcellentQuota } from '../../domain/excellent-quota';
import { readExcellentCounts } from '../../repositories/appraisal-grades';
import { countCadresOfUnit } from '../../repositories/cadres';
import { allUnits, findUnit } from '../../repositories/units';
import { secondedOfYear } from '../appraisals/year-seconded';

/**
 * The annual appraisal's excellent quotas of a year: per unit the ordinary list (its cadres who were
 * not seconded), and the seconded cadres' separate list (单列, program-wide), each with the excellent
 * grades recorded so far. Cadres: a COUNT query per unit on the cadres-by-unit index. Seconded
 * cadres: the year's seconded-year markers (one query). Counts: one key query. Nothing is scanned.
 */
export const excellentQuotas = async (year: string, unitId?: string) => {
  let unitIds: string[];
  if (unitId) {
    if (!(await findUnit(unitId))) throw new NotFound('The unit');
    unitIds = [unitId];
  } else {
    unitIds = (await allUnits()).map((unit) => unit.id);
  }
  const [seconded, counts, granted] = await Promise.all([
    secondedOfYear(year),
    Promise.all(unitIds.map((id) => countCadresOfUnit(id))),
    readExcellentCounts(year),
  ]);
  const base = excellentBaseBasisPoints;
  const separate = secondedExcellentQuota(seconded.cadres.size, base);
  return {
    year,
    items: unitIds.map((id, i) => {
      const cadres = counts[i] ?? 0;
      const secondedCadres = Math.min(cadres, seconded.byUnit.get(id)?.size ?? 0);
      const ordinary = ordinaryExcellentQuota(cadres - secondedCadres, base);
      return {
        unitId: id,
        cadres,
        secondedCadres,
        ordinaryCadres: ordinary.cadres,
        baseRatio: ordinary.ratio,
        secondedRatio: separate.ratio,
        quota: ordinary.quota,
        excellentGranted: granted.ordinaryByUnit.get(id) ?? 0,
        explanation: `${ordinary.explanation}; the ${secondedCadres} seconded compete in the separate list`,
      };
    }),
    secondedList: { ...separate, excellentGranted: granted.seconded },
    nextCursor: null,
  };
};
