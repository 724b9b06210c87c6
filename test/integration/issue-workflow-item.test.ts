import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { tableNames } from '../../shared/config';
import { documentClient } from '../../shared/db/client';
import { issueKeys } from '../../shared/db/keys';
import { queryAll } from '../../shared/db/queries';
import { programDateOf } from '../../shared/domain/calendar';
import type { Actor } from '../../shared/domain/issues/issue';
import { decide } from '../../shared/domain/issues/lifecycle';
import { enqueueWaitFailure, registerWait } from '../../shared/repositories/issue-workflow';
import { commitTransition, findIssue, StaleIssueError } from '../../shared/repositories/issues';
import { programCalendar } from '../../shared/usecases/calendar/program-calendar';
import { applyIssueCommand } from '../../shared/usecases/issues/apply-issue-command';
import { issuePolicy } from '../../shared/usecases/issues/issue-policy';
import { act, createEnterprise, departmentOf, raiseIssue } from './issue-fixtures';
import { createDepartment, operator } from './master-data-fixtures';

const stored = async (key: { pk: string; sk: string }) =>
  (
    await documentClient.send(
      new GetCommand({ TableName: tableNames.program, Key: key, ConsistentRead: true }),
    )
  ).Item;

const escalatedIssue = async () => {
  const enterprise = await createEnterprise();
  const unitId = (await createDepartment()).id;
  const { id } = await raiseIssue(enterprise.id);
  await act(id, 'escalate', operator, { unitId });
  return { id, unitId };
};

const actor: Actor = { sub: 'test-department', role: 'department' };
const RESOLVE = { type: 'resolve', resolution: '已协调解决', missingCoReportsReason: '无协办' } as const;

describe('the workflow item beside the issue', () => {
  it('holds the signals, the wait and the answer; bookkeeping leaves the indexed issue item untouched', async () => {
    const { id, unitId } = await escalatedIssue();
    const issueBefore = await stored(issueKeys.item(id));

    expect(await registerWait(id, { seq: 1, token: 'token-1', waitingFor: 'resolution' })).toBe('registered');

    expect(await stored(issueKeys.item(id))).toEqual(issueBefore);
    expect(issueBefore?.workflow).not.toHaveProperty('signals');
    expect(await stored(issueKeys.workflow(id))).toMatchObject({
      entity: 'issueWorkflow',
      signals: [],
      wait: { seq: 1, token: 'token-1' },
    });
    expect((await findIssue(id))?.issue.workflow).toMatchObject({
      startPending: true,
      signals: [],
      wait: { seq: 1, token: 'token-1', waitingFor: 'resolution' },
    });

    // The decision takes the wait off the workflow item and puts its answer there, in its transaction.
    await act(id, 'resolution', departmentOf(unitId), { resolution: '已协调解决' });
    expect(await stored(issueKeys.workflow(id))).toMatchObject({
      signals: ['resolved'],
      delivery: { token: 'token-1', output: { seq: 1, kind: 'resolved' } },
    });
    expect(await stored(issueKeys.workflow(id))).not.toHaveProperty('wait');
    expect(JSON.stringify(await stored(issueKeys.item(id)))).not.toContain('token-1');
    // One outbox entry item per thing to deliver, each put once: the start, then the answer.
    const entries = await queryAll<Record<string, unknown>>({
      partition: issueKeys.ofIssue(id),
      sortPrefix: issueKeys.outboxEntry(id, '').sk,
      consistent: true,
    });
    expect(entries).toEqual([
      expect.objectContaining({ issueId: id, start: { executionArn: expect.stringContaining(id) } }),
      expect.objectContaining({
        issueId: id,
        answer: { token: 'token-1', output: { seq: 1, kind: 'resolved' }, queuedAt: expect.any(String) },
        expiresAt: expect.any(Number),
      }),
    ]);
  });

  it('a decision read before a bookkeeping write cannot overwrite it, nor can the write undo the decision', async () => {
    const { id } = await escalatedIssue();
    const readBefore = await findIssue(id);
    if (!readBefore) throw new Error('issue not found');
    await registerWait(id, { seq: 1, token: 'token-2', waitingFor: 'resolution' });

    // The transition decided on the read from before the wait registered is refused as a whole…
    const at = new Date().toISOString();
    const transition = decide(
      readBefore.issue,
      RESOLVE,
      { today: programDateOf(at), actor, at },
      await programCalendar(),
      issuePolicy,
    );
    const workflow = readBefore.issue.workflow;
    if (!workflow) throw new Error('issue not escalated');
    const withSignal = {
      ...transition,
      next: { ...transition.next, workflow: { ...workflow, signals: ['resolved' as const] } },
    };
    await expect(commitTransition(readBefore, withSignal, { actor, at })).rejects.toBeInstanceOf(
      StaleIssueError,
    );
    expect((await findIssue(id))?.issue.workflow?.wait?.token).toBe('token-2');

    // …and decided again on a fresh read it answers the registered wait.
    await applyIssueCommand({ issueId: id, actor, command: RESOLVE });
    expect((await findIssue(id))?.issue.workflow).toMatchObject({
      signals: ['resolved'],
      delivery: { token: 'token-2' },
    });
    // The sweep's signal finds the wait taken: it cannot overwrite the decision's answer.
    expect(
      await enqueueWaitFailure(id, 'token-2', {
        error: 'Overdue',
        cause: '{}',
        queuedAt: new Date().toISOString(),
      }),
    ).toBe(false);
    expect((await findIssue(id))?.issue.workflow?.delivery).toMatchObject({ token: 'token-2', output: {} });
  });
});
