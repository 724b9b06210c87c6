import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverageRate, gridCoverage } from '../../../../shared/domain/visits/coverage';
import { visitDateProblem } from '../../../../shared/domain/visits/visit';

describe('coverageRate', () => {
  it('is visited over enterprises to four decimals, and 0 for an empty grid', () => {
    expect(coverageRate(2, 3)).toBe(0.6667);
    expect(coverageRate(3, 3)).toBe(1);
    expect(coverageRate(0, 0)).toBe(0);
    expect(gridCoverage('G1', 2026, { enterprises: 4, visitedEnterprises: 1 })).toEqual({
      gridId: 'G1',
      year: 2026,
      enterprises: 4,
      visitedEnterprises: 1,
      rate: 0.25,
    });
  });

  it('stays within 0..1 and never falls when one more enterprise is visited', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(10_000), (visited, enterprises) => {
        const rate = coverageRate(visited, enterprises);
        expect(rate).toBeGreaterThanOrEqual(0);
        expect(rate).toBeLessThanOrEqual(1);
        expect(coverageRate(visited + 1, enterprises)).toBeGreaterThanOrEqual(rate);
      }),
    );
  });
});

describe('visitDateProblem', () => {
  it('takes today and earlier days of the program, not tomorrow or before 2018', () => {
    expect(visitDateProblem('2026-03-02', '2026-03-02')).toBeUndefined();
    expect(visitDateProblem('2018-01-01', '2026-03-02')).toBeUndefined();
    expect(visitDateProblem('2026-03-03', '2026-03-02')).toMatch(/after today/);
    expect(visitDateProblem('2017-12-31', '2026-03-02')).toMatch(/2018/);
  });
});
