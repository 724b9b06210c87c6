import { describe, expect, it } from 'vitest';
import { actorShownTo, seesOfficialIdentities } from '../../../../shared/domain/issues/official-identities';

const enterprise = { roles: ['enterprise'] as const, enterpriseId: 'E1' };

describe('official identities', () => {
  it('are hidden from enterprise users only', () => {
    expect(seesOfficialIdentities(enterprise)).toBe(false);
    for (const role of ['cadre', 'department', 'leader', 'operator', 'admin'] as const) {
      expect(seesOfficialIdentities({ roles: [role] })).toBe(true);
      expect(seesOfficialIdentities({ roles: ['enterprise', role] })).toBe(true);
    }
  });

  it("keep an enterprise user's own kind visible and drop an official's or the system's user id", () => {
    expect(actorShownTo(enterprise, { sub: 'u-ent', role: 'enterprise' })).toEqual({
      sub: 'u-ent',
      role: 'enterprise',
    });
    expect(actorShownTo(enterprise, { sub: 'u-cadre', role: 'cadre' })).toEqual({ role: 'cadre' });
    expect(actorShownTo(enterprise, { sub: 'sweep', role: 'system' })).toEqual({ role: 'system' });
    expect(actorShownTo({ roles: ['leader'] }, { sub: 'u-cadre', role: 'cadre' })).toEqual({
      sub: 'u-cadre',
      role: 'cadre',
    });
  });
});
