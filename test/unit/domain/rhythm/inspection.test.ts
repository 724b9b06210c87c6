import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtInCalendar } from '../../../../shared/domain/calendar';
import { DEFAULT_ISSUE_POLICY } from '../../../../shared/domain/issues/policy';
import {
  assignmentCard,
  cardCounters,
  inspectUnits,
  type OpenAssignment,
  worseCard,
} from '../../../../shared/domain/rhythm/inspection';
import { dateBetween } from '../calendar/arbitraries';

const calendar = builtInCalendar();
const policy = DEFAULT_ISSUE_POLICY; // limit 2, a level every 3 working days overdue, due soon within 2

/** Due Monday 2026-03-09. */
const due = (supervisionLevel = 0) => ({ dueDate: '2026-03-09', supervisionLevel });

describe('the card of an open assignment', () => {
  it.each([
    ['2026-03-04', undefined, '3 working days left'],
    ['2026-03-05', 'blue', '2 working days left'],
    ['2026-03-09', 'blue', 'due today'],
    ['2026-03-10', 'yellow', '1 working day overdue: level 1'],
    ['2026-03-12', 'yellow', '3 working days overdue: still level 1'],
    ['2026-03-13', 'red', '4 working days overdue: level 2, the supervision limit'],
    ['2026-03-30', 'red', 'long overdue (past the limit, waiting for the consultation)'],
  ] as [string, string | undefined, string][])('on %s is %s (%s)', (asOf, card) => {
    expect(assignmentCard(due(), asOf, calendar, policy)).toBe(card);
  });

  it('is red when the assignment already reached the limit, however few days it is overdue', () => {
    expect(assignmentCard(due(2), '2026-03-10', calendar, policy)).toBe('red');
  });

  it('counts working days: the weekend after a Friday due date is not overdue', () => {
    expect(
      assignmentCard({ dueDate: '2026-03-06', supervisionLevel: 0 }, '2026-03-08', calendar, policy),
    ).toBe(undefined);
  });

  it('orders cards red > yellow > blue > none', () => {
    expect(worseCard('blue', 'red')).toBe('red');
    expect(worseCard('yellow', 'blue')).toBe('yellow');
    expect(worseCard(undefined, 'blue')).toBe('blue');
    expect(worseCard(undefined, undefined)).toBeUndefined();
  });
});

const open = (issueId: string, unitId: string, dueDate: string, extra: Partial<OpenAssignment> = {}) => ({
  issueId,
  reReviewCount: 0,
  assignment: { unitId, dueDate, supervisionLevel: 0 },
  ...extra,
});

describe('the inspection rows', () => {
  it('counts each unit’s work as of Monday 2026-03-16 with the issues behind every number', () => {
    // Prepare: unit A has one of each colour, a re-review and a return; B is quiet; C has one overdue.
    const assignments = [
      open('A-red', 'A', '2026-03-09'), // 5 working days overdue
      open('A-yellow', 'A', '2026-03-13', { reReviewCount: 1 }), // 1 working day overdue
      open('A-blue', 'A', '2026-03-18'), // 2 working days left
      open('A-calm', 'A', '2026-03-31'),
      open('C-yellow', 'C', '2026-03-12'), // 2 working days overdue
    ];
    const returns = [{ issueId: 'A-returned', unitId: 'A' }];

    // Act
    const rows = inspectUnits(['B', 'A'], assignments, returns, '2026-03-16', calendar, policy);

    // Assess
    expect(rows.map((row) => [row.unitId, row.card])).toEqual([
      ['A', 'red'],
      ['B', null],
      ['C', 'yellow'],
    ]);
    const [a, b, c] = rows;
    expect(a).toEqual({
      unitId: 'A',
      card: 'red',
      open: { count: 4, issueIds: ['A-blue', 'A-calm', 'A-red', 'A-yellow'] },
      overdue: { count: 2, issueIds: ['A-red', 'A-yellow'] },
      dueSoon: { count: 1, issueIds: ['A-blue'] },
      workingDaysOverdue: { total: 6, max: 5 },
      returns: { count: 1, issueIds: ['A-returned'] },
      reReviews: { count: 1, issueIds: ['A-yellow'] },
      signForLate: { count: 0, issueIds: [] },
      cards: {
        blue: { count: 1, issueIds: ['A-blue'] },
        yellow: { count: 1, issueIds: ['A-yellow'] },
        red: { count: 1, issueIds: ['A-red'] },
      },
    });
    expect(b?.open.count).toBe(0);
    expect(c?.workingDaysOverdue).toEqual({ total: 2, max: 2 });
    expect(a && cardCounters(a)).toEqual({ cardsBlue: 1, cardsYellow: 1, cardsRed: 1 });
  });

  const someAssignments = fc.array(
    fc.record({
      issueId: fc.uuid(),
      reReviewCount: fc.integer({ min: 0, max: 3 }),
      assignment: fc.record({
        unitId: fc.constantFrom('U1', 'U2', 'U3'),
        dueDate: dateBetween('2025-06-01', '2026-06-30'),
        supervisionLevel: fc.integer({ min: 0, max: 2 }),
      }),
    }),
    { maxLength: 40 },
  );

  it('adds up: overdue = yellow + red, blue = due soon, every card an open assignment', () => {
    fc.assert(
      fc.property(someAssignments, dateBetween('2025-07-01', '2026-06-30'), (assignments, asOf) => {
        const rows = inspectUnits([], assignments, [], asOf, calendar, policy);
        expect(rows.reduce((sum, row) => sum + row.open.count, 0)).toBe(assignments.length);
        for (const row of rows) {
          expect(row.overdue.count).toBe(row.cards.yellow.count + row.cards.red.count);
          expect(row.dueSoon).toEqual(row.cards.blue);
          expect(row.cards.blue.count + row.overdue.count).toBeLessThanOrEqual(row.open.count);
          for (const tally of [row.open, row.overdue, row.dueSoon, row.reReviews])
            expect(tally.issueIds.length).toBe(tally.count);
          expect(row.workingDaysOverdue.max).toBeLessThanOrEqual(row.workingDaysOverdue.total);
          expect(row.overdue.count === 0).toBe(row.workingDaysOverdue.total === 0);
        }
      }),
    );
  });

  it('makes the same rows from the same work in any order', () => {
    fc.assert(
      fc.property(someAssignments, dateBetween('2025-07-01', '2026-06-30'), (assignments, asOf) => {
        const forward = inspectUnits([], assignments, [], asOf, calendar, policy);
        const backward = inspectUnits([], [...assignments].reverse(), [], asOf, calendar, policy);
        expect(backward).toEqual(forward);
      }),
    );
  });
});
