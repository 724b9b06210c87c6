import { describe, expect, it } from 'vitest';
import {
  apply,
  countersOf,
  DEPARTMENT,
  ENTERPRISE,
  escalate,
  executionEnded,
  historyOf,
  newUnit,
  on,
  raiseIssue,
  waitingFor,
} from './issue-driver';

/** The same path (assigned → resolved → satisfied), with the resolution `resolvedOn` a given date. */
const resolveAndClose = async (unitId: string, resolvedOn: string, verdictOn: string) => {
  const issueId = await raiseIssue(on('2026-03-02', '09:00'));
  await escalate(issueId, on('2026-03-02'), unitId);
  await waitingFor(issueId, 'resolution', 1);
  await apply(issueId, { type: 'resolve', resolution: 'Done' }, on(resolvedOn), DEPARTMENT);
  await waitingFor(issueId, 'verdict', 2);
  await apply(issueId, { type: 'feedback', verdict: 'satisfied' }, on(verdictOn), ENTERPRISE);
  expect((await executionEnded(issueId)).status).toBe('SUCCEEDED');
  return historyOf(issueId);
};

describe('issue workflow: deadlines are data, not timers', () => {
  it('takes as many state transitions for an issue open 60 days as for one open a day', async () => {
    const [quick, slow] = [newUnit(), newUnit()];

    const quickHistory = await resolveAndClose(quick, '2026-03-03', '2026-03-04');
    const slowHistory = await resolveAndClose(slow, '2026-05-01', '2026-05-02');

    // The dates did matter to the data: one resolution was on time, the other late.
    expect((await countersOf(quick, '2026Q1')).resolvedOnTime).toBe(1);
    expect((await countersOf(slow, '2026Q2')).resolvedLate).toBe(1);
    expect(slowHistory).toHaveLength(quickHistory.length);
    expect(slowHistory.map((event) => event.type)).toEqual(quickHistory.map((event) => event.type));
  });
});
