import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dispatchOrderNumber, dispatchOrderSortKey } from '../../../shared/domain/dispatch-order-number';

describe('dispatch order numbers', () => {
  it('write the year and the order in it with at least four digits', () => {
    expect(dispatchOrderNumber(2026, 7)).toBe('2026-0007');
    expect(dispatchOrderNumber(2026, 70)).toBe('2026-0070');
    expect(dispatchOrderNumber(2027, 1)).toBe('2027-0001');
    expect(dispatchOrderNumber(2026, 9999)).toBe('2026-9999');
  });

  it('never wrap or truncate past 9999 orders', () => {
    expect(dispatchOrderNumber(2026, 10_000)).toBe('2026-10000');
  });

  it('refuse a sequence that is not a positive integer and a year that is not four digits', () => {
    expect(() => dispatchOrderNumber(2026, 0)).toThrow(RangeError);
    expect(() => dispatchOrderNumber(2026, 1.5)).toThrow(RangeError);
    expect(() => dispatchOrderNumber(26, 1)).toThrow(RangeError);
  });

  it('sort as strings in year and number order, beyond four digits too', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.integer({ min: 2020, max: 2099 }), fc.integer({ min: 1, max: 10_000_000 })),
        fc.tuple(fc.integer({ min: 2020, max: 2099 }), fc.integer({ min: 1, max: 10_000_000 })),
        ([y1, s1], [y2, s2]) => {
          const byValue = y1 !== y2 ? Math.sign(y1 - y2) : Math.sign(s1 - s2);
          const a = dispatchOrderSortKey(y1, s1);
          const b = dispatchOrderSortKey(y2, s2);
          const byString = a < b ? -1 : a > b ? 1 : 0;
          expect(byString).toBe(byValue);
        },
      ),
    );
  });
});
