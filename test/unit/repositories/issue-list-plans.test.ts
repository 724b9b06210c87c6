import { decodeTime } from 'ulid';
import { describe, expect, it } from 'vitest';
import { decodePartitionsCursor, encodePartitionsCursor } from '../../../shared/db/cursor';
import { issueListPartitions, raisedBetween } from '../../../shared/repositories/issue-lists';

describe('issueListPartitions', () => {
  it('reads the most selective partition the filters name for those who see everything', () => {
    const all = { kind: 'all' } as const;
    expect(issueListPartitions(all, { enterpriseId: 'E1', unitId: 'U1', status: 'assigned' })).toEqual([
      { index: 'IGSI1', partition: 'ISSUE#ENT#E1' },
    ]);
    expect(issueListPartitions(all, { unitId: 'U1', status: 'assigned' })).toEqual([
      { index: 'IGSI2', partition: 'ISSUE#UNIT#U1' },
    ]);
    expect(issueListPartitions(all, { status: 'closed' })).toEqual([
      { index: 'IGSI5', partition: 'ISSUE#STATUS#closed' },
    ]);
    expect(issueListPartitions(all, { overdue: true })).toEqual([
      { index: 'IGSI5', partition: 'ISSUE#STATUS#assigned' },
    ]);
    expect(issueListPartitions(all, {})).toEqual([{ index: 'IGSI6', partition: 'ISSUE' }]);
    expect(issueListPartitions(all, { gridId: 'G1', status: 'open', category: 'land' })).toEqual([
      { index: 'IGSI4', partition: 'ISSUE#GRID#G1' },
    ]);
    expect(issueListPartitions(all, { townUnitId: 'T1', type: 'suggestion', card: 'red' })).toEqual([
      { index: 'IGSI6', partition: 'ISSUE' },
    ]);
  });

  it("narrows a cadre's grids to the one asked for, and to none outside them", () => {
    const grids = { kind: 'grids', gridIds: ['G1', 'G2'] } as const;
    expect(issueListPartitions(grids, { gridId: 'G2' })).toEqual([
      { index: 'IGSI4', partition: 'ISSUE#GRID#G2' },
    ]);
    expect(issueListPartitions(grids, { gridId: 'G3' })).toEqual([]);
  });

  it('keeps scoped callers in their own partitions, and gives nothing for a filter outside the scope', () => {
    expect(issueListPartitions({ kind: 'unit', unitId: 'U1' }, { status: 'assigned' })).toEqual([
      { index: 'IGSI2', partition: 'ISSUE#UNIT#U1' },
    ]);
    expect(issueListPartitions({ kind: 'unit', unitId: 'U1' }, { unitId: 'U2' })).toEqual([]);
    expect(issueListPartitions({ kind: 'enterprise', enterpriseId: 'E1' }, { enterpriseId: 'E2' })).toEqual(
      [],
    );
    expect(issueListPartitions({ kind: 'grids', gridIds: ['G1', 'G2'] }, { enterpriseId: 'E1' })).toEqual([
      { index: 'IGSI4', partition: 'ISSUE#GRID#G1' },
      { index: 'IGSI4', partition: 'ISSUE#GRID#G2' },
    ]);
    expect(issueListPartitions({ kind: 'none' }, {})).toEqual([]);
  });
});

describe('raisedBetween', () => {
  it('spans the ULIDs of the program days asked for, Asia/Shanghai midnight to midnight, either end open', () => {
    const { from, to } = raisedBetween('2026-03-02', '2026-03-03');
    expect(new Date(decodeTime(from)).toISOString()).toBe('2026-03-01T16:00:00.000Z');
    expect(new Date(decodeTime(to)).toISOString()).toBe('2026-03-03T15:59:59.999Z');
    const open = raisedBetween();
    expect(open.from < from && to < open.to).toBe(true);
  });
});

describe('partitions cursor', () => {
  it('round-trips a position and refuses positions it could not have issued', () => {
    const position = { partition: 1, cursor: 'eyJwayI6IngifQ' };
    expect(decodePartitionsCursor(encodePartitionsCursor(position), 2)).toEqual(position);
    expect(decodePartitionsCursor(undefined, 2)).toEqual({ partition: 0, cursor: null });
    expect(() => decodePartitionsCursor(encodePartitionsCursor(position), 1)).toThrow(
      'not one this API issued',
    );
    expect(() => decodePartitionsCursor('not-a-cursor', 2)).toThrow('not one this API issued');
  });
});
