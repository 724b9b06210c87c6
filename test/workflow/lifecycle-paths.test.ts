import { describe, expect, it } from 'vitest';
import {
  apply,
  countersOf,
  DEPARTMENT,
  ENTERPRISE,
  escalate,
  executionEnded,
  expectLedgerIntact,
  issueOf,
  newUnit,
  on,
  onlyCounters,
  raiseIssue,
  statesEntered,
  waitingFor,
} from './issue-driver';

describe('issue workflow: the main paths', () => {
  it('dispatch → resolution → satisfied verdict → closed', async () => {
    // Prepare
    const unitId = newUnit();
    const issueId = await raiseIssue(on('2026-03-02', '09:00'));

    // Act + Assess, step by step
    await escalate(issueId, on('2026-03-02'));
    await waitingFor(issueId, 'dispatch', 1);
    expect((await issueOf(issueId)).status).toBe('awaiting_dispatch');
    await expectLedgerIntact(issueId);

    await apply(issueId, { type: 'dispatch', unitId }, on('2026-03-03'));
    await waitingFor(issueId, 'resolution', 2);
    expect((await issueOf(issueId)).status).toBe('assigned');
    expect(await countersOf(unitId, '2026Q1')).toEqual(onlyCounters({ assigned: 1 }));
    await expectLedgerIntact(issueId);

    await apply(issueId, { type: 'resolve', resolution: 'Dormitory found' }, on('2026-03-10'), DEPARTMENT);
    await waitingFor(issueId, 'verdict', 3);
    expect((await issueOf(issueId)).status).toBe('awaiting_feedback');
    expect(await countersOf(unitId, '2026Q1')).toEqual(onlyCounters({ assigned: 1, resolvedOnTime: 1 }));
    await expectLedgerIntact(issueId);

    await apply(issueId, { type: 'feedback', verdict: 'satisfied' }, on('2026-03-11'), ENTERPRISE);
    const execution = await executionEnded(issueId);

    expect(execution.status).toBe('SUCCEEDED');
    const issue = await issueOf(issueId);
    expect(issue).toMatchObject({ status: 'closed', closure: 'satisfied', version: 5 });
    expect(issue.workflow?.wait).toBeUndefined();
    expect(await countersOf(unitId, '2026Q1')).toEqual(
      onlyCounters({ assigned: 1, resolvedOnTime: 1, verdictSatisfied: 1 }),
    );
    await expectLedgerIntact(issueId);
    expect(await statesEntered(issueId)).toEqual([
      'Route escalation',
      'Next step',
      'Await dispatch',
      'Route decision',
      'Await resolution',
      'Route decision',
      'Await enterprise verdict',
      'Route decision',
      'Close out',
    ]);
  });
});
