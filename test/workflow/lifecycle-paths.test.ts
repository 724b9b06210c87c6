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
  LEADER,
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

describe('issue workflow: returns, consultations and re-reviews', () => {
  it('a return request keeps the resolution wait until decided: rejected, the unit keeps it; accepted, it goes back to dispatch and is dispatched again', async () => {
    const [first, second] = [newUnit(), newUnit()];
    const issueId = await raiseIssue(on('2026-03-02', '09:00'));
    await escalate(issueId, on('2026-03-02'), first);
    await waitingFor(issueId, 'resolution', 1);
    const request = { type: 'return', reasonCode: 'not_our_remit', note: 'Housing is not ours' } as const;

    await apply(issueId, request, on('2026-03-03'), DEPARTMENT);
    await apply(
      issueId,
      { type: 'decide_return', accept: false, reason: 'It is yours' },
      on('2026-03-03', '11:00'),
    );
    // No decision the workflow cares about: the same wait goes on.
    expect((await issueOf(issueId)).workflow).toMatchObject({
      signals: [],
      wait: { waitingFor: 'resolution', seq: 1 },
    });
    await apply(issueId, request, on('2026-03-03', '12:00'), DEPARTMENT);
    await apply(
      issueId,
      { type: 'decide_return', accept: true, reason: 'Agreed' },
      on('2026-03-03', '14:00'),
      LEADER,
    );
    await waitingFor(issueId, 'dispatch', 2);
    expect((await issueOf(issueId)).status).toBe('awaiting_dispatch');
    expect(await countersOf(first, '2026Q1')).toEqual(onlyCounters({ assigned: 1, returns: 1 }));
    await expectLedgerIntact(issueId);

    await apply(issueId, { type: 'dispatch', unitId: second }, on('2026-03-04'));
    await waitingFor(issueId, 'resolution', 3);

    expect((await issueOf(issueId)).assignment?.unitId).toBe(second);
    expect(await countersOf(second, '2026Q1')).toEqual(onlyCounters({ assigned: 1 }));
    await expectLedgerIntact(issueId);
    expect(await statesEntered(issueId)).toEqual([
      'Route escalation',
      'Next step',
      'Await resolution',
      'Route decision',
      'Await dispatch',
      'Route decision',
      'Await resolution',
    ]);
  });

  it('a requested consultation waits for the decision, which assigns the lead unit with its dispatch order', async () => {
    const [unitId, lead, coUnit] = [newUnit(), newUnit(), newUnit()];
    const issueId = await raiseIssue(on('2026-03-02', '09:00'));
    await escalate(issueId, on('2026-03-02'), unitId);
    await waitingFor(issueId, 'resolution', 1);

    await apply(
      issueId,
      { type: 'request_consultation', note: 'Needs land and planning together' },
      on('2026-03-05'),
      DEPARTMENT,
    );
    await waitingFor(issueId, 'consultation_decision', 2);
    expect((await issueOf(issueId)).status).toBe('awaiting_consultation');
    expect(await countersOf(unitId, '2026Q1')).toEqual(onlyCounters({ assigned: 1, consultations: 1 }));
    await expectLedgerIntact(issueId);

    await apply(
      issueId,
      {
        type: 'decide',
        consultationId: 'C-2026-03-13',
        dispatchOrderId: 'DO-2026-007',
        leadUnitId: lead,
        coUnitIds: [coUnit],
        dueWorkingDays: 5,
        note: 'Natural resources leads; planning assists',
      },
      on('2026-03-13'),
      LEADER,
    );
    await waitingFor(issueId, 'resolution', 3);

    const issue = await issueOf(issueId);
    expect(issue.status).toBe('assigned');
    expect(issue.assignment).toMatchObject({
      unitId: lead,
      coUnitIds: [coUnit],
      dispatchOrderId: 'DO-2026-007',
    });
    expect(await countersOf(lead, '2026Q1')).toEqual(onlyCounters({ assigned: 1 }));
    await expectLedgerIntact(issueId);
  });

  it('an unsatisfied verdict is re-reviewed (counted) until re-reviews run out, then goes to consultation', async () => {
    const unitId = newUnit();
    const issueId = await raiseIssue(on('2026-03-02', '09:00'));
    await escalate(issueId, on('2026-03-02'), unitId);
    let seq = 1;
    for (const [round, day] of [
      [1, '03'],
      [2, '05'],
    ] as const) {
      await waitingFor(issueId, 'resolution', seq++);
      await apply(
        issueId,
        { type: 'resolve', resolution: `Attempt ${round}` },
        on(`2026-03-${day}`),
        DEPARTMENT,
      );
      await waitingFor(issueId, 'verdict', seq++);
      await apply(
        issueId,
        { type: 'feedback', verdict: 'unsatisfied' },
        on(`2026-03-${day}`, '16:00'),
        ENTERPRISE,
      );
      await waitingFor(issueId, 'resolution', seq);
      expect(await issueOf(issueId)).toMatchObject({ status: 'assigned', reReviewCount: round });
      await expectLedgerIntact(issueId);
    }

    await apply(issueId, { type: 'resolve', resolution: 'Attempt 3' }, on('2026-03-09'), DEPARTMENT);
    await waitingFor(issueId, 'verdict', seq + 1);
    await apply(issueId, { type: 'feedback', verdict: 'unsatisfied' }, on('2026-03-09', '16:00'), ENTERPRISE);
    await waitingFor(issueId, 'consultation_decision', seq + 2);

    expect(await issueOf(issueId)).toMatchObject({ status: 'awaiting_consultation', reReviewCount: 2 });
    expect(await countersOf(unitId, '2026Q1')).toEqual(
      onlyCounters({ assigned: 1, resolvedOnTime: 3, verdictUnsatisfied: 3, reReviews: 2, consultations: 1 }),
    );
    await expectLedgerIntact(issueId);
  });
});
