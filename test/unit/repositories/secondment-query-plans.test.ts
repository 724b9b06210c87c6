import { describe, expect, it } from 'vitest';
import { placementQueryPlan } from '../../../shared/repositories/placements';
import { residencyQueryPlan } from '../../../shared/repositories/residencies';

describe('residencyQueryPlan', () => {
  it('queries by cadre first, filtering the rest', () => {
    expect(
      residencyQueryPlan({ cadreId: 'C1', enterpriseId: 'E1', batch: '2018-1', status: 'active' }),
    ).toEqual({
      index: 'GSI3',
      partition: 'RES#CADRE#C1',
      filter: {
        expression: '#filter0 = :filter0 AND #filter1 = :filter1 AND #filter2 = :filter2',
        names: { '#filter0': 'batch', '#filter1': 'enterpriseId', '#filter2': 'status' },
        values: { ':filter0': '2018-1', ':filter1': 'E1', ':filter2': 'active' },
      },
    });
  });

  it('then by enterprise, then by batch, else all', () => {
    expect(residencyQueryPlan({ enterpriseId: 'E1', batch: '2018-1' })).toMatchObject({
      index: 'GSI4',
      partition: 'RES#ENT#E1',
      filter: { names: { '#filter0': 'batch' } },
    });
    expect(residencyQueryPlan({ batch: '2018-1' })).toEqual({
      index: 'GSI2',
      partition: 'RES#BATCH#2018-1',
      filter: undefined,
    });
    expect(residencyQueryPlan({ status: 'ended' })).toMatchObject({ index: 'GSI1', partition: 'RES' });
  });
});

describe('placementQueryPlan', () => {
  it('queries by enterprise before department, else all', () => {
    expect(placementQueryPlan({ enterpriseId: 'E1', unitId: 'U1' })).toMatchObject({
      index: 'GSI3',
      partition: 'PLACEMENT#ENT#E1',
      filter: { names: { '#filter0': 'unitId' } },
    });
    expect(placementQueryPlan({ unitId: 'U1' })).toEqual({
      index: 'GSI2',
      partition: 'PLACEMENT#UNIT#U1',
      filter: undefined,
    });
    expect(placementQueryPlan({})).toEqual({ index: 'GSI1', partition: 'PLACEMENT', filter: undefined });
  });
});
