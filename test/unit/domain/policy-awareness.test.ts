import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { awarenessOf, sumAwareness } from '../../../shared/domain/policy-awareness';

describe('policy awareness (知晓率)', () => {
  it('is acknowledged over delivered, null with nothing delivered', () => {
    expect(awarenessOf({ delivered: 3, acknowledged: 2 })).toEqual({
      delivered: 3,
      acknowledged: 2,
      rate: 0.6667,
    });
    expect(awarenessOf({ delivered: 0, acknowledged: 0 }).rate).toBeNull();
  });

  it('sums days in any order to the same counts, and the rate of acknowledged days stays within 0–1', () => {
    const day = fc
      .record({ delivered: fc.integer({ min: 0, max: 500 }), extra: fc.integer({ min: 0, max: 500 }) })
      .map(({ delivered, extra }) => ({ delivered: delivered + extra, acknowledged: delivered }));
    fc.assert(
      fc.property(fc.array(day, { maxLength: 60 }), (days) => {
        const sum = sumAwareness(days);
        expect(sumAwareness([...days].reverse())).toEqual(sum);
        const { rate } = awarenessOf(sum);
        if (rate !== null) {
          expect(rate).toBeGreaterThanOrEqual(0);
          expect(rate).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});
