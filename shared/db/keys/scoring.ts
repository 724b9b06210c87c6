import type { IndexPartition, ItemKey } from './attributes';

/** The sort-key prefix of one revision's rows in a quarter's ranking partition. */
const revisionPrefix = (revision: number): string => `REV#${String(revision).padStart(6, '0')}#`;

/**
 * What quarterly scoring reads and writes: a unit's counters and party-building points of a quarter
 * (each in GSI1 by quarter, all units together), and a quarter's published ranking (a head naming the
 * current revision, and each revision's rows in group and rank order, in one partition).
 */
export const scoringKeys = {
  unitQuarterCounters: (unitId: string, quarter: string): ItemKey => ({
    pk: `UNITSTATS#${unitId}`,
    sk: `Q#${quarter}`,
  }),
  countersOfQuarter: (quarter: string, unitId?: string): IndexPartition => ({
    index: 'GSI1',
    partition: `UNITSTATS#${quarter}`,
    sort: unitId,
  }),
  /** A unit's party-building points of a quarter (versioned). */
  partyPoints: (unitId: string, quarter: string): ItemKey => ({
    pk: `UNIT#${unitId}`,
    sk: `PARTY#${quarter}`,
  }),
  partyPointsOfQuarter: (quarter: string, unitId?: string): IndexPartition => ({
    index: 'GSI1',
    partition: `PARTY#${quarter}`,
    sort: unitId,
  }),
  /** Which revision of a quarter's ranking is current, with its content hash. */
  rankingHead: (quarter: string): ItemKey => ({ pk: `RANKING#${quarter}`, sk: 'HEAD' }),
  /** One row of one revision of a quarter's ranking, in group and rank order. */
  rankingRow: (quarter: string, revision: number, group: string, rank: number, unitId: string): ItemKey => ({
    pk: `RANKING#${quarter}`,
    sk: `${revisionPrefix(revision)}${group}#${String(rank).padStart(6, '0')}#${unitId}`,
  }),
  rankingRows: (quarter: string, revision: number) => ({
    partition: `RANKING#${quarter}`,
    sortPrefix: revisionPrefix(revision),
  }),
};
