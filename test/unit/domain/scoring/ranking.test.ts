import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_CONFIG } from '../../../../shared/domain/scoring/config';
import {
  type RankedUnit,
  rankQuarter,
  type UnitQuarterInput,
} from '../../../../shared/domain/scoring/ranking';

const config = DEFAULT_SCORING_CONFIG;
const created = '2026-01-05T02:00:00.000Z';
const town = (id: string): RankedUnit => ({
  id,
  code: id,
  name: `${id}镇`,
  kind: 'town',
  createdAt: created,
});
const department = (id: string, category: 'class1' | 'class2'): RankedUnit => ({
  id,
  code: id,
  name: `${id}局`,
  kind: 'department',
  category,
  createdAt: created,
});

describe('quarterly ranking', () => {
  it('ranks towns, class-1 and class-2 departments apart, ties sharing a rank', () => {
    const same = { assigned: 4, verdictSatisfied: 4 };
    const report = rankQuarter(
      '2026Q1',
      [
        { unit: town('T1'), counters: same, partyPoints: 80 },
        { unit: town('T2'), counters: same, partyPoints: 90 },
        { unit: town('T3'), counters: same, partyPoints: 80 },
        { unit: department('D1', 'class1'), counters: same, partyPoints: 80 },
        { unit: department('D2', 'class2'), counters: same, partyPoints: 80 },
      ],
      config,
    );
    expect(report.towns.map((row) => [row.unitId, row.rank])).toEqual([
      ['T2', 1],
      ['T1', 2],
      ['T3', 2],
    ]);
    expect(report.class1.map((row) => row.unitId)).toEqual(['D1']);
    expect(report.class2.map((row) => row.unitId)).toEqual(['D2']);
  });

  it('explains every row: counts, own rate, program mean, shrinkage, penalties, weights, workload', () => {
    const report = rankQuarter(
      '2026Q1',
      [
        {
          unit: town('T1'),
          counters: {
            assigned: 10,
            verdictSatisfied: 8,
            verdictBasicallySatisfied: 1,
            verdictUnsatisfied: 1,
            noResponse: 3,
            overdueWorkingDays: 5,
            returns: 1,
            cardsYellow: 2,
            unreasonableIssues: 2,
            unreasonableVerdictUnsatisfied: 2,
          },
          partyPoints: 90,
        },
        { unit: town('T2'), counters: { assigned: 10, verdictSatisfied: 10 }, partyPoints: 90 },
        { unit: town('T3') },
      ],
      config,
    );
    const [first, second, third] = report.towns;
    expect(first?.unitId).toBe('T2');
    expect(second).toMatchObject({ unitId: 'T1', workload: 10, partyPoints: 90 });
    expect(second?.explanation.enterpriseEvaluation).toMatchObject({
      satisfied: 8,
      basicallySatisfied: 1,
      unsatisfied: 1,
      counted: 10,
      noResponse: 3,
      ownRate: 88,
      // pooled: (8.8 + 10) / 20
      programMean: 94,
      priorStrength: 10,
    });
    // (8.8 + 10 × 0.94) / 20 = 0.91
    expect(second?.enterpriseEvaluation).toBe(91);
    expect(second?.explanation.unreasonable).toMatchObject({ issues: 2, unsatisfied: 2 });
    expect(second?.explanation.text).toContain('3 without response, reported and not counted');
    expect(second?.explanation.text).toContain('2 unreasonable demands excluded from the rates');
    expect(third?.unitId).toBe('T3');
    expect(third?.explanation.partyPoints).toEqual({ points: 0, recorded: false });
    expect(third?.explanation.text).toContain('No party-building points recorded');
    expect(third?.explanation.text).toContain('no counted verdicts, so the program mean 94.00');
    expect(report.unreasonableIssues).toBe(2);
  });

  it('does not rank a unit created after the quarter unless it has counters or points there', () => {
    const later = { ...town('T9'), createdAt: '2026-04-02T02:00:00.000Z' };
    expect(rankQuarter('2026Q1', [{ unit: later }], config).towns).toEqual([]);
    expect(rankQuarter('2026Q1', [{ unit: later, partyPoints: 70 }], config).towns).toHaveLength(1);
    expect(rankQuarter('2026Q2', [{ unit: later }], config).towns).toHaveLength(1);
  });

  const counters = fc.record({
    assigned: fc.nat(300),
    verdictSatisfied: fc.nat(300),
    verdictBasicallySatisfied: fc.nat(50),
    verdictUnsatisfied: fc.nat(50),
    overdueWorkingDays: fc.nat(500),
    returns: fc.nat(20),
    reReviews: fc.nat(20),
    cardsRed: fc.nat(20),
  });
  const inputs = fc
    .array(fc.tuple(counters, fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined })), {
      minLength: 1,
      maxLength: 12,
    })
    .map((units) =>
      units.map(
        ([c, points], i): UnitQuarterInput => ({
          unit: i % 3 === 0 ? town(`T${i}`) : department(`D${i}`, i % 3 === 1 ? 'class1' : 'class2'),
          counters: c,
          partyPoints: points,
        }),
      ),
    );
  const rowsOf = (report: ReturnType<typeof rankQuarter>) => [
    ...report.towns,
    ...report.class1,
    ...report.class2,
  ];

  it('keeps every score within 0–100, whatever the counters', () => {
    fc.assert(
      fc.property(inputs, (units) => {
        for (const row of rowsOf(rankQuarter('2026Q1', units, config))) {
          for (const value of [
            row.score,
            row.enterpriseEvaluation,
            row.supervisionFeedback,
            row.partyPoints,
          ]) {
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThanOrEqual(100);
          }
        }
      }),
    );
  });

  it('never lowers a unit’s enterprise evaluation when it gets one more satisfied verdict (program mean included)', () => {
    fc.assert(
      fc.property(inputs, fc.nat(), (units, pick) => {
        const index = pick % units.length;
        const target = units[index] as UnitQuarterInput;
        const more = units.map((input, i) =>
          i === index
            ? {
                ...input,
                counters: {
                  ...input.counters,
                  verdictSatisfied: Number(input.counters?.verdictSatisfied ?? 0) + 1,
                },
              }
            : input,
        );
        const before = rowsOf(rankQuarter('2026Q1', units, config)).find(
          (row) => row.unitId === target.unit.id,
        );
        const after = rowsOf(rankQuarter('2026Q1', more, config)).find(
          (row) => row.unitId === target.unit.id,
        );
        expect(after?.enterpriseEvaluation).toBeGreaterThanOrEqual(before?.enterpriseEvaluation ?? 0);
      }),
    );
  });

  it('never raises a unit’s supervision feedback when it has more overdue working days (program mean included)', () => {
    fc.assert(
      fc.property(inputs, fc.nat(), fc.integer({ min: 1, max: 50 }), (units, pick, days) => {
        const index = pick % units.length;
        const target = units[index] as UnitQuarterInput;
        const more = units.map((input, i) =>
          i === index
            ? {
                ...input,
                counters: {
                  ...input.counters,
                  overdueWorkingDays: Number(input.counters?.overdueWorkingDays ?? 0) + days,
                },
              }
            : input,
        );
        const before = rowsOf(rankQuarter('2026Q1', units, config)).find(
          (row) => row.unitId === target.unit.id,
        );
        const after = rowsOf(rankQuarter('2026Q1', more, config)).find(
          (row) => row.unitId === target.unit.id,
        );
        expect(after?.supervisionFeedback).toBeLessThanOrEqual(before?.supervisionFeedback ?? 100);
      }),
    );
  });

  it('is a function of its inputs: the same counters give the same report', () => {
    fc.assert(
      fc.property(inputs, (units) => {
        expect(rankQuarter('2026Q1', units, config)).toEqual(
          rankQuarter('2026Q1', [...units].reverse(), config),
        );
      }),
    );
  });
});
