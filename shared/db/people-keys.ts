import type { IndexPartition, ItemKey } from './keys';

/**
 * Keys of the people side's later records (docs/appraisal.md, docs/grid-staffing.md, docs/batches.md):
 * annual grades and their ledgers, the excellent counts per list, democratic review rounds, annual
 * reports (述职), secondment batches and visit-team edits. Kept apart from keys.ts, whose layout they
 * follow, so that each area's keys can be read in one place.
 */
const seq = (n: number) => String(n).padStart(10, '0');

export const appraisalKeys = {
  /** A cadre's one grade of a year: a second cannot be written. */
  grade: (year: string, cadreId: string): ItemKey => ({ pk: `APPRAISAL#${year}#${cadreId}`, sk: 'GRADE' }),
  /** The grade's ledger, in its partition, in step order. */
  gradeLedgerEntry: (year: string, cadreId: string, n: number): ItemKey => ({
    pk: `APPRAISAL#${year}#${cadreId}`,
    sk: `LEDGER#${seq(n)}`,
  }),
  gradeLedgerPrefix: 'LEDGER#',
  /** How many excellent grades a list holds in a year: one unit's ordinary list, or the separate list. */
  excellentCount: (year: string, list: 'ordinary' | 'seconded', unitId?: string): ItemKey => ({
    pk: `APPRAISAL#${year}`,
    sk: list === 'seconded' ? 'EXCELLENT#SECONDED' : `EXCELLENT#ORDINARY#${unitId}`,
  }),
  excellentCountsOfYear: (year: string) => ({ partition: `APPRAISAL#${year}`, sortPrefix: 'EXCELLENT#' }),
};

/** Grades: GSI1 by year, GSI2 by the cadre's unit and year, in creation order. */
export const gradeIndexes = {
  byYear: (year: string): IndexPartition => ({ index: 'GSI1', partition: `GRADE#YEAR#${year}` }),
  byUnit: (unitId: string, year: string): IndexPartition => ({
    index: 'GSI2',
    partition: `GRADE#UNIT#${unitId}#${year}`,
  }),
};

export const reviewKeys = {
  round: (id: string): ItemKey => ({ pk: `ROUND#${id}`, sk: 'ROUND' }),
  ballot: (roundId: string, ballotId: string): ItemKey => ({
    pk: `ROUND#${roundId}`,
    sk: `BALLOT#${ballotId}`,
  }),
  /** One cadre's counters in a round, added to by every ballot that grades the cadre. */
  tally: (roundId: string, cadreId: string): ItemKey => ({ pk: `ROUND#${roundId}`, sk: `TALLY#${cadreId}` }),
  tallyPrefix: 'TALLY#',
};

/** Review rounds of a batch (GSI1), in creation order. */
export const reviewIndexes = {
  byBatch: (batch: string): IndexPartition => ({ index: 'GSI1', partition: `ROUND#BATCH#${batch}` }),
};

/** A cadre's annual report (述职) of a year, in the cadre's partition: one per year. */
export const annualReportKey = (cadreId: string, year: string): ItemKey => ({
  pk: `CADRE#${cadreId}`,
  sk: `ANNUAL_REPORT#${year}`,
});

/** Annual reports of a year (GSI1). */
export const annualReportIndexes = {
  byYear: (year: string): IndexPartition => ({ index: 'GSI1', partition: `ANNUAL_REPORT#YEAR#${year}` }),
};

/** A secondment batch by its code (`2026-1`), which residencies already carry. */
export const batchKey = (code: string): ItemKey => ({ pk: `BATCH#${code}`, sk: 'BATCH' });

/** All batches in code order (GSI1). */
export const batchIndexes = {
  all: (code?: string): IndexPartition => ({ index: 'GSI1', partition: 'BATCH', sort: code }),
};

/**
 * A team's edit history in its grid's partition, by the version the edit made. The `TEAMEDIT#` prefix
 * keeps edits out of the grid's `TEAM#` list.
 */
export const teamEditKey = (gridId: string, teamId: string, version: number): ItemKey => ({
  pk: `GRID#${gridId}`,
  sk: `TEAMEDIT#${teamId}#${seq(version)}`,
});
export const teamEditPrefix = (teamId: string) => `TEAMEDIT#${teamId}#`;

export const policyKeys = {
  policy: (id: string): ItemKey => ({ pk: `POLICY#${id}`, sk: 'POLICY' }),
  /** A policy's delivery to one enterprise, in the policy's partition: delivered once, acknowledged once. */
  delivery: (policyId: string, enterpriseId: string): ItemKey => ({
    pk: `POLICY#${policyId}`,
    sk: `DELIVERY#${enterpriseId}`,
  }),
  deliveryPrefix: 'DELIVERY#',
  /** A town's delivered and acknowledged counts of one program day (the delivery's date). */
  townAwarenessDay: (townUnitId: string, date: string): ItemKey => ({
    pk: `PAWARE#${townUnitId}`,
    sk: `DAY#${date}`,
  }),
};

/** Policies newest first by issue date (GSI1, `issuedOn#id`). */
export const policyIndexes = {
  all: (sort?: string): IndexPartition => ({ index: 'GSI1', partition: 'POLICY', sort }),
};
