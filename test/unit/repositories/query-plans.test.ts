import { describe, expect, it } from 'vitest';
import { cadreQueryPlan } from '../../../shared/repositories/cadres';
import { enterpriseQueryPlan } from '../../../shared/repositories/enterprises';

describe('enterpriseQueryPlan', () => {
  it('queries by grid when a grid is given, filtering town and industry', () => {
    expect(enterpriseQueryPlan({ gridId: 'G1', townUnitId: 'T1', industry: 'dyeing' })).toEqual({
      index: 'GSI2',
      partition: 'ENT#GRID#G1',
      filter: {
        expression: '#filter0 = :filter0 AND #filter1 = :filter1',
        names: { '#filter0': 'townUnitId', '#filter1': 'industry' },
        values: { ':filter0': 'T1', ':filter1': 'dyeing' },
      },
    });
  });

  it('queries by town before industry', () => {
    expect(enterpriseQueryPlan({ townUnitId: 'T1', industry: 'dyeing' })).toMatchObject({
      index: 'GSI3',
      partition: 'ENT#TOWN#T1',
      filter: { names: { '#filter0': 'industry' } },
    });
  });

  it('needs no filter for a single criterion, and lists all enterprises without one', () => {
    expect(enterpriseQueryPlan({ industry: 'dyeing' })).toEqual({
      index: 'GSI4',
      partition: 'ENT#INDUSTRY#dyeing',
      filter: undefined,
    });
    expect(enterpriseQueryPlan({})).toEqual({ index: 'GSI1', partition: 'ENT', filter: undefined });
  });
});

describe('cadreQueryPlan', () => {
  it('queries by unit and filters pool membership, false included', () => {
    expect(cadreQueryPlan({ unitId: 'U1', inPool: false })).toEqual({
      index: 'GSI2',
      partition: 'CADRE#UNIT#U1',
      filter: {
        expression: '#filter0 = :filter0',
        names: { '#filter0': 'inPool' },
        values: { ':filter0': false },
      },
    });
  });

  it('queries the pool index for a pool filter alone, and all cadres without a filter', () => {
    expect(cadreQueryPlan({ inPool: true })).toMatchObject({ index: 'GSI3', partition: 'CADRE#POOL' });
    expect(cadreQueryPlan({ inPool: false })).toMatchObject({ index: 'GSI3', partition: 'CADRE#NOT_POOL' });
    expect(cadreQueryPlan({})).toEqual({ index: 'GSI1', partition: 'CADRE', filter: undefined });
  });
});
