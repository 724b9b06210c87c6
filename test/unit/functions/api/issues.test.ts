import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import { type ItemKey, issueKeys } from '../../../../shared/db/keys';
import {
  chainEntry,
  GENESIS_HASH,
  hashOf,
  type LedgerEntry,
} from '../../../../shared/domain/ledger/hash-chain';
import { issueItem } from '../../../../shared/repositories/issue-items';
import { claimsFor, invoke } from '../../../../tools/lambda-events';
import { mockProgramTable } from '../../../support/dynamo-mock';
import { issueFunctions as handler } from '../../../support/issue-functions';
import { department, enterprise, grid } from './fixtures';
import {
  assignedIssue,
  coDepartment,
  farCadre,
  gridCadre,
  issueOf,
  leadDepartment,
  operator,
  otherDepartment,
  otherEnterprise,
  ownEnterprise,
  storedWith,
  unrelatedDepartment,
} from './issue-fixtures';

const STATE_MACHINE = 'arn:aws:states:cn-north-1:000000000000:stateMachine:issues';
process.env.ISSUE_STATE_MACHINE_ARN = STATE_MACHINE;

const { ddb, serve } = mockProgramTable();

/** The grid of the fixture cadre's visit team: the cadre's scope. */
const cadreTeams = () =>
  ddb
    .on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'CADRE#CADRE1', ':sk': 'TEAM#' } })
    .resolves({ Items: [{ gridId: grid.id }] });

beforeEach(() => {
  serve(storedWith(issueOf(), assignedIssue));
  cadreTeams();
});

const raise = (body: unknown, claims: Record<string, string | string[]>, key = 'raise-key-0001') =>
  invoke(handler, { routeKey: 'POST /issues', body, claims, headers: { 'idempotency-key': key } });

const transition = (
  path: string,
  issueId: string,
  claims: Record<string, string | string[]>,
  body?: unknown,
) =>
  invoke(handler, {
    routeKey: `POST /issues/{issueId}/${path}`,
    pathParameters: { issueId },
    claims,
    body,
  });

const get = (issueId: string, claims: Record<string, string | string[]>) =>
  invoke(handler, { routeKey: 'GET /issues/{issueId}', pathParameters: { issueId }, claims });

const issueInput = {
  enterpriseId: enterprise.id,
  category: 'land',
  title: '员工宿舍不足',
  description: '800 名员工需要宿舍',
};

describe('POST /issues', () => {
  it('raises an open issue at version 1 with ledger entry 1 chained from the genesis hash, in one transaction', async () => {
    const { status, body } = await raise(issueInput, ownEnterprise);

    expect(status).toBe(201);
    expect(body).toMatchObject({
      ...issueInput,
      gridId: grid.id,
      townUnitId: enterprise.townUnitId,
      source: 'self',
      status: 'open',
      version: 1,
      reReviewCount: 0,
      raisedBy: { role: 'enterprise' },
    });
    const items = ddb.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems ?? [];
    const [guard, issueItem, ledgerItem] = items.map((item) => item.Put?.Item);
    expect(guard?.pk).toMatch(/^IDEMPOTENCY#/);
    expect(issueItem).toMatchObject({
      pk: `ISSUE#${body?.id}`,
      igsi1pk: `ISSUE#ENT#${enterprise.id}`,
      igsi5pk: 'ISSUE#STATUS#open',
    });
    // Issues live in their own keys-only indexes, none of the shared whole-item ones.
    expect(Object.keys(issueItem ?? {}).filter((name) => /^gsi\d/.test(name))).toEqual([]);
    expect(ledgerItem).toMatchObject({
      seq: 1,
      action: 'raised',
      fromStatus: null,
      toStatus: 'open',
      prevHash: GENESIS_HASH,
    });
    // Stored with its place in the ledger's by-year index (program year of `at`), outside the hash;
    // the by-day index holds only entries written before it.
    expect(ledgerItem?.gsi2pk).toMatch(/^LEDGER#YEAR#\d{4}$/);
    expect(ledgerItem).not.toHaveProperty('gsi1pk');
    const {
      prevHash,
      hash,
      pk: _pk,
      sk: _sk,
      gsi2pk: _gpk,
      gsi2sk: _gsk,
      ...facts
    } = ledgerItem as LedgerEntry & ItemKey & { gsi2pk: string; gsi2sk: string };
    expect(hash).toBe(hashOf(facts, prevHash));
    expect(issueItem).toMatchObject({ ledgerHead: { seq: 1, hash } });
  });

  it('lets a cadre raise for an enterprise of its grids, from a visit by default', async () => {
    const { status, body } = await raise(issueInput, gridCadre);

    expect(status).toBe(201);
    expect(body).toMatchObject({ source: 'visit', raisedBy: { role: 'cadre' } });
  });

  it('refuses a cadre outside the enterprise grid with 403, writing nothing', async () => {
    const { status, body } = await raise(issueInput, farCadre);

    expect(status).toBe(403);
    expect(body?.code).toBe('FORBIDDEN');
    expect(ddb).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it('refuses an enterprise raising for another enterprise before reading anything', async () => {
    const { status } = await raise(issueInput, otherEnterprise);

    expect(status).toBe(403);
    expect(ddb).not.toHaveReceivedCommand(GetCommand);
    expect(ddb).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it('refuses a source the role cannot raise from, an unknown enterprise and server-owned fields', async () => {
    const hotline = await raise({ ...issueInput, source: 'hotline' }, ownEnterprise);
    const unknown = await raise({ ...issueInput, enterpriseId: 'NOPE' }, operator);
    const owned = await raise({ ...issueInput, status: 'closed', version: 9 }, operator);

    expect(hotline).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED', errors: [{ path: 'body.source' }] },
    });
    expect(unknown).toMatchObject({
      status: 400,
      body: { code: 'UNKNOWN_REFERENCE', errors: [{ path: 'body.enterpriseId' }] },
    });
    expect(owned.status).toBe(400);
    expect(owned.body?.errors?.map((error) => error.path).sort()).toEqual(['body.status', 'body.version']);
    expect(ddb).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it('requires an Idempotency-Key', async () => {
    const { status, body } = await invoke(handler, {
      routeKey: 'POST /issues',
      body: issueInput,
      claims: operator,
    });

    expect(status).toBe(400);
    expect(body?.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
  });

  it('is forbidden to departments and leaders', async () => {
    expect((await raise(issueInput, leadDepartment)).status).toBe(403);
    expect((await raise(issueInput, claimsFor('leader'))).status).toBe(403);
  });
});

describe('GET /issues/{issueId}', () => {
  it('shows the assignment and execution but never task tokens or bookkeeping', async () => {
    const { status, body } = await get(assignedIssue.id, operator);

    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: 'assigned',
      assignment: { unitId: department.id, dueDate: '2026-11-30', supervisionLevel: 0, overdue: false },
      executionArn: assignedIssue.executionArn,
      workflow: { startPending: false, failed: false },
      reReviewCount: 0,
    });
    const text = JSON.stringify(body);
    expect(text).not.toContain('SECRET-TASK-TOKEN');
    expect(text).not.toContain('workflowRev');
    expect(text).not.toContain('ledgerHead');
  });

  it.each([
    ['another enterprise', otherEnterprise],
    ['a department the issue is not assigned to', unrelatedDepartment],
    ['a cadre of other grids', farCadre],
  ])('answers 404 to %s', async (_who, claims) => {
    const { status, body } = await get(assignedIssue.id, claims);

    expect(status).toBe(404);
    expect(body?.code).toBe('NOT_FOUND');
  });

  it('shows the issue to its enterprise, its lead and co-units and the cadres of its grid', async () => {
    for (const claims of [ownEnterprise, leadDepartment, coDepartment, gridCadre, claimsFor('leader')]) {
      expect((await get(assignedIssue.id, claims)).status).toBe(200);
    }
  });
});

describe('GET /issues/{issueId}/ledger', () => {
  const entry = (seq: number, prevHash: string) =>
    chainEntry(
      {
        issueId: 'ISSUE1',
        seq,
        at: '2026-11-23T01:00:00.000Z',
        actor: { sub: 'op', role: 'operator' },
        action: seq === 1 ? 'raised' : 'escalated',
        fromStatus: seq === 1 ? null : 'open',
        toStatus: seq === 1 ? 'open' : 'assigned',
        data: {},
      },
      prevHash,
    );

  it('lists the entries and says when the chain no longer verifies', async () => {
    const first = entry(1, GENESIS_HASH);
    const tampered = { ...entry(2, first.hash), data: { unitId: 'SOMEONE-ELSE' } };
    ddb.on(QueryCommand, { TableName: 'ledger' }).resolves({ Items: [first, tampered] });

    const { status, body } = await invoke(handler, {
      routeKey: 'GET /issues/{issueId}/ledger',
      pathParameters: { issueId: 'ISSUE1' },
      claims: operator,
    });

    expect(status).toBe(200);
    expect(body?.items?.map((item) => item.seq)).toEqual([1, 2]);
    expect(body?.items?.[0]).not.toHaveProperty('prevHash');
    expect(body?.chain).toEqual({ valid: false, seq: 2, reason: 'content does not match hash' });
  });
});

describe('issue transitions', () => {
  it('answers 409 INVALID_TRANSITION when the status does not fit, writing nothing', async () => {
    const { status, body } = await transition('dispatch', 'ISSUE1', operator, { unitId: department.id });

    expect(status).toBe(409);
    expect(body?.code).toBe('INVALID_TRANSITION');
    expect(ddb).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it('answers 403 to a co-unit reporting the resolution and 404 to an unrelated department, writing nothing', async () => {
    const co = await transition('resolution', assignedIssue.id, coDepartment, { resolution: '已协调' });
    const unrelated = await transition('resolution', assignedIssue.id, unrelatedDepartment, {
      resolution: '已协调',
    });

    expect(co).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect(unrelated).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect(ddb).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it('answers 403 to roles the action is not for, before reading anything', async () => {
    const operatorFeedback = await transition('feedback', assignedIssue.id, operator, {
      verdict: 'satisfied',
    });
    const leaderReturn = await transition('return', assignedIssue.id, claimsFor('leader'), {
      reasonCode: 'duplicate',
      note: '重复',
    });

    expect(operatorFeedback.status).toBe(403);
    expect(leaderReturn.status).toBe(403);
    expect(ddb).not.toHaveReceivedAnyCommand();
  });

  it('records the lead unit resolving, puts the waiting task’s answer in the outbox, and answers the updated issue', async () => {
    const { status, body } = await transition('resolution', assignedIssue.id, leadDepartment, {
      resolution: '已协调解决',
      // The co-unit never reported its part.
      missingCoReportsReason: '协办单位已电话答复无异议',
    });

    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: 'awaiting_feedback',
      version: 3,
      resolution: { text: '已协调解决' },
    });
    const [issuePut, ledgerPut, workflowPut] =
      ddb.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems ?? [];
    expect(issuePut?.Put?.ConditionExpression).toContain('version = :version');
    expect(ledgerPut?.Put?.Item).toMatchObject({ seq: 3, action: 'resolved', actor: { role: 'department' } });
    // The wait leaves the workflow item and its answer goes to the outbox in the same transaction,
    // on condition of the workflow item's revision; the indexed issue item carries neither.
    expect(workflowPut?.Put).toMatchObject({
      Item: {
        ...issueKeys.workflow(assignedIssue.id),
        rev: 4,
        signals: ['resolved'],
        delivery: { token: 'SECRET-TASK-TOKEN', output: { seq: 1, kind: 'resolved' } },
      },
      ConditionExpression: 'rev = :rev',
      ExpressionAttributeValues: { ':rev': 3 },
    });
    expect(workflowPut?.Put?.Item?.wait).toBeUndefined();
    expect(JSON.stringify(issuePut?.Put?.Item)).not.toContain('SECRET-TASK-TOKEN');
    expect(issuePut?.Put?.Item?.workflow).not.toHaveProperty('signals');
    expect(JSON.stringify(body)).not.toContain('SECRET-TASK-TOKEN');
  });

  it('refuses the lead’s resolution while a co-unit’s part is missing and no reason is given', async () => {
    const { status, body } = await transition('resolution', assignedIssue.id, leadDepartment, {
      resolution: '已协调解决',
    });

    expect(status).toBe(409);
    expect(body).toMatchObject({ code: 'CO_REPORTS_MISSING' });
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('refuses a return reason outside the list', async () => {
    const { status, body } = await transition('return', assignedIssue.id, leadDepartment, {
      reasonCode: 'too_busy',
      note: '忙',
    });

    expect(status).toBe(400);
    expect(body?.errors?.[0]?.path).toBe('body.reasonCode');
  });
});

describe('POST /issues/{issueId}/escalate', () => {
  it('commits the escalation with its execution’s name and a pending start, for the outbox to deliver', async () => {
    const { status, body } = await transition('escalate', 'ISSUE1', gridCadre, {
      unitId: department.id,
      dueWorkingDays: 3,
    });

    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: 'assigned',
      assignment: { unitId: department.id, dueWorkingDays: 3 },
      executionArn: `${STATE_MACHINE.replace(':stateMachine:', ':execution:')}:ISSUE1`,
      workflow: { startPending: true },
    });
    const items = ddb.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems ?? [];
    expect(items[0]?.Put?.Item).toMatchObject({ workflow: { startPending: true } });
    // The new workflow item (none before) and the start's outbox entry, in the same transaction.
    const [, , workflowPut, startEntry] = items;
    expect(workflowPut?.Put).toMatchObject({
      Item: { ...issueKeys.workflow('ISSUE1'), rev: 1, signals: [] },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
    expect(startEntry?.Put?.Item).toMatchObject({
      entity: 'issueOutbox',
      issueId: 'ISSUE1',
      start: { executionArn: body?.executionArn },
    });
  });

  it('refuses an unknown unit with 400, writing nothing', async () => {
    const { status, body } = await transition('escalate', 'ISSUE1', operator, { unitId: 'NOPE' });

    expect(status).toBe(400);
    expect(body?.code).toBe('UNKNOWN_REFERENCE');
    expect(ddb).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it('answers a repeat while the start is pending with the escalation already recorded, writing nothing', async () => {
    await transition('escalate', 'ISSUE1', operator, {});
    const pending = ddb.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems?.[0]?.Put?.Item;
    serve([...storedWith(), pending as never]);
    cadreTeams();

    const repeated = await transition('escalate', 'ISSUE1', operator, {});

    expect(repeated).toMatchObject({
      status: 200,
      body: { status: 'awaiting_dispatch', workflow: { startPending: true } },
    });
    expect(ddb).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it('answers 409 CONCURRENT_UPDATE when the commit meets a concurrent transaction', async () => {
    ddb.on(TransactWriteCommand).rejects(
      new TransactionCanceledException({
        message: 'Transaction cancelled',
        $metadata: {},
        CancellationReasons: [{ Code: 'TransactionConflict' }, { Code: 'None' }],
      }),
    );

    const { status, body } = await transition('escalate', 'ISSUE1', operator, {});

    expect(status).toBe(409);
    expect(body?.code).toBe('CONCURRENT_UPDATE');
  });
});

describe('GET /issues', () => {
  it('gives a department nothing for another unit, without reading', async () => {
    const { status, body } = await invoke(handler, {
      routeKey: 'GET /issues',
      query: { unitId: 'DEPT-ELSEWHERE' },
      claims: leadDepartment,
    });

    expect(status).toBe(200);
    expect(body).toEqual({ items: [], nextCursor: null });
    expect(ddb).not.toHaveReceivedCommand(QueryCommand);
  });

  it('reads a department its own unit partition, newest first, and resolves co-unit links', async () => {
    const link = issueKeys.coUnitLink(assignedIssue.id, otherDepartment.id);
    ddb
      .on(QueryCommand, {
        IndexName: 'IGSI2',
        ExpressionAttributeValues: { ':pk': `ISSUE#UNIT#${otherDepartment.id}` },
      })
      // The issue index projects keys only.
      .resolves({
        Items: [{ ...link, igsi2pk: `ISSUE#UNIT#${otherDepartment.id}`, igsi2sk: assignedIssue.id }],
      });
    ddb.on(BatchGetCommand).resolves({ Responses: { program: [issueItem(assignedIssue)] } });

    const { body } = await invoke(handler, { routeKey: 'GET /issues', claims: coDepartment });

    expect(body?.items?.map((item) => item.id)).toEqual([assignedIssue.id]);
    expect(body?.items?.[0]).not.toHaveProperty('workflowRev');
    expect(ddb).toHaveReceivedCommandWith(QueryCommand, { IndexName: 'IGSI2', ScanIndexForward: false });
    expect(ddb).toHaveReceivedCommandWith(BatchGetCommand, {
      RequestItems: { program: { Keys: [issueKeys.item(assignedIssue.id)] } },
    });
  });
});
