import type { IndexPartition, ItemKey } from './attributes';

/**
 * Visits, newest first by visit date (`sortKey`, `date#id`): GSI1 by grid, GSI2 by enterprise, GSI4
 * by year of the visit date (the service centre's lists by period; a year partition holds a
 * province's visits easily). Grid coverage: a counter per grid and year beside one first-visit marker
 * per enterprise, in the grid-year's partition.
 */
export const visitKeys = {
  item: (id: string): ItemKey => ({ pk: `VISIT#${id}`, sk: 'VISIT' }),
  sortKey: (date: string, id: string) => `${date}#${id}`,
  byGrid: (gridId: string, sort?: string): IndexPartition => ({
    index: 'GSI1',
    partition: `VISIT#GRID#${gridId}`,
    sort,
  }),
  byEnterprise: (enterpriseId: string, sort?: string): IndexPartition => ({
    index: 'GSI2',
    partition: `VISIT#ENT#${enterpriseId}`,
    sort,
  }),
  byYear: (year: number, sort?: string): IndexPartition => ({
    index: 'GSI4',
    partition: `VISIT#YEAR#${year}`,
    sort,
  }),
  /** How many distinct enterprises of a grid were visited in a year. */
  gridYearCoverage: (gridId: string, year: number): ItemKey => ({
    pk: `COVERAGE#${gridId}#${year}`,
    sk: 'COUNT',
  }),
  /** First-visit marker: the enterprise was visited in the grid in the year (put once, never changed). */
  gridYearVisited: (gridId: string, year: number, enterpriseId: string): ItemKey => ({
    pk: `COVERAGE#${gridId}#${year}`,
    sk: `VISITED#${enterpriseId}`,
  }),
};
