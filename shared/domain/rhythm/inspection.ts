/**
 * The weekly inspection (每周督查) as pure functions: the colour card of an open assignment on a date,
 * and a unit's row of the report from the open assignments and returns it is answerable for.
 */
import type { CalendarDate, WorkingCalendar } from '../calendar';
import type { Assignment, Card } from '../issues/issue';
import type { IssuePolicy } from '../issues/policy';
import { targetSupervisionLevel } from '../issues/sweep-rules';

export const CARDS = ['blue', 'yellow', 'red'] as const;
const SEVERITY: Record<Card, number> = { blue: 1, yellow: 2, red: 3 };

/**
 * The card an open assignment carries on `asOf`: red when overdue and its supervision has reached the
 * limit (the level it has, or the one it has earned by now, whichever is higher: the same red the
 * supervise step shows, the last level before the consultation); yellow when overdue below that;
 * blue when not overdue and due within `dueSoonWorkingDays` working days; none otherwise.
 */
export const assignmentCard = (
  assignment: Pick<Assignment, 'dueDate' | 'supervisionLevel'>,
  asOf: CalendarDate,
  calendar: WorkingCalendar,
  policy: IssuePolicy,
): Card | undefined => {
  const workingDaysOverdue = calendar.workingDaysOverdue(assignment.dueDate, asOf);
  if (workingDaysOverdue > 0) {
    const level = Math.max(assignment.supervisionLevel, targetSupervisionLevel(workingDaysOverdue, policy));
    return level >= policy.supervisionLimit ? 'red' : 'yellow';
  }
  return calendar.isDueSoon(assignment.dueDate, asOf, policy.dueSoonWorkingDays) ? 'blue' : undefined;
};

/** The more severe of two cards (red > yellow > blue > none). */
export const worseCard = (a: Card | undefined, b: Card | undefined): Card | undefined => {
  if (!a) return b;
  if (!b) return a;
  return SEVERITY[a] >= SEVERITY[b] ? a : b;
};

/** A number of the report and the issues behind it. */
export interface Tally {
  count: number;
  issueIds: string[];
}

export interface UnitInspection {
  unitId: string;
  /** The unit's card: its most severe assignment card, or null when it has none. */
  card: Card | null;
  /** Assignments the unit leads that are open (status `assigned`). */
  open: Tally;
  overdue: Tally;
  dueSoon: Tally;
  /** Working days overdue, added up over the overdue assignments, and the longest. */
  workingDaysOverdue: { total: number; max: number };
  /** Issues the unit handed back (退单) that wait to be dispatched again. */
  returns: Tally;
  /** Open assignments that are re-work after an unsatisfied verdict (再梳理、再跟踪、再反馈). */
  reReviews: Tally;
  /** Open assignments the unit did not sign for (签收) within the window, as the daily sweep flagged them. */
  signForLate: Tally;
  cards: Record<Card, Tally>;
}

/** An open assignment as the inspection needs it. */
export interface OpenAssignment {
  issueId: string;
  reReviewCount: number;
  assignment: Pick<Assignment, 'unitId' | 'dueDate' | 'supervisionLevel' | 'signForLate'>;
}

/** An issue handed back by a unit and not yet dispatched again. */
export interface PendingReturn {
  issueId: string;
  unitId: string;
}

const tally = (): Tally => ({ count: 0, issueIds: [] });
const add = (t: Tally, issueId: string) => {
  t.count++;
  t.issueIds.push(issueId);
};

export const emptyUnitInspection = (unitId: string): UnitInspection => ({
  unitId,
  card: null,
  open: tally(),
  overdue: tally(),
  dueSoon: tally(),
  workingDaysOverdue: { total: 0, max: 0 },
  returns: tally(),
  reReviews: tally(),
  signForLate: tally(),
  cards: { blue: tally(), yellow: tally(), red: tally() },
});

/**
 * One row per unit: every unit in `unitIds` (a unit with nothing open still gets its clean row) and
 * any other unit an assignment or return names. Ids within each tally are sorted, so the same work
 * always makes the same row.
 */
export const inspectUnits = (
  unitIds: readonly string[],
  assignments: readonly OpenAssignment[],
  returns: readonly PendingReturn[],
  asOf: CalendarDate,
  calendar: WorkingCalendar,
  policy: IssuePolicy,
): UnitInspection[] => {
  const rows = new Map<string, UnitInspection>();
  const rowOf = (unitId: string) => {
    let row = rows.get(unitId);
    if (!row) {
      row = emptyUnitInspection(unitId);
      rows.set(unitId, row);
    }
    return row;
  };
  for (const unitId of unitIds) rowOf(unitId);
  for (const { issueId, reReviewCount, assignment } of assignments) {
    const row = rowOf(assignment.unitId);
    add(row.open, issueId);
    if (reReviewCount > 0) add(row.reReviews, issueId);
    if (assignment.signForLate) add(row.signForLate, issueId);
    const workingDaysOverdue = calendar.workingDaysOverdue(assignment.dueDate, asOf);
    if (workingDaysOverdue > 0) {
      add(row.overdue, issueId);
      row.workingDaysOverdue.total += workingDaysOverdue;
      row.workingDaysOverdue.max = Math.max(row.workingDaysOverdue.max, workingDaysOverdue);
    }
    const card = assignmentCard(assignment, asOf, calendar, policy);
    if (card === 'blue') add(row.dueSoon, issueId);
    if (card) {
      add(row.cards[card], issueId);
      row.card = worseCard(row.card ?? undefined, card) ?? null;
    }
  }
  for (const { issueId, unitId } of returns) add(rowOf(unitId).returns, issueId);
  const sorted = [...rows.values()].sort((a, b) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0));
  for (const row of sorted) {
    for (const t of [
      row.open,
      row.overdue,
      row.dueSoon,
      row.returns,
      row.reReviews,
      row.signForLate,
      ...Object.values(row.cards),
    ]) {
      t.issueIds.sort();
    }
  }
  return sorted;
};

/** What a unit's report adds to its quarter's counters (quarterly scoring reads these names). */
export const cardCounters = (row: UnitInspection) => ({
  cardsBlue: row.cards.blue.count,
  cardsYellow: row.cards.yellow.count,
  cardsRed: row.cards.red.count,
});
