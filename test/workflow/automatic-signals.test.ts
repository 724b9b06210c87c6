import { describe, expect, it } from 'vitest';
import { programCalendar } from '../../shared/usecases/calendar/program-calendar';
import {
  apply,
  countersOf,
  DEPARTMENT,
  escalate,
  executionEnded,
  expectLedgerIntact,
  issueOf,
  LEADER,
  newUnit,
  on,
  onlyCounters,
  raiseIssue,
  signal,
  statesEntered,
  waitingFor,
} from './issue-driver';

/** The program instant `workingDays` working days after `date` (the sweep runs on such dates). */
const workingDaysAfter = async (date: string, workingDays: number) =>
  on((await programCalendar()).addWorkingDays(date, workingDays), '00:00');

describe('issue workflow: the daily sweep’s signals', () => {
  it('overdue: supervised at level 1 (yellow), level 2 (red), then put on the consultation agenda, whose decision assigns it again', async () => {
    const [unitId, lead] = [newUnit(), newUnit()];
    const issueId = await raiseIssue(on('2026-03-02', '09:00'));
    await escalate(issueId, on('2026-03-02'), unitId);
    await waitingFor(issueId, 'resolution', 1);
    const dueDate = (await issueOf(issueId)).assignment?.dueDate ?? '';

    await signal(issueId, 'Overdue', await workingDaysAfter(dueDate, 1));
    await waitingFor(issueId, 'resolution', 1);
    expect((await issueOf(issueId)).assignment).toMatchObject({
      supervisionLevel: 1,
      card: 'yellow',
      overdue: true,
      workingDaysOverdue: 1,
    });
    expect(await countersOf(unitId, '2026Q1')).toEqual(
      onlyCounters({ assigned: 1, supervisions: 1, overdue: 1 }),
    );
    await expectLedgerIntact(issueId);

    await signal(issueId, 'Overdue', await workingDaysAfter(dueDate, 4));
    await waitingFor(issueId, 'resolution', 1);
    expect((await issueOf(issueId)).assignment).toMatchObject({ supervisionLevel: 2, card: 'red' });
    expect(await countersOf(unitId, '2026Q1')).toEqual(
      onlyCounters({ assigned: 1, supervisions: 2, overdue: 1 }),
    );
    await expectLedgerIntact(issueId);

    await signal(issueId, 'Overdue', await workingDaysAfter(dueDate, 7));
    await waitingFor(issueId, 'consultation_decision', 1);
    expect((await issueOf(issueId)).status).toBe('awaiting_consultation');
    expect(await countersOf(unitId, '2026Q1')).toEqual(
      onlyCounters({ assigned: 1, supervisions: 2, overdue: 1, consultations: 1 }),
    );
    await expectLedgerIntact(issueId);

    await apply(
      issueId,
      {
        type: 'decide',
        consultationId: 'C-2026-03-27',
        dispatchOrderId: 'DO-2026-011',
        leadUnitId: lead,
        coUnitIds: [],
        dueWorkingDays: 5,
        note: 'The district leads',
      },
      await workingDaysAfter(dueDate, 8),
      LEADER,
    );
    await waitingFor(issueId, 'resolution', 2);

    const issue = await issueOf(issueId);
    expect(issue.status).toBe('assigned');
    expect(issue.assignment).toMatchObject({
      unitId: lead,
      dispatchOrderId: 'DO-2026-011',
      supervisionLevel: 0,
    });
    expect(await countersOf(lead, '2026Q1')).toEqual(onlyCounters({ assigned: 1 }));
    const ledger = await expectLedgerIntact(issueId);
    expect(ledger.map((entry) => entry.action)).toEqual([
      'raised',
      'escalated',
      'supervised',
      'supervised',
      'put_on_consultation_agenda',
      'consultation_decided',
    ]);
    expect(ledger[2]?.actor).toEqual({ sub: 'workflow', role: 'system' });
    expect(await statesEntered(issueId)).toEqual([
      'Route escalation',
      'Next step',
      'Await resolution',
      'Supervise',
      'Next step',
      'Await resolution',
      'Supervise',
      'Next step',
      'Await resolution',
      'Supervise',
      'Next step',
      'Await consultation decision',
      'Route decision',
      'Await resolution',
    ]);
  });

  it('no verdict by the follow-up deadline: closed as no_response, never as satisfied', async () => {
    const unitId = newUnit();
    const issueId = await raiseIssue(on('2026-03-02', '09:00'));
    await escalate(issueId, on('2026-03-02'), unitId);
    await waitingFor(issueId, 'resolution', 1);
    await apply(issueId, { type: 'resolve', resolution: 'Dormitory found' }, on('2026-03-04'), DEPARTMENT);
    await waitingFor(issueId, 'verdict', 2);
    const followUpDeadline = (await issueOf(issueId)).followUpDeadline ?? '';

    await signal(issueId, 'NoResponse', await workingDaysAfter(followUpDeadline, 1));
    const execution = await executionEnded(issueId);

    expect(execution.status).toBe('SUCCEEDED');
    const issue = await issueOf(issueId);
    expect(issue).toMatchObject({ status: 'closed', closure: 'no_response' });
    expect(issue.verdict).toBeUndefined();
    expect(await countersOf(unitId, '2026Q1')).toEqual(
      onlyCounters({ assigned: 1, resolvedOnTime: 1, noResponse: 1 }),
    );
    await expectLedgerIntact(issueId);
    expect((await statesEntered(issueId)).slice(-3)).toEqual([
      'Close out (no response)',
      'Next step',
      'Close out',
    ]);
  });
});
