import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { tableNames } from '../../shared/config';
import { documentClient } from '../../shared/db/client';
import { dailyCloseKeys, issueKeys } from '../../shared/db/keys';
import { builtInCalendar } from '../../shared/domain/calendar';
import type { Issue } from '../../shared/domain/issues/issue';
import { readLedger } from '../../shared/repositories/issues';
import { type DailySweepRun, runDailySweep } from '../../shared/usecases/jobs/daily-sweep';
import { deliveryGate } from '../support/delivery-gate';
import {
  apply,
  countersOf,
  DEPARTMENT,
  describeExecution,
  escalate,
  escalateOnly,
  executionEnded,
  expectLedgerIntact,
  issueOf,
  newUnit,
  on,
  onlyCounters,
  raiseIssue,
  waitingFor,
} from './issue-driver';

/*
 * The sweep reads whole work queues, shared with every test of this project. The other tests work in
 * 2026; these work in 2025, each test earlier than the one before, so no sweep here sees an issue of
 * another test: overdue and no-response read dates before asOf, due-soon a few days after it.
 */

const calendar = builtInCalendar();
/** The date `workingDays` working days after `date`: an assignment is that many working days overdue then. */
const workingDaysPast = (date: string, workingDays: number) => calendar.addWorkingDays(date, workingDays);

const eventually = async (what: string, probe: () => Promise<boolean>, timeoutMs = 15_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

/** Supervise has run: the level is raised and the execution waits for the resolution again. */
const supervisedTo = (issueId: string, level: number) =>
  eventually(`issue ${issueId} at supervision level ${level}`, async () => {
    const issue = await issueOf(issueId);
    return issue.assignment?.supervisionLevel === level && issue.workflow?.wait?.waitingFor === 'resolution';
  });

const dayRecord = async (asOf: string) =>
  (
    await documentClient.send(
      new GetCommand({ TableName: tableNames.program, Key: dailyCloseKeys.day(asOf) }),
    )
  ).Item;

const assignedIssue = async (escalatedOn: string, unitId: string): Promise<Issue> => {
  const issueId = await raiseIssue(on(escalatedOn, '09:00'));
  await escalate(issueId, on(escalatedOn), unitId);
  await waitingFor(issueId, 'resolution', 1);
  // The unit signs for it the same day, so only the sweep's supervision is at stake here.
  await apply(issueId, { type: 'sign_for' }, on(escalatedOn, '11:00'), DEPARTMENT);
  return issueOf(issueId);
};

const signalled = (run: DailySweepRun) => ({
  overdue: run.overdue.signalled,
  cards: run.dueSoon.cardsShown,
  noResponse: run.noResponse.signalled,
  closed: run.noResponse.closed,
});

describe('daily sweep against the work queues and the local workflow', () => {
  it('signals an overdue assignment once per level: yellow, red, then the consultation agenda', async () => {
    // Prepare: assigned on Monday 2025-11-03, due ten working days later.
    const unitId = newUnit();
    const issue = await assignedIssue('2025-11-03', unitId);
    const dueDate = issue.assignment?.dueDate ?? '';
    expect(dueDate).toBe('2025-11-17');

    // Act + Assess: due soon, then each level on the working day it is due.
    const dueSoon = await runDailySweep('2025-11-13');
    expect(signalled(dueSoon)).toMatchObject({ overdue: 0, cards: 1 });
    expect((await issueOf(issue.id)).assignment?.card).toBe('blue');

    expect(signalled(await runDailySweep(dueDate))).toMatchObject({ overdue: 0, cards: 0 });

    const firstDay = await runDailySweep(workingDaysPast(dueDate, 1));
    expect(firstDay.overdue).toMatchObject({ signalled: 1, newlyOverdue: 1, toConsultation: 0 });
    await supervisedTo(issue.id, 1);
    expect((await issueOf(issue.id)).assignment).toMatchObject({ overdue: true, card: 'yellow' });
    const ledgerAfterFirst = (await readLedger(issue.id)).length;

    // The same day again, and three working days overdue (still level 1): nothing.
    expect((await runDailySweep(workingDaysPast(dueDate, 1))).overdue.signalled).toBe(0);
    expect((await runDailySweep(workingDaysPast(dueDate, 3))).overdue.signalled).toBe(0);
    expect(await readLedger(issue.id)).toHaveLength(ledgerAfterFirst);

    expect((await runDailySweep(workingDaysPast(dueDate, 4))).overdue).toMatchObject({
      signalled: 1,
      newlyOverdue: 0,
    });
    await supervisedTo(issue.id, 2);
    expect((await issueOf(issue.id)).assignment?.card).toBe('red');
    expect((await runDailySweep(workingDaysPast(dueDate, 4))).overdue.signalled).toBe(0);

    expect((await runDailySweep(workingDaysPast(dueDate, 7))).overdue).toMatchObject({
      signalled: 1,
      toConsultation: 1,
    });
    await waitingFor(issue.id, 'consultation_decision', 1);
    expect((await issueOf(issue.id)).status).toBe('awaiting_consultation');
    expect((await runDailySweep(workingDaysPast(dueDate, 8))).overdue.signalled).toBe(0);

    expect(await countersOf(unitId, '2025Q4')).toEqual(
      onlyCounters({ assigned: 1, supervisions: 2, overdue: 1, consultations: 1 }),
    );
    const ledger = await expectLedgerIntact(issue.id);
    expect(ledger.map((entry) => entry.action)).toEqual([
      'raised',
      'escalated',
      'signed_for',
      'card_shown',
      'supervised',
      'supervised',
      'put_on_consultation_agenda',
    ]);
    expect(ledger[3]).toMatchObject({
      actor: { sub: 'job:daily-sweep', role: 'system' },
      at: '2025-11-13T00:00:00+08:00',
    });
    expect(await dayRecord(workingDaysPast(dueDate, 1))).toMatchObject({
      overdueSignals: 1,
      newlyOverdue: 1,
    });
    expect(await dayRecord(workingDaysPast(dueDate, 7))).toMatchObject({
      overdueSignals: 1,
      overdueToConsultation: 1,
    });
  });

  it('hands a start whose delivery gave up to the stream again', async () => {
    // Prepare: the escalation's outbox entry outlived every delivery attempt (as if Step Functions
    // had been down past the stream's retries): the record is gone, the pending start is not.
    const issueId = await raiseIssue(on('2025-09-15', '09:00'));
    const dropping = deliveryGate.dropRecordsOf(issueId);
    await escalateOnly(issueId, on('2025-09-15'), newUnit());
    await eventually('the record to be given up', async () => dropping.count() > 0);
    dropping.stop();
    expect((await issueOf(issueId)).workflow?.startPending).toBe(true);

    // Act
    const run = await runDailySweep('2025-09-16');

    // Assess
    expect(run.outbox.requeued).toBeGreaterThanOrEqual(1);
    await waitingFor(issueId, 'resolution', 1);
    expect((await issueOf(issueId)).workflow?.startPending).toBeUndefined();
    expect((await describeExecution(issueId)).status).toBe('RUNNING');
  });

  it('closes follow-ups past their deadline, shows cards, and changes nothing when run again the same day', async () => {
    // Prepare, around Tuesday 2025-08-19 (asOf):
    const asOf = '2025-08-19';
    const unitId = newUnit();
    // an assignment one working day overdue,
    const overdue = await assignedIssue('2025-08-04', unitId);
    expect(overdue.assignment?.dueDate).toBe('2025-08-18');
    // an assignment due in two working days,
    const dueSoon = await assignedIssue('2025-08-07', unitId);
    expect(dueSoon.assignment?.dueDate).toBe('2025-08-21');
    // a resolved assignment whose follow-up deadline (five working days) passed yesterday,
    const resolved = await assignedIssue('2025-08-05', unitId);
    await apply(resolved.id, { type: 'resolve', resolution: 'Permit issued' }, on('2025-08-11'), DEPARTMENT);
    await waitingFor(resolved.id, 'verdict', 2);
    expect((await issueOf(resolved.id)).followUpDeadline).toBe('2025-08-18');
    // and an issue resolved on the spot, with the same deadline and no workflow.
    const onSpotId = await raiseIssue(on('2025-08-11', '09:00'));
    await apply(onSpotId, { type: 'resolve_on_spot', resolution: 'Explained the policy' }, on('2025-08-11'));
    const mine = [overdue.id, dueSoon.id, resolved.id, onSpotId];

    // Act: the first run, then wait for the workflow's automatic steps to finish.
    const first = await runDailySweep(asOf);
    await supervisedTo(overdue.id, 1);
    await executionEnded(resolved.id);

    // Assess the first run
    expect(first.failures).toEqual([]);
    expect(signalled(first)).toEqual({ overdue: 1, cards: 1, noResponse: 1, closed: 1 });
    expect(await issueOf(resolved.id)).toMatchObject({ status: 'closed', closure: 'no_response' });
    expect(await issueOf(onSpotId)).toMatchObject({ status: 'closed', closure: 'no_response' });
    expect((await issueOf(dueSoon.id)).assignment?.card).toBe('blue');
    expect(await countersOf(unitId, '2025Q3')).toEqual(
      onlyCounters({ assigned: 3, resolvedOnTime: 1, supervisions: 1, overdue: 1, noResponse: 1 }),
    );
    const snapshot = async () => ({
      issues: await Promise.all(mine.map(issueOf)),
      ledgers: await Promise.all(mine.map(async (id) => (await readLedger(id)).length)),
      counters: await countersOf(unitId, '2025Q3'),
      day: await dayRecord(asOf),
    });
    const before = await snapshot();
    expect(before.day).toMatchObject({
      overdueSignals: 1,
      newlyOverdue: 1,
      dueSoonCards: 1,
      noResponseSignals: 1,
      noResponseClosures: 1,
    });

    // Act again: the same day.
    const second = await runDailySweep(asOf);
    await new Promise((resolve) => setTimeout(resolve, 300));

    // Assess: nothing new, anywhere.
    expect(signalled(second)).toEqual({ overdue: 0, cards: 0, noResponse: 0, closed: 0 });
    expect(second.failures).toEqual([]);
    expect(await snapshot()).toEqual(before);
    for (const id of mine) await expectLedgerIntact(id);
  });

  it('closes an on-the-spot issue with no verdict by its deadline as no_response, dated the sweep’s day', async () => {
    // Prepare: resolved on the spot on Tuesday 2025-06-03; Dragon Boat (May 31 – Jun 2) is behind it.
    const issueId = await raiseIssue(on('2025-06-03', '09:00'));
    await apply(issueId, { type: 'resolve_on_spot', resolution: 'Arranged a meeting' }, on('2025-06-03'));
    expect((await issueOf(issueId)).followUpDeadline).toBe('2025-06-10');

    // Act + Assess: the enterprise has through the deadline day.
    expect((await runDailySweep('2025-06-10')).noResponse.closed).toBe(0);
    expect((await issueOf(issueId)).status).toBe('awaiting_feedback');

    const run = await runDailySweep('2025-06-11');

    expect(run.noResponse).toMatchObject({ examined: 1, closed: 1, signalled: 0 });
    expect(await issueOf(issueId)).toMatchObject({ status: 'closed', closure: 'no_response' });
    const ledger = await expectLedgerIntact(issueId);
    expect(ledger.at(-1)).toMatchObject({
      action: 'closed',
      fromStatus: 'awaiting_feedback',
      toStatus: 'closed',
      at: '2025-06-11T00:00:00+08:00',
      actor: { sub: 'job:daily-sweep', role: 'system' },
      data: { closure: 'no_response', followUpDeadline: '2025-06-10' },
    });
    expect(run.day).toMatchObject({ asOf: '2025-06-11', noResponseClosures: 1 });
  });

  it('on a date in a year the calendar lacks, skips only the working-day steps, closes what needs none, and says so', async () => {
    // Prepare: an on-the-spot issue whose follow-up deadline is moved to 2024, a year the calendar
    // lacks, so a sweep dated 2024 finds it, and only it (every other test works in 2025 and later).
    const issueId = await raiseIssue(on('2025-05-06', '09:00'));
    await apply(
      issueId,
      { type: 'resolve_on_spot', resolution: 'Explained the subsidy rules' },
      on('2025-05-06'),
    );
    const { igsi3sk } = (
      await documentClient.send(
        new GetCommand({ TableName: tableNames.program, Key: issueKeys.item(issueId) }),
      )
    ).Item as { igsi3sk: string };
    await documentClient.send(
      new UpdateCommand({
        TableName: tableNames.program,
        Key: issueKeys.item(issueId),
        UpdateExpression: 'SET followUpDeadline = :deadline, igsi3sk = :sk',
        ExpressionAttributeValues: {
          ':deadline': '2024-06-10',
          ':sk': igsi3sk.replace(/^[^#]+/, '2024-06-10'),
        },
      }),
    );

    // Act
    const run = await runDailySweep('2024-06-11');

    // Assess: the two steps that count working days are reported skipped, the follow-up is closed,
    // the day's record written, and the run's metrics raise the calendar alarm.
    expect(run.skipped).toEqual([
      { step: 'overdue', reason: 'CALENDAR_YEAR_MISSING', year: 2024 },
      { step: 'due_soon', reason: 'CALENDAR_YEAR_MISSING', year: 2024 },
    ]);
    expect(run.calendar).toMatchObject({
      missingYear: 2024,
      yearsLoaded: expect.arrayContaining([2025, 2026]),
    });
    expect(run.overdue.examined).toBe(0);
    expect(run.noResponse).toMatchObject({ examined: 1, closed: 1 });
    expect(run.failures).toEqual([]);
    expect(await issueOf(issueId)).toMatchObject({ status: 'closed', closure: 'no_response' });
    await expectLedgerIntact(issueId);
    expect(await dayRecord('2024-06-11')).toMatchObject({ noResponseClosures: 1 });
    expect(run.metrics).toMatchObject({ CalendarYearMissing: 1, NoResponseClosures: 1 });
  });
});
