import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { campaignFigures, engagementDateProblems } from '../../../shared/domain/expert-campaigns';

describe('expert campaign figures', () => {
  it('counts engagements and the distinct experts, enterprises and issues they reached', () => {
    expect(
      campaignFigures([
        { expertId: 'x1', enterpriseId: 'e1' },
        { expertId: 'x1', enterpriseId: 'e2' },
        { expertId: 'x2', enterpriseId: 'e1' },
        { expertId: 'x2', issueId: 'i1' },
      ]),
    ).toEqual({ engagements: 4, experts: 2, enterprises: 2, issues: 1 });
    expect(campaignFigures([])).toEqual({ engagements: 0, experts: 0, enterprises: 0, issues: 0 });
  });

  it('never counts more distinct records than engagements, whatever their order', () => {
    const engagement = fc.record({
      expertId: fc.constantFrom('x1', 'x2', 'x3'),
      enterpriseId: fc.option(fc.constantFrom('e1', 'e2'), { nil: undefined }),
      issueId: fc.option(fc.constantFrom('i1', 'i2', 'i3'), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(engagement, { maxLength: 40 }), (engagements) => {
        const figures = campaignFigures(engagements);
        expect(campaignFigures([...engagements].reverse())).toEqual(figures);
        expect(figures.experts).toBeLessThanOrEqual(figures.engagements);
        expect(figures.enterprises + figures.issues).toBeLessThanOrEqual(2 * figures.engagements);
      }),
    );
  });
});

describe('an engagement in a campaign', () => {
  const campaign = { startDate: '2026-05-01', endDate: '2026-05-31' };
  it('is accepted on the first and last day and refused outside them', () => {
    expect(engagementDateProblems('2026-05-01', campaign)).toEqual([]);
    expect(engagementDateProblems('2026-05-31', campaign)).toEqual([]);
    expect(engagementDateProblems('2026-04-30', campaign)).toHaveLength(1);
    expect(engagementDateProblems('2026-06-01', campaign)[0]?.path).toBe('body.date');
  });
});
