import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INDUSTRY_IDS } from '../../../../shared/domain/industries';
import { areRelatedIndustries } from '../../../../shared/domain/matching/related-industries';
import {
  type ExperienceEntry,
  type MatchCandidate,
  type MatchRequest,
  rankMatches,
  scoreMatch,
  yearsFactor,
} from '../../../../shared/domain/matching/score-match';
import { SERVICE_TYPES } from '../../../../shared/domain/service-catalogue';

const dyeingEnterprise: MatchRequest = {
  enterpriseId: 'ENT-DYE',
  industry: 'dyeing',
  services: ['project_application'],
};

const candidate = (id: string, experience: ExperienceEntry[], skills = ['project_application']) =>
  ({ id, experience, serviceSkills: skills }) as MatchCandidate;

const scoreOf = (request: MatchRequest, c: MatchCandidate, fit?: { sum: number; count: number }) => {
  const outcome = scoreMatch(request, c, { fitScores: fit });
  if (outcome.kind !== 'ranked') throw new Error('expected a ranked outcome');
  return outcome;
};

describe('scoreMatch', () => {
  it('ranks a cadre who worked in dyeing above one who only studied it, all else equal', () => {
    const worked = candidate('A', [{ field: 'dyeing', kind: 'worked', years: 6 }]);
    const studied = candidate('B', [{ field: 'dyeing', kind: 'studied', years: 6 }]);

    const ranking = rankMatches(dyeingEnterprise, [{ candidate: studied }, { candidate: worked }], 10);

    expect(ranking.items.map((item) => item.cadreId)).toEqual(['A', 'B']);
    expect(ranking.items[0]?.score).toBeGreaterThan(ranking.items[1]?.score ?? Infinity);
    expect(ranking.items[0]?.reasons[0]).toContain('worked in dyeing (印染) for 6 years');
    expect(ranking.items[1]?.reasons[0]).toContain('studied dyeing (印染) for 6 years');
  });

  it('orders the kinds worked > managed > studied', () => {
    const [worked, managed, studied] = (['worked', 'managed', 'studied'] as const).map(
      (kind) => scoreOf(dyeingEnterprise, candidate(kind, [{ field: 'dyeing', kind, years: 3 }])).score,
    );

    expect(worked).toBeGreaterThan(managed ?? 0);
    expect(managed).toBeGreaterThan(studied ?? 0);
  });

  it('counts a related industry less than the enterprise’s own and names the relation', () => {
    const own = scoreOf(dyeingEnterprise, candidate('A', [{ field: 'dyeing', kind: 'worked', years: 5 }]));
    const related = scoreOf(
      dyeingEnterprise,
      candidate('B', [{ field: 'chemical_fibre', kind: 'worked', years: 5 }]),
    );
    const unrelated = scoreOf(
      dyeingEnterprise,
      candidate('C', [{ field: 'finance', kind: 'worked', years: 5 }]),
    );

    expect(own.score).toBeGreaterThan(related.score);
    expect(related.score).toBeGreaterThan(unrelated.score);
    expect(related.reasons[0]).toContain('related to dyeing (印染)');
    expect(unrelated.reasons[0]).toContain('no experience in dyeing (印染)');
  });

  it('scores skill coverage and names offered and missing services', () => {
    const request: MatchRequest = { ...dyeingEnterprise, services: ['project_application', 'energy_saving'] };

    const half = scoreOf(request, candidate('A', [], ['project_application']));
    const none = scoreOf(request, candidate('B', [], []));

    expect(half.score - none.score).toBeCloseTo(12.5, 5);
    expect(half.reasons[1]).toBe(
      'Skills +12.5/25: offers project_application (项目申报); lacks energy_saving (节能降耗)',
    );
  });

  it('rewards good past fit, penalises poor fit, and is neutral without history', () => {
    const c = candidate('A', []);

    const none = scoreOf(dyeingEnterprise, c);
    const good = scoreOf(dyeingEnterprise, c, { sum: 10, count: 2 });
    const poor = scoreOf(dyeingEnterprise, c, { sum: 2, count: 2 });

    expect(good.score).toBeGreaterThan(none.score);
    expect(poor.score).toBeLessThan(none.score);
    expect(none.reasons[2]).toContain('neutral');
    expect(good.reasons[2]).toContain('fit 5.0/5 over 2 evaluations');
  });

  it('does not offer a resident cadre, nor one in conflict of interest with the enterprise (回避)', () => {
    const c = candidate('A', [{ field: 'dyeing', kind: 'worked', years: 10 }]);

    expect(scoreMatch(dyeingEnterprise, c, { activeResidencyId: 'R1' })).toEqual({
      kind: 'excluded',
      cause: 'resident',
    });
    expect(scoreMatch(dyeingEnterprise, { ...c, conflictEnterpriseIds: ['ENT-DYE'] })).toEqual({
      kind: 'excluded',
      cause: 'conflict_of_interest',
    });
    expect(scoreMatch(dyeingEnterprise, { ...c, conflictEnterpriseIds: ['OTHER'] }).kind).toBe('ranked');
  });

  it('counts the excluded and keeps the best `limit`', () => {
    const candidates = [
      { candidate: candidate('A', [{ field: 'dyeing', kind: 'worked', years: 1 }]) },
      { candidate: candidate('B', []), standing: { activeResidencyId: 'R' } },
      { candidate: { ...candidate('C', []), conflictEnterpriseIds: ['ENT-DYE'] } },
      { candidate: candidate('D', []) },
    ];

    const ranking = rankMatches(dyeingEnterprise, candidates, 1);

    expect(ranking).toMatchObject({
      items: [{ cadreId: 'A' }],
      excluded: { resident: 1, conflictOfInterest: 1 },
      considered: 4,
    });
  });

  it('gives 0 years half the years bonus, with diminishing returns after', () => {
    expect(yearsFactor(0)).toBe(0.5);
    expect(yearsFactor(5)).toBe(0.75);
    expect(yearsFactor(10) - yearsFactor(5)).toBeLessThan(yearsFactor(5) - yearsFactor(0));
  });

  it('relates the textile chain but not an industry to itself', () => {
    expect(areRelatedIndustries('dyeing', 'warp_knitting')).toBe(true);
    expect(areRelatedIndustries('dyeing', 'dyeing')).toBe(false);
    expect(areRelatedIndustries('dyeing', 'finance')).toBe(false);
  });
});

const industry = fc.constantFrom(...INDUSTRY_IDS);
const entry = fc.record({
  field: industry,
  kind: fc.constantFrom('studied' as const, 'managed' as const, 'worked' as const),
  years: fc.double({ min: 0, max: 60, noNaN: true }),
});
const arbitraryCandidate = fc.record({
  id: fc.constant('X'),
  experience: fc.array(entry, { maxLength: 8 }),
  serviceSkills: fc.uniqueArray(fc.constantFrom(...SERVICE_TYPES), { maxLength: 6 }),
});
const arbitraryRequest = fc.record({
  enterpriseId: fc.constant('E'),
  industry,
  services: fc.uniqueArray(fc.constantFrom(...SERVICE_TYPES), { maxLength: 3 }),
});
const fitScores = fc.option(
  fc
    .integer({ min: 1, max: 20 })
    .chain((count) => fc.integer({ min: count, max: 5 * count }).map((sum) => ({ sum, count }))),
  { nil: undefined },
);

describe('scoreMatch properties', () => {
  it('keeps every score within 0–100', () => {
    fc.assert(
      fc.property(arbitraryRequest, arbitraryCandidate, fitScores, (request, c, fit) => {
        const { score } = scoreOf(request, c, fit);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
      }),
    );
  });

  it('never lowers a score when a "worked" experience in the enterprise’s industry is added', () => {
    fc.assert(
      fc.property(
        arbitraryRequest,
        arbitraryCandidate,
        fitScores,
        fc.double({ min: 0, max: 60, noNaN: true }),
        (request, c, fit, years) => {
          const added = {
            ...c,
            experience: [...c.experience, { field: request.industry, kind: 'worked' as const, years }],
          };
          expect(scoreOf(request, added, fit).score).toBeGreaterThanOrEqual(scoreOf(request, c, fit).score);
        },
      ),
    );
  });

  it('never lowers a score when an experience gains years', () => {
    fc.assert(
      fc.property(
        arbitraryRequest,
        arbitraryCandidate.filter((c) => c.experience.length > 0),
        fitScores,
        fc.nat(),
        fc.double({ min: 0, max: 30, noNaN: true }),
        (request, c, fit, pick, more) => {
          const at = pick % c.experience.length;
          const longer = {
            ...c,
            experience: c.experience.map((e, i) => (i === at ? { ...e, years: e.years + more } : e)),
          };
          expect(scoreOf(request, longer, fit).score).toBeGreaterThanOrEqual(scoreOf(request, c, fit).score);
        },
      ),
    );
  });

  it('ranks "worked" at least as high as "studied" for the same field and years, all else equal', () => {
    fc.assert(
      fc.property(arbitraryRequest, arbitraryCandidate, entry, fitScores, (request, c, e, fit) => {
        const withKind = (kind: ExperienceEntry['kind']) => ({
          ...c,
          experience: [...c.experience, { ...e, kind }],
        });
        expect(scoreOf(request, withKind('worked'), fit).score).toBeGreaterThanOrEqual(
          scoreOf(request, withKind('studied'), fit).score,
        );
      }),
    );
  });
});
