import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidTransition } from '../../../shared/domain/errors';
import {
  assertNextMilestone,
  isNamedCadreOnly,
  isOverdue,
  LISTING_MILESTONES,
  maySeeKeyEnterprise,
  progressStep,
} from '../../../shared/domain/key-enterprises';

describe('listing milestones (股改上市)', () => {
  it('takes the milestones in their order, each dated no earlier than the last', () => {
    const recorded: { milestone: (typeof LISTING_MILESTONES)[number]; date: string }[] = [];
    for (const [i, milestone] of LISTING_MILESTONES.entries()) {
      const next = { milestone, date: `2026-0${i + 1}-15` };
      expect(() => assertNextMilestone(recorded, next)).not.toThrow();
      recorded.push(next);
    }
    expect(() => assertNextMilestone(recorded, { milestone: 'listed', date: '2026-12-01' })).toThrow(
      InvalidTransition,
    );
  });

  it('refuses a skipped, repeated or earlier-dated milestone', () => {
    const one = [{ milestone: 'shareholding_reform' as const, date: '2026-03-01' }];
    expect(() => assertNextMilestone([], { milestone: 'tutoring_filed', date: '2026-03-01' })).toThrow(
      InvalidTransition,
    );
    expect(() => assertNextMilestone(one, { milestone: 'shareholding_reform', date: '2026-04-01' })).toThrow(
      InvalidTransition,
    );
    expect(() => assertNextMilestone(one, { milestone: 'tutoring_filed', date: '2026-02-28' })).toThrow(
      InvalidTransition,
    );
  });
});

describe('plan item progress', () => {
  it('moves only forward, is done at 100 and then takes no more', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 20 }), (reports) => {
        let item = { status: 'open' as 'open' | 'done', progressPercent: 0 };
        for (const percent of reports) {
          try {
            const next = progressStep(item, percent);
            expect(next.progressPercent).toBeGreaterThanOrEqual(item.progressPercent);
            expect(next.status).toBe(percent === 100 ? 'done' : 'open');
            item = next;
          } catch (error) {
            expect(error).toBeInstanceOf(InvalidTransition);
            expect(item.status === 'done' || percent < item.progressPercent).toBe(true);
          }
        }
      }),
    );
  });

  it('is overdue when open past its deadline', () => {
    expect(isOverdue({ status: 'open', deadline: '2026-05-01' }, '2026-05-02')).toBe(true);
    expect(isOverdue({ status: 'open', deadline: '2026-05-01' }, '2026-05-01')).toBe(false);
    expect(isOverdue({ status: 'done', deadline: '2026-05-01' }, '2026-06-01')).toBe(false);
  });
});

describe('who reads a key enterprise', () => {
  it('a cadre only the ones it serves as the named cadre (专人); the other readers all', () => {
    const designation = { liaisonCadreId: 'C1' };
    expect(maySeeKeyEnterprise({ roles: ['cadre'], cadreId: 'C1' }, designation)).toBe(true);
    expect(maySeeKeyEnterprise({ roles: ['cadre'], cadreId: 'C2' }, designation)).toBe(false);
    expect(maySeeKeyEnterprise({ roles: ['cadre'] }, designation)).toBe(false);
    for (const role of ['department', 'leader', 'operator', 'admin'] as const) {
      expect(maySeeKeyEnterprise({ roles: [role] }, designation)).toBe(true);
      expect(isNamedCadreOnly({ roles: [role, 'cadre'] })).toBe(false);
    }
    expect(isNamedCadreOnly({ roles: ['cadre'], cadreId: 'C1' })).toBe(true);
  });
});
