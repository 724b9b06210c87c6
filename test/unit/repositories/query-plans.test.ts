import { describe, expect, it } from 'vitest';
import { caseQueryPlan } from '../../../shared/repositories/accountability-cases';
import { cadreQueryPlan } from '../../../shared/repositories/cadres';
import { enterpriseQueryPlan } from '../../../shared/repositories/enterprises';
import { expertQueryPlan } from '../../../shared/repositories/experts';
import { trainingQueryPlan } from '../../../shared/repositories/trainings';

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

describe('registry query plans', () => {
  it('lists experts by profession, a sector as a filter', () => {
    expect(expertQueryPlan({ profession: 'lawyer', field: 'dyeing' })).toEqual({
      index: 'GSI2',
      partition: 'EXPERT#PROFESSION#lawyer',
      filter: {
        expression: 'contains(#fields, :field)',
        names: { '#fields': 'fields' },
        values: { ':field': 'dyeing' },
      },
    });
    expect(expertQueryPlan({})).toEqual({ index: 'GSI1', partition: 'EXPERT', filter: undefined });
  });

  it('lists trainings newest first, by organiser when given, a date range as a filter', () => {
    expect(trainingQueryPlan({ organizerUnitId: 'U1', from: '2026-01-01', to: '2026-03-31' })).toMatchObject({
      index: 'GSI2',
      partition: 'TRAINING#UNIT#U1',
      newestFirst: true,
      filter: { expression: '#date BETWEEN :from AND :to' },
    });
    expect(trainingQueryPlan({ to: '2026-03-31' })).toMatchObject({
      index: 'GSI1',
      filter: { expression: '#date <= :to' },
    });
  });

  it('lists cases by cadre before unit, other filters applied to what is read', () => {
    expect(caseQueryPlan({ cadreId: 'C1', unitId: 'U1', kind: 'exemption' })).toMatchObject({
      index: 'GSI2',
      partition: 'ACASE#CADRE#C1',
      filter: { names: { '#filter0': 'unitId', '#filter1': 'kind' } },
    });
    expect(caseQueryPlan({ unitId: 'U1', decision: 'exempted' })).toMatchObject({
      index: 'GSI3',
      partition: 'ACASE#UNIT#U1',
      filter: { names: { '#filter0': 'decision' } },
    });
    expect(caseQueryPlan({})).toEqual({
      index: 'GSI1',
      partition: 'ACASE',
      filter: undefined,
      newestFirst: true,
    });
  });
});
