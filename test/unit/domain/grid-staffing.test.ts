import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessStaffing, requiredPlacements } from '../../../shared/domain/grid-staffing';

const class1 = { kind: 'department', category: 'class1' } as const;
const class2 = { kind: 'department', category: 'class2' } as const;
const town = { kind: 'town' } as const;

const cadres = (placed: boolean[], enterpriseFacing: boolean[] = placed.map(() => false)) =>
  placed.map((isPlaced, i) => ({
    id: `c${i}`,
    placed: isPlaced,
    enterpriseFacing: enterpriseFacing[i] ?? false,
  }));

describe('grid staffing (全部下沉)', () => {
  it('asks two thirds of a class-1 department and one third of a class-2 one, rounded up', () => {
    expect(requiredPlacements('two_thirds', 9, 0)).toBe(6);
    expect(requiredPlacements('two_thirds', 4, 0)).toBe(3);
    expect(requiredPlacements('one_third', 9, 0)).toBe(3);
    expect(requiredPlacements('one_third', 4, 0)).toBe(2);
    expect(requiredPlacements('two_thirds', 0, 0)).toBe(0);
  });

  it("names a short department's unplaced cadres, and none once its share is placed", () => {
    const short = assessStaffing(class1, cadres([true, true, false, false, false, false]));
    expect(short).toEqual({
      rule: 'two_thirds',
      staff: 6,
      required: 4,
      placed: 2,
      shortfall: 2,
      missingCadreIds: ['c2', 'c3', 'c4', 'c5'],
    });
    expect(assessStaffing(class2, cadres([true, false, false])).missingCadreIds).toEqual([]);
  });

  it("asks every enterprise-facing cadre of a town by name and ignores the town's other cadres", () => {
    const report = assessStaffing(town, cadres([true, false, false, true], [true, true, false, false]));
    expect(report).toEqual({
      rule: 'every_enterprise_facing',
      staff: 4,
      required: 2,
      placed: 1,
      shortfall: 1,
      missingCadreIds: ['c1'],
    });
  });

  it('requires at least the rule share and never more than the staff, and the shortfall closes exactly when enough are placed', () => {
    const unit = fc.constantFrom(class1, class2, town);
    const staff = fc.array(fc.record({ placed: fc.boolean(), enterpriseFacing: fc.boolean() }), {
      maxLength: 300,
    });
    fc.assert(
      fc.property(unit, staff, (kind, people) => {
        const report = assessStaffing(
          kind,
          people.map((person, i) => ({ id: `c${i}`, ...person })),
        );
        expect(report.required).toBeLessThanOrEqual(people.length);
        if (report.rule === 'two_thirds')
          expect(3 * report.required).toBeGreaterThanOrEqual(2 * people.length);
        if (report.rule === 'one_third') expect(3 * report.required).toBeGreaterThanOrEqual(people.length);
        // Rounded up by less than one cadre.
        if (report.rule !== 'every_enterprise_facing') {
          const share = report.rule === 'two_thirds' ? 2 * people.length : people.length;
          expect(3 * (report.required - 1)).toBeLessThan(share);
        }
        expect(report.shortfall === 0).toBe(report.placed >= report.required);
        expect(report.missingCadreIds.length).toBeGreaterThanOrEqual(report.shortfall);
      }),
    );
  });
});
