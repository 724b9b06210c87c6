import type { CalendarDate } from '../calendar';
import { type CounterDelta, UNIT_COUNTERS, type UnitCounter, unreasonableCounterOf } from './commands';
import { type Issue, VERDICTS, type Verdict } from './issue';
import type { Transition } from './lifecycle';
import { quarterOf } from './quarter';

/** What counting reads of a transition: the state machine's answer, before any counter is attached. */
export type CountedTransition = Pick<Transition, 'action' | 'fromStatus' | 'toStatus' | 'data' | 'next'>;

const VERDICT_COUNTERS: Record<Verdict, UnitCounter> = {
  satisfied: 'verdictSatisfied',
  basically_satisfied: 'verdictBasicallySatisfied',
  unsatisfied: 'verdictUnsatisfied',
};

const isVerdict = (value: unknown): value is Verdict => VERDICTS.includes(value as Verdict);
const RATED = new Set<string>(UNIT_COUNTERS);
const isRated = (counter: string): counter is UnitCounter => RATED.has(counter);
const pairOf = ({ unitId, quarter }: Pick<CounterDelta, 'unitId' | 'quarter'>) => `${unitId}|${quarter}`;

interface RatedCount {
  /** No unit (an issue resolved on the spot, a dispatch still to come): nothing is counted. */
  unitId: string | undefined;
  counter: UnitCounter;
  by?: number;
}

/**
 * The rated counters one transition adds, by its action. They count for the unit answerable for the
 * issue when it happened: the one resolving it while assigned, the one that resolved it while the
 * enterprise's verdict is awaited. A new assignment counts for its new unit.
 */
const ratedCountsOf = (before: Issue, transition: CountedTransition): RatedCount[] => {
  const { action, fromStatus, toStatus, data, next } = transition;
  const answerable =
    fromStatus === 'awaiting_feedback' ? before.resolution?.unitId : before.assignment?.unitId;
  const newAssignee = toStatus === 'assigned' ? next.assignment?.unitId : undefined;
  const verdict: RatedCount[] = isVerdict(data.verdict)
    ? [{ unitId: answerable, counter: VERDICT_COUNTERS[data.verdict] }]
    : [];
  switch (action) {
    case 'escalated':
    case 'dispatched':
    case 'consultation_decided':
      return [{ unitId: newAssignee, counter: 'assigned' }];
    case 'returned':
      return [{ unitId: answerable, counter: 'returns' }];
    case 'consultation_requested':
      return [{ unitId: answerable, counter: 'consultations' }];
    case 'resolved':
      return [
        { unitId: answerable, counter: next.resolution?.onTime ? 'resolvedOnTime' : 'resolvedLate' },
        { unitId: answerable, counter: 'overdueWorkingDays', by: next.assignment?.workingDaysOverdue },
        // Co-units whose part never came and was past due when the lead resolved without it.
        ...(Array.isArray(data.lateCoUnitIds) ? (data.lateCoUnitIds as string[]) : []).map(
          (unitId): RatedCount => ({ unitId, counter: 'coReportsLate' }),
        ),
      ];
    case 'supervised':
      return [
        { unitId: answerable, counter: 'supervisions' },
        // An assignment becomes overdue once, at its first supervision.
        ...(before.assignment?.overdue ? [] : [{ unitId: answerable, counter: 'overdue' as const }]),
      ];
    case 'put_on_consultation_agenda':
      return [...verdict, { unitId: answerable, counter: 'consultations' }];
    case 're_review':
      return [...verdict, { unitId: newAssignee, counter: 'reReviews' }];
    case 'closed':
      return next.closure === 'no_response' ? [{ unitId: answerable, counter: 'noResponse' }] : verdict;
    case 'signed_for':
      return data.newlyLate === true ? [{ unitId: answerable, counter: 'signForLate' }] : [];
    case 'sign_for_late':
      return [{ unitId: answerable, counter: 'signForLate' }];
    // A co-unit's lateness counts for the co-unit itself, not the lead.
    case 'co_reported':
      return data.late === true && typeof data.coUnitId === 'string'
        ? [{ unitId: data.coUnitId, counter: 'coReportsLate' }]
        : [];
    default:
      return [];
  }
};

/** Adds deltas to an issue's tally: one entry per unit, quarter and counter, zeros dropped, in a fixed order. */
export const addToTally = (
  tally: readonly CounterDelta[],
  deltas: readonly CounterDelta[],
): CounterDelta[] => {
  const sums = new Map<string, CounterDelta>();
  for (const delta of [...tally, ...deltas]) {
    const key = `${pairOf(delta)}|${delta.counter}`;
    const sum = sums.get(key);
    sums.set(key, sum ? { ...sum, by: sum.by + delta.by } : { ...delta });
  }
  return [...sums.entries()]
    .filter(([, delta]) => delta.by !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, delta]) => delta);
};

/** Each unit-quarter the deltas count in, once, in the order first met. */
const unitQuartersOf = (deltas: Iterable<CounterDelta>): Pick<CounterDelta, 'unitId' | 'quarter'>[] => {
  const seen = new Map<string, Pick<CounterDelta, 'unitId' | 'quarter'>>();
  for (const { unitId, quarter } of deltas) {
    if (!seen.has(pairOf({ unitId, quarter }))) seen.set(pairOf({ unitId, quarter }), { unitId, quarter });
  }
  return [...seen.values()];
};

/** One per unit-quarter a marked issue counts in: the unit's unreasonable demands of that quarter. */
const unreasonableIssueDeltas = (deltas: Iterable<CounterDelta>): CounterDelta[] =>
  unitQuartersOf(deltas).map(({ unitId, quarter }) => ({
    unitId,
    quarter,
    counter: 'unreasonableIssues',
    by: 1,
  }));

const ratedIn = (tally: readonly CounterDelta[]) =>
  tally.filter((delta) => isRated(delta.counter) && delta.by !== 0);

/** The unit-quarters whose rated counters an issue marked unreasonable now leaves. */
export const excludedByMarking = (tally: readonly CounterDelta[]) => unitQuartersOf(ratedIn(tally));

/**
 * Marking an issue as an unreasonable demand moves everything it has counted so far out of the rated
 * counters into their unreasonable counterparts, in the unit and quarter where it was counted (so a
 * quarter already ranked changes, and re-running its scoring publishes the correction).
 */
const movedToUnreasonable = (tally: readonly CounterDelta[]): CounterDelta[] => {
  const rated = ratedIn(tally);
  return [
    ...rated.flatMap((delta) => [
      { ...delta, by: -delta.by },
      { ...delta, counter: unreasonableCounterOf(delta.counter as UnitCounter) },
    ]),
    ...unreasonableIssueDeltas(rated),
  ];
};

/**
 * After marking, whatever the issue counts goes to the unreasonable counters straight away, and a unit
 * it had not counted for in that quarter gets its `unreasonableIssues` too.
 */
const countedAsUnreasonable = (tally: readonly CounterDelta[], deltas: readonly CounterDelta[]) => {
  const known = new Set(tally.map(pairOf));
  const moved = deltas.map((delta) =>
    isRated(delta.counter) ? { ...delta, counter: unreasonableCounterOf(delta.counter) } : delta,
  );
  return [...moved, ...unreasonableIssueDeltas(moved.filter((delta) => !known.has(pairOf(delta))))];
};

/**
 * What one transition adds to the unit-quarter counters scoring reads, derived from the issue before
 * it and the transition (as the day figures are, program-counts.ts), in the quarter of `today`. An
 * issue marked unreasonable counts in the unreasonable counters instead; marking it moves what its
 * tally (`counted`) holds.
 */
export const unitCountsOf = (
  before: Issue,
  transition: CountedTransition,
  today: CalendarDate,
): CounterDelta[] => {
  const tally = before.counted ?? [];
  if (transition.action === 'marked_unreasonable') return movedToUnreasonable(tally);
  // A duplicate is counted once, as the issue it duplicates: whatever it counted is taken back.
  if (transition.action === 'closed_as_duplicate') return tally.map((delta) => ({ ...delta, by: -delta.by }));
  const quarter = quarterOf(today);
  const rated = ratedCountsOf(before, transition).flatMap(({ unitId, counter, by = 1 }): CounterDelta[] =>
    unitId && by !== 0 ? [{ unitId, quarter, counter, by }] : [],
  );
  return before.unreasonable ? countedAsUnreasonable(tally, rated) : rated;
};
