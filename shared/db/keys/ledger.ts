import type { IndexName, ItemKey } from './attributes';

/**
 * The ledger table: one partition per issue, entries in sequence order, and two indexes for the
 * export's reads by period (Asia/Shanghai program time), each in time order within a partition:
 * - GSI2, by program year: every entry the current code writes. One partition takes all of a year's
 *   ledger writes: even 1,000× Haining is a few a second against a partition's 1,000 WCU/s
 *   (docs/data-model.md), so it is not sharded.
 * - GSI1, by program day: entries written by code from before the by-year index (up to
 *   LEDGER_DAY_INDEX_UNTIL). The ledger is append-only, so they keep that key; the current code
 *   never writes it.
 */
export const LEDGER_YEAR_INDEX: IndexName = 'GSI2';
export const LEDGER_DAY_INDEX: IndexName = 'GSI1';
/** The indexes the ledger table has (and the export may read). */
export const LEDGER_INDEXES: readonly IndexName[] = [LEDGER_DAY_INDEX, LEDGER_YEAR_INDEX];

const seqKey = (seq: number) => String(seq).padStart(10, '0');

/** The index sort key of an entry: the instant normalised to UTC, so entries stamped with different offsets still sort by time. */
const timeKey = (at: string, issueId: string, seq: number) =>
  `${new Date(at).toISOString()}#${issueId}#${seqKey(seq)}`;

/** The entries of one index partition between two instants (both inclusive), as a query reads them. */
export interface LedgerIndexRange {
  index: IndexName;
  partition: string;
  sortBetween?: { from: string; to: string };
}

/** An entry's keys: in its issue's partition, and in the by-year index. Every ledger writer uses these. */
export const ledgerKeys = {
  entry: (issueId: string, seq: number): ItemKey => ({ pk: `ISSUE#${issueId}`, sk: `SEQ#${seqKey(seq)}` }),
  /** The partition of an issue's whole ledger. */
  ofIssue: (issueId: string): string => `ISSUE#${issueId}`,
  /** Where a new entry goes in the by-year index; `year` is the program year of `at`. */
  byYear: (year: string, at: string, issueId: string, seq: number): { gsi2pk: string; gsi2sk: string } => ({
    gsi2pk: `LEDGER#YEAR#${year}`,
    gsi2sk: timeKey(at, issueId, seq),
  }),
};

/** The index ranges the export reads a period from (apart, so that the writers' bundles leave them out). */
export const ledgerPeriodKeys = {
  /** A whole program day of the by-day index. */
  day: (date: string): LedgerIndexRange => ({ index: LEDGER_DAY_INDEX, partition: `LEDGER#DAY#${date}` }),
  /**
   * The entries of program year `year` from instant `fromMs` to before `untilMs` (epoch ms). An entry's
   * sort key is its instant followed by `#`, so the bare instants bound it: one at `fromMs` sorts after
   * the lower bound, one at `untilMs` after the upper.
   */
  yearBetween: (year: string, fromMs: number, untilMs: number): LedgerIndexRange => ({
    index: LEDGER_YEAR_INDEX,
    partition: `LEDGER#YEAR#${year}`,
    sortBetween: { from: new Date(fromMs).toISOString(), to: new Date(untilMs).toISOString() },
  }),
};

/**
 * Where an entry written by code from before the by-year index sits in the by-day index; `date` is the
 * program date of `at`. The current code writes it no more: it spells the stored entries' keys, for
 * the tests and benches that make such entries.
 */
export const ledgerDayKeysBeforeUpgrade = (
  date: string,
  at: string,
  issueId: string,
  seq: number,
): { gsi1pk: string; gsi1sk: string } => ({
  gsi1pk: `LEDGER#DAY#${date}`,
  gsi1sk: timeKey(at, issueId, seq),
});
