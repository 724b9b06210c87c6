import { listSecondedInYear } from '../../repositories/assessments';

/**
 * Who was seconded in a year (distinct cadres with a residency marker for it), program-wide and per
 * unit (the cadre's unit when seconded): one query on the year's marker partition.
 */
export const secondedOfYear = async (year: string) => {
  const markers = await listSecondedInYear(year);
  const cadres = new Set<string>();
  const byUnit = new Map<string, Set<string>>();
  for (const marker of markers) {
    cadres.add(marker.cadreId);
    const ofUnit = byUnit.get(marker.unitId) ?? new Set<string>();
    ofUnit.add(marker.cadreId);
    byUnit.set(marker.unitId, ofUnit);
  }
  return { cadres, byUnit };
};
