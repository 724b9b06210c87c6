import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtInCalendar } from '../../../../shared/domain/calendar';
import {
  type CounterDelta,
  type IssueCommand,
  UNIT_COUNTERS,
  unreasonableCounterOf,
} from '../../../../shared/domain/issues/commands';
import type { Issue } from '../../../../shared/domain/issues/issue';
import { decide, TransitionRefused } from '../../../../shared/domain/issues/lifecycle';
import { DEFAULT_ISSUE_POLICY } from '../../../../shared/domain/issues/policy';
import { addToTally } from '../../../../shared/domain/issues/unit-counts';
import { openIssue, WALK_COMMANDS } from './fixtures';

const actor = { sub: 'op-1', role: 'operator' as const };
const run = (issue: Issue, command: IssueCommand, today: string) =>
  decide(issue, command, { today, actor }, builtInCalendar(), DEFAULT_ISSUE_POLICY);
const mark: IssueCommand = { type: 'mark_unreasonable', reason: '要求政府承担企业经营损失' };

/** Adds a list of deltas up per unit, quarter and counter, as the counter items do. */
const totals = (deltas: readonly CounterDelta[]) =>
  Object.fromEntries(addToTally([], deltas).map((d) => [`${d.unitId}|${d.quarter}|${d.counter}`, d.by]));

/** Applies the steps that fit (others are refused, as the API would answer 409), optionally marking before step `markAt`. */
const walk = (steps: ReadonlyArray<{ command: number; days: number }>, markAt?: number) => {
  let issue = openIssue({ createdAt: '2026-01-05T02:00:00.000Z' });
  let day = new Date('2026-01-05T00:00:00Z').getTime();
  const deltas: CounterDelta[] = [];
  steps.forEach((step, index) => {
    day += step.days * 86_400_000;
    const today = new Date(day).toISOString().slice(0, 10);
    const commands = [...(index === markAt ? [mark] : []), WALK_COMMANDS[step.command] as IssueCommand];
    for (const command of commands) {
      try {
        const transition = run(issue, command, today);
        deltas.push(...transition.counters);
        issue = transition.next;
      } catch (error) {
        if (!(error instanceof TransitionRefused)) throw error;
      }
    }
  });
  return { issue, deltas };
};

const steps = fc.array(
  fc.record({ command: fc.nat({ max: WALK_COMMANDS.length - 1 }), days: fc.integer({ min: 0, max: 20 }) }),
  { minLength: 1, maxLength: 12 },
);

describe('unreasonable demands (不合理诉求)', () => {
  it('marking after the verdict moves what the issue counted, in the quarter it was counted, to the unreasonable counters', () => {
    // Prepare: assigned to U1 in Q1 (due 04-03), resolved two working days late after Qingming and closed satisfied in Q2.
    let issue = run(
      openIssue(),
      { type: 'escalate', unitId: 'U1', dueWorkingDays: 5, executionArn: 'arn' },
      '2026-03-27',
    ).next;
    issue = run(issue, { type: 'resolve', resolution: '已办结' }, '2026-04-08').next;
    issue = run(issue, { type: 'feedback', verdict: 'satisfied' }, '2026-04-09').next;

    // Act
    const marked = run(issue, mark, '2026-07-02');

    // Assess
    expect(marked).toMatchObject({ action: 'marked_unreasonable', fromStatus: 'closed', toStatus: 'closed' });
    expect(marked.next.unreasonable).toEqual({ reason: mark.reason, on: '2026-07-02', by: 'op-1' });
    expect(totals(marked.counters)).toEqual({
      'U1|2026Q1|assigned': -1,
      'U1|2026Q1|unreasonableAssigned': 1,
      'U1|2026Q1|unreasonableIssues': 1,
      'U1|2026Q2|resolvedLate': -1,
      'U1|2026Q2|unreasonableResolvedLate': 1,
      'U1|2026Q2|overdueWorkingDays': -2,
      'U1|2026Q2|unreasonableOverdueWorkingDays': 2,
      'U1|2026Q2|verdictSatisfied': -1,
      'U1|2026Q2|unreasonableVerdictSatisfied': 1,
      'U1|2026Q2|unreasonableIssues': 1,
    });
    expect(marked.data.excludedFrom).toEqual([
      { unitId: 'U1', quarter: '2026Q1' },
      { unitId: 'U1', quarter: '2026Q2' },
    ]);
  });

  it('after marking, what the issue does counts as unreasonable straight away', () => {
    const marked = run(openIssue(), mark, '2026-03-02').next;
    const escalated = run(
      marked,
      { type: 'escalate', unitId: 'U1', dueWorkingDays: 5, executionArn: 'arn' },
      '2026-03-02',
    );
    expect(escalated.counters).toEqual([
      { unitId: 'U1', quarter: '2026Q1', counter: 'unreasonableAssigned', by: 1 },
      { unitId: 'U1', quarter: '2026Q1', counter: 'unreasonableIssues', by: 1 },
    ]);
    const resolved = run(escalated.next, { type: 'resolve', resolution: '已办结' }, '2026-03-03');
    expect(resolved.counters).toEqual([
      { unitId: 'U1', quarter: '2026Q1', counter: 'unreasonableResolvedOnTime', by: 1 },
    ]);
  });

  it('is refused a second time', () => {
    const marked = run(openIssue(), mark, '2026-03-02').next;
    expect(() => run(marked, mark, '2026-03-03')).toThrow(TransitionRefused);
  });

  it('ends in the same counters whether marked before, during or after the lifecycle: nothing rated, all of it unreasonable', () => {
    fc.assert(
      fc.property(steps, fc.nat(), (walkSteps, markSeed) => {
        const markAt = markSeed % (walkSteps.length + 1);
        const plain = walk(walkSteps);
        const marked = walk(walkSteps, markAt);
        const after = markAt === walkSteps.length ? walk(walkSteps) : marked;
        const markedIssue = markAt === walkSteps.length ? run(after.issue, mark, '2026-12-01') : undefined;
        const all = [...after.deltas, ...(markedIssue?.counters ?? [])];
        const expected: Record<string, number> = {};
        for (const delta of addToTally([], plain.deltas)) {
          if (!(UNIT_COUNTERS as readonly string[]).includes(delta.counter)) continue;
          const counter = unreasonableCounterOf(delta.counter as (typeof UNIT_COUNTERS)[number]);
          expected[`${delta.unitId}|${delta.quarter}|${counter}`] = delta.by;
          expected[`${delta.unitId}|${delta.quarter}|unreasonableIssues`] = 1;
        }
        expect(totals(all)).toEqual(expected);
        // The issue's tally is exactly what it added to the counters.
        expect(addToTally([], all)).toEqual((markedIssue?.next ?? after.issue).counted ?? []);
      }),
    );
  });

  it('keeps an exact tally of what an unmarked issue counted', () => {
    fc.assert(
      fc.property(steps, (walkSteps) => {
        const { issue, deltas } = walk(walkSteps);
        expect(issue.counted ?? []).toEqual(addToTally([], deltas));
      }),
    );
  });
});
