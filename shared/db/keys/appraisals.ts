import type { IndexPartition, ItemKey, KeyRange } from './attributes';

const seq = (n: number) => String(n).padStart(10, '0');

/**
 * Annual grades (年度考核等次, docs/appraisal.md): a cadre's one grade of a year in its own partition
 * (a second cannot be written) with its ledger beside it in step order; the excellent count of each
 * list in the year's partition. GSI1 grades by year, GSI2 by the cadre's unit and year.
 */
export const appraisalKeys = {
  grade: (year: string, cadreId: string): ItemKey => ({ pk: `APPRAISAL#${year}#${cadreId}`, sk: 'GRADE' }),
  ledgerEntry: (year: string, cadreId: string, n: number): ItemKey => ({
    pk: `APPRAISAL#${year}#${cadreId}`,
    sk: `LEDGER#${seq(n)}`,
  }),
  ledgerOf: (year: string, cadreId: string): KeyRange => ({
    partition: `APPRAISAL#${year}#${cadreId}`,
    sortPrefix: 'LEDGER#',
  }),
  /** How many excellent grades a list holds in a year: one unit's ordinary list, or the separate list. */
  excellentCount: (year: string, list: 'ordinary' | 'seconded', unitId?: string): ItemKey => ({
    pk: `APPRAISAL#${year}`,
    sk: list === 'seconded' ? 'EXCELLENT#SECONDED' : `EXCELLENT#ORDINARY#${unitId}`,
  }),
  excellentCountsOf: (year: string): KeyRange => ({
    partition: `APPRAISAL#${year}`,
    sortPrefix: 'EXCELLENT#',
  }),
  byYear: (year: string): IndexPartition => ({ index: 'GSI1', partition: `GRADE#YEAR#${year}` }),
  byUnit: (unitId: string, year: string): IndexPartition => ({
    index: 'GSI2',
    partition: `GRADE#UNIT#${unitId}#${year}`,
  }),
};

/** A cadre's annual report (述职) of a year, in the cadre's partition (one per year); GSI1 by year. */
export const annualReportKeys = {
  item: (cadreId: string, year: string): ItemKey => ({ pk: `CADRE#${cadreId}`, sk: `ANNUAL_REPORT#${year}` }),
  byYear: (year: string): IndexPartition => ({ index: 'GSI1', partition: `ANNUAL_REPORT#YEAR#${year}` }),
};
