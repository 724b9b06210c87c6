import { describe, expect, it } from 'vitest';
import { visitListPlan } from '../../../shared/repositories/visits';

const all = { kind: 'all' } as const;
const cadre = { kind: 'grids', gridIds: ['G1', 'G2'] } as const;

describe('visitListPlan', () => {
  it('reads the enterprise’s partition when one is named, else the grid’s', () => {
    expect(visitListPlan(all, { enterpriseId: 'E1', gridId: 'G9' }, 2026)).toEqual({
      partitions: [{ index: 'GSI2', partition: 'VISIT#ENT#E1' }],
      keep: { gridId: 'G9' },
    });
    expect(visitListPlan(all, { gridId: 'G9' }, 2026)).toEqual({
      partitions: [{ index: 'GSI1', partition: 'VISIT#GRID#G9' }],
      keep: {},
    });
  });

  it('reads the years of the range, newest first, for those who see every visit', () => {
    expect(visitListPlan(all, { from: '2024-11-01', to: '2026-02-01' }, 2026).partitions).toEqual([
      { index: 'GSI4', partition: 'VISIT#YEAR#2026' },
      { index: 'GSI4', partition: 'VISIT#YEAR#2025' },
      { index: 'GSI4', partition: 'VISIT#YEAR#2024' },
    ]);
    expect(visitListPlan(all, {}, 2019).partitions.map((p) => p.partition)).toEqual([
      'VISIT#YEAR#2019',
      'VISIT#YEAR#2018',
    ]);
  });

  it('keeps a cadre to its grids: its grids one after another, an enterprise’s visits in them, nothing elsewhere', () => {
    expect(visitListPlan(cadre, {}, 2026).partitions).toEqual([
      { index: 'GSI1', partition: 'VISIT#GRID#G1' },
      { index: 'GSI1', partition: 'VISIT#GRID#G2' },
    ]);
    expect(visitListPlan(cadre, { enterpriseId: 'E1' }, 2026)).toEqual({
      partitions: [{ index: 'GSI2', partition: 'VISIT#ENT#E1' }],
      keep: { gridIds: ['G1', 'G2'] },
    });
    expect(visitListPlan(cadre, { gridId: 'G3' }, 2026).partitions).toEqual([]);
    expect(visitListPlan({ kind: 'grids', gridIds: [] }, {}, 2026).partitions).toEqual([]);
  });
});
