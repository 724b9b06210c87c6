import { describe, expect, it } from 'vitest';
import { cadreVisibility, canSeeCadre } from '../../../shared/domain/cadre-visibility';
import { canSeeEnterprise, enterpriseVisibility } from '../../../shared/domain/enterprise-visibility';
import type { Role } from '../../../shared/domain/roles';

const as = (role: Role, scope: { enterpriseId?: string; unitId?: string; cadreId?: string } = {}) => ({
  roles: [role],
  ...scope,
});

describe('enterprise visibility', () => {
  it.each<Role>(['leader', 'operator', 'admin', 'cadre', 'department'])(
    '%s sees every enterprise',
    (role) => {
      expect(enterpriseVisibility(as(role))).toEqual({ kind: 'all' });
      expect(canSeeEnterprise(as(role), 'E1')).toBe(true);
    },
  );

  it('an enterprise account sees only its own enterprise', () => {
    const viewer = as('enterprise', { enterpriseId: 'E1' });
    expect(enterpriseVisibility(viewer)).toEqual({ kind: 'own', enterpriseId: 'E1' });
    expect(canSeeEnterprise(viewer, 'E1')).toBe(true);
    expect(canSeeEnterprise(viewer, 'E2')).toBe(false);
  });

  it('an enterprise account without its claim sees nothing', () => {
    expect(enterpriseVisibility(as('enterprise'))).toEqual({ kind: 'none' });
    expect(canSeeEnterprise(as('enterprise'), 'E1')).toBe(false);
  });
});

describe('cadre visibility', () => {
  const cadre = { id: 'C1', unitId: 'U1' };

  it.each<Role>(['leader', 'operator', 'admin'])('%s sees every cadre', (role) => {
    expect(cadreVisibility(as(role))).toEqual({ kind: 'all' });
    expect(canSeeCadre(as(role), cadre)).toBe(true);
  });

  it('a department sees the cadres of its own unit only', () => {
    expect(cadreVisibility(as('department', { unitId: 'U1' }))).toEqual({ kind: 'unit', unitId: 'U1' });
    expect(canSeeCadre(as('department', { unitId: 'U1' }), cadre)).toBe(true);
    expect(canSeeCadre(as('department', { unitId: 'U2' }), cadre)).toBe(false);
    expect(canSeeCadre(as('department'), cadre)).toBe(false);
  });

  it('a cadre sees only its own record', () => {
    expect(cadreVisibility(as('cadre', { cadreId: 'C1' }))).toEqual({ kind: 'self', cadreId: 'C1' });
    expect(canSeeCadre(as('cadre', { cadreId: 'C1' }), cadre)).toBe(true);
    expect(canSeeCadre(as('cadre', { cadreId: 'C2', unitId: 'U1' }), cadre)).toBe(false);
  });

  it('an enterprise account, or a scoped role without its claim, sees no cadre', () => {
    for (const viewer of [as('enterprise', { enterpriseId: 'E1' }), as('cadre'), as('department')]) {
      expect(cadreVisibility(viewer)).toEqual({ kind: 'none' });
    }
    expect(canSeeCadre(as('enterprise', { enterpriseId: 'E1' }), cadre)).toBe(false);
  });

  it('any of several roles can show a record; lists use the widest scope', () => {
    const viewer = { roles: ['department', 'cadre'] as Role[], unitId: 'U2', cadreId: 'C1' };
    expect(canSeeCadre(viewer, cadre)).toBe(true);
    expect(cadreVisibility(viewer)).toEqual({ kind: 'unit', unitId: 'U2' });
  });
});
