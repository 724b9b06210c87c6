import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtInCalendar } from '../../../../shared/domain/calendar';
import {
  type CounterDelta,
  type IssueCommand,
  UNIT_COUNTERS,
  type UnitCounter,
  unreasonableCounterOf,
} from '../../../../shared/domain/issues/commands';
import type { Verdict } from '../../../../shared/domain/issues/issue';
import { decide, type Transition, TransitionRefused } from '../../../../shared/domain/issues/lifecycle';
import { DEFAULT_ISSUE_POLICY } from '../../../../shared/domain/issues/policy';
import { quarterOf } from '../../../../shared/domain/issues/quarter';
import { addToTally } from '../../../../shared/domain/issues/unit-counts';
import { openIssue, WALK_COMMANDS } from './fixtures';

const actor = { sub: 'op-1', role: 'operator' as const };

/** Extensions stay out: one approved late leaves an assignment overdue without a supervision. */
const commandPool: IssueCommand[] = [
  ...WALK_COMMANDS,
  { type: 'feedback', verdict: 'unsatisfied' },
  { type: 'supervise', workingDaysOverdue: 2 },
  { type: 'progress', note: '推进中' },
  { type: 'mark_unreasonable', reason: '要求政府承担企业经营损失' },
];

const steps = fc.array(
  fc.record({ command: fc.nat({ max: commandPool.length - 1 }), days: fc.integer({ min: 0, max: 30 }) }),
  { maxLength: 25 },
);

/** Applies the steps that fit (others are refused, as the API would answer 409). */
const walk = (walkSteps: ReadonlyArray<{ command: number; days: number }>) => {
  let issue = openIssue({ createdAt: '2026-01-05T02:00:00.000Z' });
  let day = Date.parse('2026-01-05T00:00:00Z');
  const entries: (Transition & { today: string })[] = [];
  for (const step of walkSteps) {
    day += step.days * 86_400_000;
    const today = new Date(day).toISOString().slice(0, 10);
    try {
      const transition = decide(
        issue,
        commandPool[step.command] as IssueCommand,
        { today, actor },
        builtInCalendar(),
        DEFAULT_ISSUE_POLICY,
      );
      entries.push({ ...transition, today });
      issue = transition.next;
    } catch (error) {
      if (!(error instanceof TransitionRefused)) throw error;
    }
  }
  return entries;
};

const VERDICT_COUNTERS: Record<Verdict, UnitCounter> = {
  satisfied: 'verdictSatisfied',
  basically_satisfied: 'verdictBasicallySatisfied',
  unsatisfied: 'verdictUnsatisfied',
};

/**
 * The rated counters as an auditor would recount them from the ledger entries alone (action, status
 * and data; never the issue record), per unit, quarter and counter.
 */
const recount = (
  entries: ReadonlyArray<Pick<Transition, 'action' | 'toStatus' | 'data'> & { today: string }>,
) => {
  const totals: Record<string, number> = {};
  let holder: string | undefined;
  let resolver: string | undefined;
  let overdue = false;
  for (const { action, toStatus, data, today } of entries) {
    const add = (unitId: unknown, counter: UnitCounter, by = 1) => {
      if (typeof unitId !== 'string' || unitId === '' || by === 0) return;
      const key = `${unitId}|${quarterOf(today)}|${counter}`;
      totals[key] = (totals[key] ?? 0) + by;
    };
    const assignTo = (unitId: unknown) => {
      holder = unitId as string;
      overdue = false;
    };
    const verdict = data.verdict as Verdict | undefined;
    if (verdict) add(resolver, VERDICT_COUNTERS[verdict]);
    switch (action) {
      case 'escalated':
      case 'dispatched':
      case 'consultation_decided':
        if (toStatus !== 'assigned') break;
        assignTo(data.unitId ?? data.leadUnitId);
        add(holder, 'assigned');
        break;
      case 'returned':
        add(data.unitId, 'returns');
        holder = undefined;
        break;
      case 'consultation_requested':
        add(holder, 'consultations');
        break;
      case 'resolved':
        add(data.unitId, data.onTime ? 'resolvedOnTime' : 'resolvedLate');
        add(data.unitId, 'overdueWorkingDays', data.workingDaysOverdue as number);
        resolver = data.unitId as string;
        break;
      case 'resolved_on_spot':
        resolver = undefined;
        break;
      case 'supervised':
        add(holder, 'supervisions');
        if (!overdue) add(holder, 'overdue');
        overdue = true;
        break;
      case 'put_on_consultation_agenda':
        add(verdict ? resolver : holder, 'consultations');
        break;
      case 're_review':
        if (toStatus !== 'assigned') break;
        assignTo(data.unitId);
        add(holder, 'reReviews');
        break;
      case 'closed':
        if (!verdict) add(resolver, 'noResponse');
        break;
    }
  }
  return totals;
};

const RATED_BY_UNREASONABLE = new Map<string, string>(
  UNIT_COUNTERS.map((counter) => [unreasonableCounterOf(counter), counter]),
);

/** What the counter items hold for the issue, rated and unreasonable counterparts added together. */
const countedEitherWay = (deltas: readonly CounterDelta[]) => {
  const totals: Record<string, number> = {};
  for (const { unitId, quarter, counter, by } of addToTally([], deltas)) {
    if (counter === 'unreasonableIssues') continue;
    const key = `${unitId}|${quarter}|${RATED_BY_UNREASONABLE.get(counter) ?? counter}`;
    totals[key] = (totals[key] ?? 0) + by;
  }
  return Object.fromEntries(Object.entries(totals).filter(([, by]) => by !== 0));
};

describe('unit counters derived from transitions', () => {
  it('add up, over any sequence of transitions, to a recount from the ledger entries', () => {
    fc.assert(
      fc.property(steps, (walkSteps) => {
        const entries = walk(walkSteps);
        expect(countedEitherWay(entries.flatMap((entry) => entry.counters))).toEqual(recount(entries));
      }),
    );
  });
});
