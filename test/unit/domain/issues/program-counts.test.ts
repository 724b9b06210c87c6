import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtInCalendar } from '../../../../shared/domain/calendar';
import type { IssueCommand } from '../../../../shared/domain/issues/commands';
import type { Issue } from '../../../../shared/domain/issues/issue';
import { decide, type Transition, TransitionRefused } from '../../../../shared/domain/issues/lifecycle';
import { DEFAULT_ISSUE_POLICY } from '../../../../shared/domain/issues/policy';
import { programCountsOf } from '../../../../shared/domain/issues/program-counts';
import { PROGRAM_COUNTERS, type ProgramCounts } from '../../../../shared/domain/program-stats';
import { openIssue } from './fixtures';

const actor = { sub: 'op-1', role: 'operator' as const };
const run = (issue: Issue, command: IssueCommand, today = '2026-03-02'): Transition =>
  decide(issue, command, { today, actor }, builtInCalendar(), DEFAULT_ISSUE_POLICY);
const escalated = () =>
  run(openIssue(), { type: 'escalate', unitId: 'U1', dueWorkingDays: 5, executionArn: 'arn' }).next;
const resolved = () => run(escalated(), { type: 'resolve', resolution: 'done' }).next;

describe('programCountsOf', () => {
  it('counts a resolution, on the spot or by the assigned unit', () => {
    expect(programCountsOf(run(openIssue(), { type: 'resolve_on_spot', resolution: 'done' }))).toEqual({
      issuesResolved: 1,
    });
    expect(programCountsOf(run(escalated(), { type: 'resolve', resolution: 'done' }))).toEqual({
      issuesResolved: 1,
    });
  });

  it.each([
    ['satisfied', { verdictsSatisfied: 1, issuesClosed: 1, closedSatisfied: 1 }],
    ['basically_satisfied', { verdictsBasicallySatisfied: 1, issuesClosed: 1, closedBasicallySatisfied: 1 }],
  ] as const)('counts a %s verdict as a verdict and a close-out by that closure', (verdict, expected) => {
    expect(programCountsOf(run(resolved(), { type: 'feedback', verdict }))).toEqual(expected);
  });

  it('counts an unsatisfied verdict as a verdict only, whether it re-reviews or goes to consultation', () => {
    const reReview = run(resolved(), { type: 'feedback', verdict: 'unsatisfied' });
    expect(reReview.action).toBe('re_review');
    expect(programCountsOf(reReview)).toEqual({ verdictsUnsatisfied: 1 });

    const atLimit = { ...resolved(), reReviewCount: DEFAULT_ISSUE_POLICY.maxReReviews };
    const toConsultation = run(atLimit, { type: 'feedback', verdict: 'unsatisfied' });
    expect(toConsultation.action).toBe('put_on_consultation_agenda');
    expect(programCountsOf(toConsultation)).toEqual({ verdictsUnsatisfied: 1 });
  });

  it('counts a close-out without an answer as closed with no response, and no verdict', () => {
    expect(programCountsOf(run(resolved(), { type: 'close_no_response' }))).toEqual({
      issuesClosed: 1,
      closedNoResponse: 1,
    });
  });

  it.each<[string, () => Transition]>([
    ['escalate', () => run(openIssue(), { type: 'escalate', executionArn: 'arn' })],
    ['progress', () => run(escalated(), { type: 'progress', note: 'working' })],
    ['return', () => run(escalated(), { type: 'return', reasonCode: 'not_our_remit', note: 'no' })],
    ['request_consultation', () => run(escalated(), { type: 'request_consultation', note: 'hard' })],
    ['supervise', () => run(escalated(), { type: 'supervise', workingDaysOverdue: 2 })],
    ['mark_due_soon', () => run(escalated(), { type: 'mark_due_soon' })],
  ])('counts nothing for %s', (_name, transition) => {
    expect(programCountsOf(transition())).toEqual({});
  });

  it('over any course of commands: closures add up to close-outs, at most one per issue, never more than verdicts allow', () => {
    const command = fc.oneof(
      fc.constant<IssueCommand>({ type: 'resolve_on_spot', resolution: 'done' }),
      fc.constant<IssueCommand>({ type: 'escalate', unitId: 'U1', executionArn: 'arn' }),
      fc.constant<IssueCommand>({ type: 'escalate', executionArn: 'arn' }),
      fc.constant<IssueCommand>({ type: 'dispatch', unitId: 'U2' }),
      fc.constant<IssueCommand>({ type: 'return', reasonCode: 'other', note: 'n' }),
      fc.constant<IssueCommand>({ type: 'request_consultation', note: 'n' }),
      fc.constant<IssueCommand>({ type: 'resolve', resolution: 'r' }),
      fc.constantFrom<IssueCommand>(
        { type: 'feedback', verdict: 'satisfied' },
        { type: 'feedback', verdict: 'basically_satisfied' },
        { type: 'feedback', verdict: 'unsatisfied' },
      ),
      fc.constant<IssueCommand>({ type: 'close_no_response' }),
      fc.constant<IssueCommand>({
        type: 'decide',
        consultationId: 'C1',
        dispatchOrderId: 'D1',
        leadUnitId: 'U3',
        coUnitIds: [],
        dueWorkingDays: 5,
        note: 'n',
      }),
      fc
        .integer({ min: 1, max: 20 })
        .map<IssueCommand>((days) => ({ type: 'supervise', workingDaysOverdue: days })),
    );
    fc.assert(
      fc.property(fc.array(command, { maxLength: 40 }), (commands) => {
        const totals = Object.fromEntries(PROGRAM_COUNTERS.map((c) => [c, 0])) as ProgramCounts;
        let issue = openIssue();
        for (const next of commands) {
          let transition: Transition;
          try {
            transition = run(issue, next);
          } catch (error) {
            if (error instanceof TransitionRefused) continue;
            throw error;
          }
          for (const [counter, by] of Object.entries(programCountsOf(transition))) {
            totals[counter as keyof ProgramCounts] += by;
          }
          issue = transition.next;
        }
        expect(totals.issuesClosed).toBe(
          totals.closedSatisfied + totals.closedBasicallySatisfied + totals.closedNoResponse,
        );
        expect(totals.issuesClosed).toBe(issue.status === 'closed' ? 1 : 0);
        expect(totals.closedSatisfied).toBeLessThanOrEqual(totals.verdictsSatisfied);
        expect(totals.closedBasicallySatisfied).toBeLessThanOrEqual(totals.verdictsBasicallySatisfied);
        const verdicts =
          totals.verdictsSatisfied + totals.verdictsBasicallySatisfied + totals.verdictsUnsatisfied;
        // Every verdict and every no-response close-out answers one resolution.
        expect(verdicts + totals.closedNoResponse).toBeLessThanOrEqual(totals.issuesResolved);
      }),
    );
  });
});
