import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isRaisedBreakdownKey,
  PROGRAM_COUNTERS,
  raisedBreakdownFigures,
  raisedBreakdownOf,
} from '../../../shared/domain/program-stats';

describe('the raised issues by category and type', () => {
  it('counts each issue once in its category and once in its type (a typeless one as a problem)', () => {
    expect(
      raisedBreakdownOf([
        { category: 'land', type: 'suggestion' },
        { category: 'land' },
        { category: '历史分类', type: 'problem' },
      ]),
    ).toEqual({
      'raised@category:land': 2,
      'raised@category:历史分类': 1,
      'raised@type:suggestion': 1,
      'raised@type:problem': 2,
    });
  });

  it('shows categories most raised first, then by code, and both types even when none was raised', () => {
    expect(
      raisedBreakdownFigures({
        'raised@category:land': 1,
        'raised@category:energy': 1,
        'raised@category:labour': 3,
      }),
    ).toEqual({
      byCategory: [
        { category: 'labour', raised: 3 },
        { category: 'energy', raised: 1 },
        { category: 'land', raised: 1 },
      ],
      byType: { problem: 0, suggestion: 0 },
    });
  });

  it('never names a fixed counter, and its figures add up to the issues raised (property)', () => {
    expect(PROGRAM_COUNTERS.some(isRaisedBreakdownKey)).toBe(false);
    const raised = fc.array(
      fc.record(
        {
          category: fc.constantFrom('land', 'energy', 'other', '要素保障'),
          type: fc.constantFrom('problem', 'suggestion'),
        },
        { requiredKeys: ['category'] },
      ),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(raised, raised, (a, b) => {
        // Two days' counters summed as the reader sums them.
        const summed: Record<string, number> = {};
        for (const day of [raisedBreakdownOf(a), raisedBreakdownOf(b)]) {
          for (const [key, n] of Object.entries(day)) summed[key] = (summed[key] ?? 0) + (n ?? 0);
        }
        const figures = raisedBreakdownFigures(summed);
        const total = a.length + b.length;
        expect(figures.byCategory.reduce((sum, row) => sum + row.raised, 0)).toBe(total);
        expect(figures.byType.problem + figures.byType.suggestion).toBe(total);
      }),
    );
  });
});
