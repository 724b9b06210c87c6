import { describe, expect, it } from 'vitest';
import {
  canSeePlacement,
  canSeeResidency,
  isFitSatisfied,
  isResidentCadre,
  mayEvaluate,
  mayRecordPlacementOutcomes,
  placementVisibility,
  residencyVisibility,
} from '../../../shared/domain/secondments';

const residency = { cadreId: 'C1', enterpriseId: 'E1' };
const placement = { unitId: 'U1', enterpriseId: 'E1' };

describe('residency rules', () => {
  it('shows all to the runners, a cadre its own, an enterprise those it hosts', () => {
    expect(residencyVisibility({ roles: ['leader'] })).toEqual({ kind: 'all' });
    expect(residencyVisibility({ roles: ['cadre'], cadreId: 'C1' })).toEqual({
      kind: 'cadre',
      cadreId: 'C1',
    });
    expect(residencyVisibility({ roles: ['enterprise'], enterpriseId: 'E1' })).toEqual({
      kind: 'enterprise',
      enterpriseId: 'E1',
    });
    expect(residencyVisibility({ roles: ['cadre'] })).toEqual({ kind: 'none' });
    expect(residencyVisibility({ roles: ['department'], unitId: 'U1' })).toEqual({ kind: 'none' });
    expect(canSeeResidency({ roles: ['cadre'], cadreId: 'C2' }, residency)).toBe(false);
    expect(canSeeResidency({ roles: ['enterprise'], enterpriseId: 'E1' }, residency)).toBe(true);
  });

  it('lets only the resident cadre log services, and the host enterprise or the centre evaluate', () => {
    expect(isResidentCadre({ roles: ['cadre'], cadreId: 'C1' }, residency)).toBe(true);
    expect(isResidentCadre({ roles: ['operator'], cadreId: 'C1' }, residency)).toBe(false);
    expect(isResidentCadre({ roles: ['cadre'] }, residency)).toBe(false);
    expect(mayEvaluate({ roles: ['enterprise'], enterpriseId: 'E1' }, residency)).toBe(true);
    expect(mayEvaluate({ roles: ['enterprise'], enterpriseId: 'E2' }, residency)).toBe(false);
    expect(mayEvaluate({ roles: ['operator'] }, residency)).toBe(true);
    expect(mayEvaluate({ roles: ['leader'] }, residency)).toBe(false);
  });

  it('counts 4 and 5 as satisfied', () => {
    expect([1, 2, 3, 4, 5].map(isFitSatisfied)).toEqual([false, false, false, true, true]);
  });
});

describe('placement rules', () => {
  it('shows a department its guests and an enterprise its staff; the host department records outcomes', () => {
    expect(placementVisibility({ roles: ['department'], unitId: 'U1' })).toEqual({
      kind: 'unit',
      unitId: 'U1',
    });
    expect(placementVisibility({ roles: ['cadre'], cadreId: 'C1' })).toEqual({ kind: 'none' });
    expect(canSeePlacement({ roles: ['department'], unitId: 'U2' }, placement)).toBe(false);
    expect(canSeePlacement({ roles: ['enterprise'], enterpriseId: 'E1' }, placement)).toBe(true);
    expect(mayRecordPlacementOutcomes({ roles: ['department'], unitId: 'U1' }, placement)).toBe(true);
    expect(mayRecordPlacementOutcomes({ roles: ['enterprise'], enterpriseId: 'E1' }, placement)).toBe(false);
  });
});
