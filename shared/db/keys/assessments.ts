import type { IndexPartition, ItemKey } from './attributes';

/**
 * Cadre assessments (专项考察) and what the annual appraisal's excellent quota reads. A residency's
 * one assessment lives in the residency's partition (a second cannot be written); GSI1 by year, GSI2
 * by the cadre's unit (`year#id`). Seconded-year markers: GSI3 by year.
 */
export const assessmentKeys = {
  item: (residencyId: string): ItemKey => ({ pk: `RES#${residencyId}`, sk: 'ASSESSMENT' }),
  /**
   * A marker per calendar year a residency spans (startDate to planned endDate), written with the
   * residency: who was seconded in a year, by the cadre's unit at the time, without a scan.
   */
  secondedYear: (residencyId: string, year: string): ItemKey => ({
    pk: `RES#${residencyId}`,
    sk: `SECONDED#${year}`,
  }),
  byYear: (year: string): IndexPartition => ({ index: 'GSI1', partition: `ASSESS#YEAR#${year}` }),
  byUnit: (unitId: string, year: string, id?: string): IndexPartition => ({
    index: 'GSI2',
    partition: `ASSESS#UNIT#${unitId}`,
    sort: id && `${year}#${id}`,
  }),
  /** Sort `unitId#cadreId#residencyId`: one unit's seconded cadres are a prefix. */
  secondedInYear: (year: string, sort?: string): IndexPartition => ({
    index: 'GSI3',
    partition: `SECONDED#YEAR#${year}`,
    sort,
  }),
};
