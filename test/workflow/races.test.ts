import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/http/errors';
import { translateKnownError } from '../../shared/http/translate-error';
import { deliveryGate } from '../support/delivery-gate';
import { refusalOf } from '../support/refusal';
import {
  apply,
  countersOf,
  DEPARTMENT,
  ENTERPRISE,
  enqueueSignal,
  escalate,
  escalateOnly,
  executionEnded,
  expectLedgerIntact,
  historyOf,
  issueOf,
  newUnit,
  OPERATOR,
  on,
  onlyCounters,
  outboxDelivered,
  raiseIssue,
  signal,
  statesEntered,
  waitingFor,
} from './issue-driver';

describe('issue workflow: decisions racing the execution', () => {
  it('delivers a decision made before the execution registered its wait', async () => {
    const unitId = newUnit();
    const issueId = await raiseIssue(on('2026-03-02', '09:00'));
    // The execution starts only after the dispatch is recorded (the stream held back meanwhile).
    await deliveryGate.holdDuring(async () => {
      await escalateOnly(issueId, on('2026-03-02'));
      await apply(issueId, { type: 'dispatch', unitId }, on('2026-03-02', '11:00'));
    });

    await waitingFor(issueId, 'resolution', 2);

    expect((await issueOf(issueId)).status).toBe('assigned');
    expect(await countersOf(unitId, '2026Q1')).toEqual(onlyCounters({ assigned: 1 }));
    await expectLedgerIntact(issueId);
    // The first wait found decision 1 recorded and completed at once; the next waits for decision 2.
    expect(await statesEntered(issueId)).toEqual([
      'Route escalation',
      'Next step',
      'Await resolution',
      'Route decision',
      'Await resolution',
    ]);
  });

  it('delivers decisions made in quick succession, in order, whichever side of a wait they land on', async () => {
    const unitId = newUnit();
    const issueId = await raiseIssue(on('2026-03-02', '09:00'));
    await escalate(issueId, on('2026-03-02'), unitId);

    await apply(issueId, { type: 'resolve', resolution: 'Done' }, on('2026-03-03'), DEPARTMENT);
    await apply(
      issueId,
      { type: 'feedback', verdict: 'basically_satisfied' },
      on('2026-03-03', '12:00'),
      ENTERPRISE,
    );

    expect((await executionEnded(issueId)).status).toBe('SUCCEEDED');
    expect(await issueOf(issueId)).toMatchObject({ status: 'closed', closure: 'basically_satisfied' });
    await expectLedgerIntact(issueId);
  });

  it('keeps a resolution recorded after the sweep took the wait: Supervise does nothing, the next wait gets it', async () => {
    const unitId = newUnit();
    const issueId = await raiseIssue(on('2026-03-02', '09:00'));
    await escalate(issueId, on('2026-03-02'), unitId);
    await waitingFor(issueId, 'resolution', 1);

    await deliveryGate.holdDuring(async () => {
      await signal(issueId, 'Overdue', on('2026-03-18', '00:00'));
      await apply(issueId, { type: 'resolve', resolution: 'Done, late' }, on('2026-03-18'), DEPARTMENT);
    });
    await waitingFor(issueId, 'verdict', 2);

    const issue = await issueOf(issueId);
    expect(issue.status).toBe('awaiting_feedback');
    expect(issue.assignment?.supervisionLevel).toBe(0);
    expect(await countersOf(unitId, '2026Q1')).toEqual(
      onlyCounters({ assigned: 1, resolvedLate: 1, overdueWorkingDays: 2 }),
    );
    const ledger = await expectLedgerIntact(issueId);
    expect(ledger.map((entry) => entry.action)).toEqual(['raised', 'escalated', 'resolved']);
  });

  it('loses no resolution made while Supervise runs', async () => {
    const unitId = newUnit();
    const issueId = await raiseIssue(on('2026-03-02', '09:00'));
    await escalate(issueId, on('2026-03-02'), unitId);
    await waitingFor(issueId, 'resolution', 1);

    // Whichever takes the wait first, the other finds it gone.
    await Promise.all([
      enqueueSignal(issueId, 'Overdue', on('2026-03-18', '00:00')),
      apply(issueId, { type: 'resolve', resolution: 'Done, late' }, on('2026-03-18'), DEPARTMENT),
    ]);
    await waitingFor(issueId, 'verdict', 2);

    expect((await issueOf(issueId)).status).toBe('awaiting_feedback');
    expect((await countersOf(unitId, '2026Q1')).resolvedLate).toBe(1);
    const actions = (await expectLedgerIntact(issueId)).map((entry) => entry.action);
    // Supervise may or may not have got in first; the resolution is recorded once either way.
    expect(actions.filter((action) => action === 'resolved')).toHaveLength(1);
    expect(actions.slice(0, 2)).toEqual(['raised', 'escalated']);
  });

  it('keeps a verdict recorded after the sweep took the wait: no no_response close-out', async () => {
    const unitId = newUnit();
    const issueId = await raiseIssue(on('2026-03-02', '09:00'));
    await escalate(issueId, on('2026-03-02'), unitId);
    await waitingFor(issueId, 'resolution', 1);
    await apply(issueId, { type: 'resolve', resolution: 'Done' }, on('2026-03-03'), DEPARTMENT);
    await waitingFor(issueId, 'verdict', 2);

    await deliveryGate.holdDuring(async () => {
      await signal(issueId, 'NoResponse', on('2026-03-13', '00:00'));
      await apply(issueId, { type: 'feedback', verdict: 'satisfied' }, on('2026-03-13'), ENTERPRISE);
    });

    expect((await executionEnded(issueId)).status).toBe('SUCCEEDED');
    expect(await issueOf(issueId)).toMatchObject({ status: 'closed', closure: 'satisfied' });
    expect(await countersOf(unitId, '2026Q1')).toEqual(
      onlyCounters({ assigned: 1, resolvedOnTime: 1, verdictSatisfied: 1 }),
    );
    await expectLedgerIntact(issueId);
    expect((await statesEntered(issueId)).slice(-5)).toEqual([
      'Close out (no response)',
      'Next step',
      'Await enterprise verdict',
      'Route decision',
      'Close out',
    ]);
  });

  it('of 20 concurrent resolutions exactly one wins, 19 answer 409, and the workflow advances once', async () => {
    const unitId = newUnit();
    const issueId = await raiseIssue(on('2026-03-02', '09:00'));
    await escalate(issueId, on('2026-03-02'), unitId);
    await waitingFor(issueId, 'resolution', 1);

    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        apply(issueId, { type: 'resolve', resolution: `Answer ${i}` }, on('2026-03-05'), DEPARTMENT),
      ),
    );
    await waitingFor(issueId, 'verdict', 2);
    await outboxDelivered(issueId);

    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const refusals = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
    expect(refusals).toHaveLength(19);
    for (const refusal of refusals) {
      const problem = translateKnownError(refusal);
      expect(problem).toBeInstanceOf(ApiError);
      expect((problem as ApiError).statusCode).toBe(409);
    }
    expect(await issueOf(issueId)).toMatchObject({ status: 'awaiting_feedback', version: 3 });
    expect((await issueOf(issueId)).workflow?.delivery).toBeUndefined();
    expect(await countersOf(unitId, '2026Q1')).toEqual(onlyCounters({ assigned: 1, resolvedOnTime: 1 }));
    await expectLedgerIntact(issueId);
    const exits = (await historyOf(issueId)).flatMap((event) => event.stateExitedEventDetails?.name ?? []);
    expect(exits.filter((name) => name === 'Await resolution')).toHaveLength(1);
    expect(exits.filter((name) => name === 'Await enterprise verdict')).toHaveLength(0);
  });

  it('refuses a decision the status does not allow, without touching the workflow', async () => {
    const issueId = await raiseIssue(on('2026-03-02', '09:00'));
    await escalate(issueId, on('2026-03-02'));
    await waitingFor(issueId, 'dispatch', 1);

    expect(
      await refusalOf(
        apply(issueId, { type: 'resolve', resolution: 'Too early' }, on('2026-03-03'), OPERATOR),
      ),
    ).toMatchObject({ statusCode: 409, code: 'INVALID_TRANSITION' });

    await waitingFor(issueId, 'dispatch', 1);
    expect((await issueOf(issueId)).version).toBe(2);
  });

  it('delivers a decision committed while Step Functions is unreachable once it is back', async () => {
    const unitId = newUnit();
    const issueId = await raiseIssue(on('2026-03-02', '09:00'));
    await escalate(issueId, on('2026-03-02'), unitId);
    await waitingFor(issueId, 'resolution', 1);

    // The first two delivery attempts fail; the decision is committed regardless, its answer kept.
    deliveryGate.failNext(2);
    await apply(issueId, { type: 'resolve', resolution: 'Done' }, on('2026-03-03'), DEPARTMENT);
    const committed = await issueOf(issueId);
    expect(committed.status).toBe('awaiting_feedback');
    expect(committed.workflow?.wait).toBeUndefined();
    expect(committed.workflow?.delivery).toMatchObject({ output: { seq: 1, kind: 'resolved' } });

    // The stream retries the record until the execution takes the answer.
    await waitingFor(issueId, 'verdict', 2);
    await outboxDelivered(issueId);
    const exits = (await historyOf(issueId)).flatMap((event) => event.stateExitedEventDetails?.name ?? []);
    expect(exits.filter((name) => name === 'Await resolution')).toHaveLength(1);
    await expectLedgerIntact(issueId);
  });
});
