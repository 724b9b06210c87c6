import { describe, expect, it } from 'vitest';
import { ledgerPartitionsOf } from '../../../shared/repositories/ledger-period';

/** The partitions as `index partition [from, to]`, to read at a glance. */
const plan = (from: string, to: string, dayIndexUntil?: string) =>
  ledgerPartitionsOf(from, to, dayIndexUntil).map(({ index, partition, sortBetween }) =>
    [index, partition, sortBetween && `[${sortBetween.from}, ${sortBetween.to}]`].filter(Boolean).join(' '),
  );

describe('ledgerPartitionsOf: where the export reads a period', () => {
  it('reads one by-year partition for a period within a year, from its first instant to the next day’s (Asia/Shanghai)', () => {
    expect(plan('2027-03-01', '2027-03-31')).toEqual([
      'GSI2 LEDGER#YEAR#2027 [2027-02-28T16:00:00.000Z, 2027-03-31T16:00:00.000Z]',
    ]);
  });

  it('reads both years of a period across a new year, each with the whole period’s bounds', () => {
    expect(plan('2027-12-31', '2028-01-01')).toEqual([
      'GSI2 LEDGER#YEAR#2027 [2027-12-30T16:00:00.000Z, 2028-01-01T16:00:00.000Z]',
      'GSI2 LEDGER#YEAR#2028 [2027-12-30T16:00:00.000Z, 2028-01-01T16:00:00.000Z]',
    ]);
  });

  it('reads the by-day partitions of the days up to the cut-over, then the years of the period', () => {
    expect(plan('2026-12-08', '2026-12-11', '2026-12-09')).toEqual([
      'GSI1 LEDGER#DAY#2026-12-08',
      'GSI1 LEDGER#DAY#2026-12-09',
      'GSI2 LEDGER#YEAR#2026 [2026-12-07T16:00:00.000Z, 2026-12-11T16:00:00.000Z]',
    ]);
    expect(plan('2026-12-08', '2026-12-08', '2026-12-31')).toEqual([
      'GSI1 LEDGER#DAY#2026-12-08',
      'GSI2 LEDGER#YEAR#2026 [2026-12-07T16:00:00.000Z, 2026-12-08T16:00:00.000Z]',
    ]);
    expect(plan('2027-01-01', '2027-01-02', '2026-12-09')).toEqual([
      'GSI2 LEDGER#YEAR#2027 [2026-12-31T16:00:00.000Z, 2027-01-02T16:00:00.000Z]',
    ]);
  });
});
