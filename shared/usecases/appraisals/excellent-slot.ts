import { excellentBaseBasisPoints } from '../../appraisal-config';
import type { ExcellentList } from '../../domain/appraisal/grade-approval';
import { ordinaryExcellentQuota, secondedExcellentQuota } from '../../domain/excellent-quota';
import type { ExcellentSlot } from '../../repositories/appraisal-grades';
import { countCadresOfUnit } from '../../repositories/cadres';
import { secondedOfYear } from './year-seconded';

/** The list a cadre competes in this year: seconded cadres are listed separately (单列). */
export const listOf = (seconded: { cadres: Set<string> }, cadreId: string): ExcellentList =>
  seconded.cadres.has(cadreId) ? 'seconded' : 'ordinary';

/**
 * The excellent slot of a list as the records stand: the separate list's quota from the year's
 * seconded cadres, a unit's ordinary quota from its cadres now less those seconded from it.
 */
export const excellentSlot = async (
  year: string,
  list: ExcellentList,
  unitId: string,
  seconded?: Awaited<ReturnType<typeof secondedOfYear>>,
): Promise<ExcellentSlot> => {
  const ofYear = seconded ?? (await secondedOfYear(year));
  if (list === 'seconded') {
    return {
      year,
      list,
      unitId,
      quota: secondedExcellentQuota(ofYear.cadres.size, excellentBaseBasisPoints).quota,
    };
  }
  const cadres = await countCadresOfUnit(unitId);
  const nonSeconded = cadres - (ofYear.byUnit.get(unitId)?.size ?? 0);
  return { year, list, unitId, quota: ordinaryExcellentQuota(nonSeconded, excellentBaseBasisPoints).quota };
};
