import { describe, expect, it } from 'vitest';
import {
  apply,
  DEPARTMENT,
  escalate,
  executionEnded,
  expectLedgerIntact,
  issueOf,
  newUnit,
  on,
  raiseIssue,
  waitingFor,
} from './issue-driver';

/** The case-handling decisions need no wait of their own: each either leaves the wait or is a known signal. */
describe('issue workflow: case handling', () => {
  it('sign-for, co-units’ parts and unreached calls leave the waits alone; a verdict by phone closes the execution', async () => {
    const [lead, co] = [newUnit(), newUnit()];
    const issueId = await raiseIssue(on('2026-03-02', '09:00'));
    await escalate(issueId, on('2026-03-02'));
    await waitingFor(issueId, 'dispatch', 1);
    await apply(issueId, { type: 'dispatch', unitId: lead, coUnitIds: [co] }, on('2026-03-02', '11:00'));
    await waitingFor(issueId, 'resolution', 2);

    await apply(issueId, { type: 'sign_for' }, on('2026-03-03'), DEPARTMENT);
    await apply(
      issueId,
      { type: 'co_report', unitId: co, text: 'Land quota found' },
      on('2026-03-04'),
      DEPARTMENT,
    );
    expect((await issueOf(issueId)).workflow).toMatchObject({ signals: ['dispatched'], wait: { seq: 2 } });
    await apply(issueId, { type: 'resolve', resolution: 'Done' }, on('2026-03-05'), DEPARTMENT);
    await waitingFor(issueId, 'verdict', 3);

    const call = { type: 'follow_up', channel: 'phone', contact: 'Mr Wang' } as const;
    await apply(issueId, { ...call, outcome: 'not_reached' }, on('2026-03-06'));
    await apply(issueId, { ...call, outcome: 'not_reached' }, on('2026-03-09'));
    expect((await issueOf(issueId)).workflow?.wait).toMatchObject({ waitingFor: 'verdict', seq: 3 });
    await apply(issueId, { ...call, outcome: 'reached', verdict: 'basically_satisfied' }, on('2026-03-10'));

    expect((await executionEnded(issueId)).status).toBe('SUCCEEDED');
    expect(await issueOf(issueId)).toMatchObject({ status: 'closed', closure: 'basically_satisfied' });
    await expectLedgerIntact(issueId);
  });

  it('a duplicate closed while awaiting dispatch ends its execution', async () => {
    const issueId = await raiseIssue(on('2026-03-02', '09:00'));
    await escalate(issueId, on('2026-03-02'));
    await waitingFor(issueId, 'dispatch', 1);

    await apply(issueId, { type: 'mark_duplicate', duplicateOf: 'ORIGINAL' }, on('2026-03-03'));

    expect((await executionEnded(issueId)).status).toBe('SUCCEEDED');
    expect(await issueOf(issueId)).toMatchObject({
      status: 'closed',
      closure: 'duplicate',
      duplicateOf: 'ORIGINAL',
    });
  });
});
