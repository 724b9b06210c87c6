import { describe, expect, it } from 'vitest';
import { matchesEnterpriseLookup } from '../../../shared/domain/enterprise-lookup';

const enterprise = {
  gridId: 'G1',
  townUnitId: 'T1',
  industry: 'warp_knitting',
  creditCode: '91330481MA2B3C4D5E',
  name: '海宁经编有限公司',
};

describe('matchesEnterpriseLookup', () => {
  it('matches by the start of the name, the credit code and the place, each as given', () => {
    expect(matchesEnterpriseLookup(enterprise, {})).toBe(true);
    expect(matchesEnterpriseLookup(enterprise, { namePrefix: '海宁经编' })).toBe(true);
    expect(matchesEnterpriseLookup(enterprise, { namePrefix: '经编' })).toBe(false);
    expect(matchesEnterpriseLookup(enterprise, { creditCode: enterprise.creditCode, gridId: 'G1' })).toBe(
      true,
    );
    expect(matchesEnterpriseLookup(enterprise, { creditCode: enterprise.creditCode, gridId: 'G2' })).toBe(
      false,
    );
    expect(matchesEnterpriseLookup(enterprise, { townUnitId: 'T2' })).toBe(false);
    expect(matchesEnterpriseLookup(enterprise, { industry: 'dyeing' })).toBe(false);
  });
});
