import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Issue } from '../../../../shared/domain/issues/issue';
import {
  type IssueFilter,
  matchesIssueFilter,
  periodFilterProblems,
} from '../../../../shared/domain/issues/list-scope';
import { openIssue } from './fixtures';

const assignment = (overrides: Partial<NonNullable<Issue['assignment']>> = {}): Issue['assignment'] => ({
  unitId: 'U1',
  coUnitIds: ['U2'],
  assignedOn: '2026-03-02',
  dueWorkingDays: 5,
  dueDate: '2026-03-09',
  supervisionLevel: 1,
  overdue: true,
  workingDaysOverdue: 2,
  card: 'yellow',
  ...overrides,
});

// 2026-03-02T01:00Z is 09:00 in Asia/Shanghai on 2 March; 2026-03-02T17:00Z is already 3 March there.
const issue = openIssue({
  status: 'assigned',
  category: 'financing',
  type: 'suggestion',
  source: 'hotline',
  assignment: assignment(),
});

describe('matchesIssueFilter', () => {
  it('passes an issue only through the filters it matches, one by one', () => {
    const passes: IssueFilter[] = [
      {},
      { category: 'financing' },
      { type: 'suggestion' },
      { source: 'hotline' },
      { townUnitId: 'T1' },
      { gridId: 'G1' },
      { card: 'yellow' },
      { unitId: 'U2' },
      { overdue: true },
      { from: '2026-03-02', to: '2026-03-02' },
    ];
    const fails: IssueFilter[] = [
      { category: 'land' },
      { type: 'problem' },
      { source: 'self' },
      { townUnitId: 'T2' },
      { gridId: 'G2' },
      { card: 'red' },
      { from: '2026-03-03' },
      { to: '2026-03-01' },
    ];
    for (const filter of passes) expect(matchesIssueFilter(issue, filter), JSON.stringify(filter)).toBe(true);
    for (const filter of fails) expect(matchesIssueFilter(issue, filter), JSON.stringify(filter)).toBe(false);
  });

  it('takes an issue raised before types existed as a problem, and one without a card as matching no card', () => {
    const old = openIssue();
    expect(matchesIssueFilter(old, { type: 'problem' })).toBe(true);
    expect(matchesIssueFilter(old, { type: 'suggestion' })).toBe(false);
    expect(matchesIssueFilter(old, { card: 'blue' })).toBe(false);
  });

  it('dates the period by the program day (Asia/Shanghai) the issue was raised on', () => {
    const lateEvening = openIssue({ createdAt: '2026-03-02T17:00:00.000Z' });
    expect(matchesIssueFilter(lateEvening, { from: '2026-03-03', to: '2026-03-03' })).toBe(true);
    expect(matchesIssueFilter(lateEvening, { to: '2026-03-02' })).toBe(false);
  });

  it('applies several filters as all of them (property)', () => {
    const filterArb = fc.record(
      {
        category: fc.constantFrom('financing', 'land'),
        type: fc.constantFrom('problem' as const, 'suggestion' as const),
        source: fc.constantFrom('hotline' as const, 'self' as const),
        gridId: fc.constantFrom('G1', 'G2'),
        card: fc.constantFrom('yellow' as const, 'red' as const),
        from: fc.constantFrom('2026-03-01', '2026-03-03'),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(filterArb, (filter) => {
        const each = Object.entries(filter).map(([name, value]) =>
          matchesIssueFilter(issue, { [name]: value }),
        );
        expect(matchesIssueFilter(issue, filter)).toBe(each.every(Boolean));
      }),
    );
  });
});

describe('periodFilterProblems', () => {
  it('refuses a period that ends before it starts, and nothing else', () => {
    expect(periodFilterProblems({ from: '2026-03-02', to: '2026-03-01' })).toEqual([
      { path: 'query.to', message: 'Must not be before from' },
    ]);
    expect(periodFilterProblems({ from: '2026-03-02', to: '2026-03-02' })).toEqual([]);
    expect(periodFilterProblems({ from: '2026-03-02' })).toEqual([]);
    expect(periodFilterProblems({})).toEqual([]);
  });
});
