import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import { consultationKeys, dispatchOrderKeys, issueKeys } from '../../../../shared/db/keys';
import type { DispatchOrder } from '../../../../shared/repositories/dispatch-orders';
import { claimsFor, invoke } from '../../../../tools/lambda-events';
import type { StoredItem } from '../../../support/dynamo-mock';
import { mockProgramTable } from '../../../support/dynamo-mock';
import { issueFunctions as handler } from '../../../support/issue-functions';
import { department } from './fixtures';
import {
  assignedIssue,
  issueOf,
  leadDepartment,
  operator,
  otherDepartment,
  storedWith,
} from './issue-fixtures';

const { ddb, serve } = mockProgramTable();
const leader = claimsFor('leader');

const awaiting = issueOf({
  id: 'ISSUE3',
  status: 'awaiting_consultation',
  consultation: { requestedOn: '2026-11-20', reason: '涉及多部门' },
  ledgerHead: { seq: 4, hash: 'b'.repeat(64) },
  version: 4,
});
const consultation = {
  id: 'CONS1',
  date: '2026-11-30',
  agendaIssueIds: [awaiting.id, assignedIssue.id],
  dispatchOrderId: 'ORDER1',
  version: 1,
  createdAt: '2026-11-27T01:00:00.000Z',
  updatedAt: '2026-11-27T01:00:00.000Z',
};
const order: DispatchOrder = {
  id: 'ORDER1',
  number: '2026-0007',
  year: 2026,
  seq: 7,
  consultationId: 'CONS1',
  items: [
    {
      issueId: 'ISSUE8',
      leadUnitId: otherDepartment.id,
      coUnitIds: [],
      dueDate: '2026-12-11',
      note: '牵头协调',
    },
  ],
  unitIds: [otherDepartment.id],
  version: 1,
  createdAt: '2026-11-30T02:00:00.000Z',
  updatedAt: '2026-11-30T02:00:00.000Z',
};
const storedConsultation: StoredItem = { ...consultationKeys.item(consultation.id), ...consultation };
const storedOrder: StoredItem = { ...dispatchOrderKeys.item(order.id), ...order };

const decide = (body: unknown, claims = leader, consultationId = consultation.id) =>
  invoke(handler, {
    routeKey: 'POST /consultations/{consultationId}/decisions',
    pathParameters: { consultationId },
    body,
    claims,
  });

const decision = {
  issueId: awaiting.id,
  leadUnitId: department.id,
  coUnitIds: [otherDepartment.id],
  dueWorkingDays: 5,
  note: '限期办结',
};

const transactItems = (call = 0) =>
  ddb.commandCalls(TransactWriteCommand)[call]?.args[0].input.TransactItems ?? [];

beforeEach(() => serve([...storedWith(awaiting, assignedIssue), storedConsultation]));

describe('POST /consultations/{consultationId}/decisions', () => {
  it("creates the consultation's order with the year's first number, with the issue's transition, in one transaction", async () => {
    const { status, body } = await decide(decision);

    expect(status).toBe(200);
    expect(body).toMatchObject({
      issue: {
        id: awaiting.id,
        status: 'assigned',
        assignment: { unitId: department.id, coUnitIds: [otherDepartment.id], dispatchOrderId: 'ORDER1' },
      },
      dispatchOrder: { id: 'ORDER1', number: '2026-0001', consultationId: 'CONS1', version: 1 },
    });
    const items = transactItems();
    expect(items[1]?.Put?.Item).toMatchObject({ action: 'consultation_decided', actor: { role: 'leader' } });
    const counter = items.find((item) => item.Update?.Key?.pk === 'COUNTER#DISPATCH_ORDER')?.Update;
    expect(counter).toMatchObject({
      Key: { sk: 'YEAR#2026' },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
    const orderPut = items.find((item) => item.Put?.Item?.pk === 'DORDER#ORDER1')?.Put;
    expect(orderPut).toMatchObject({
      ConditionExpression: 'attribute_not_exists(pk)',
      Item: { number: '2026-0001', items: [{ issueId: awaiting.id, leadUnitId: department.id }] },
    });
    const unitItems = items.filter((item) => String(item.Put?.Item?.sk).startsWith('UNIT#'));
    expect(unitItems.map((item) => item.Put?.Item?.gsi2pk)).toEqual([
      `DORDER#UNIT#${department.id}`,
      `DORDER#UNIT#${otherDepartment.id}`,
    ]);
  });

  it('takes the number after the last one given out in the year, on condition nobody took it meanwhile', async () => {
    serve([...storedWith(awaiting), storedConsultation, { ...dispatchOrderKeys.counter('2026'), last: 6 }]);

    const { body } = await decide(decision);

    expect(body).toMatchObject({ dispatchOrder: { number: '2026-0007' } });
    const counter = transactItems().find((item) => item.Update?.Key?.pk === 'COUNTER#DISPATCH_ORDER')?.Update;
    expect(counter).toMatchObject({
      ConditionExpression: '#last = :previous',
      ExpressionAttributeValues: { ':seq': 7, ':previous': 6 },
    });
  });

  it('extends an existing order on condition of the version read, adding only units it did not name', async () => {
    serve([...storedWith(awaiting), storedConsultation, storedOrder]);

    const { body } = await decide(decision);

    expect(body).toMatchObject({ dispatchOrder: { number: '2026-0007', version: 2 } });
    expect(body?.dispatchOrder).toMatchObject({ items: [{ issueId: 'ISSUE8' }, { issueId: awaiting.id }] });
    const items = transactItems();
    const extension = items.find((item) => item.Update?.Key?.pk === 'DORDER#ORDER1')?.Update;
    expect(extension).toMatchObject({
      ConditionExpression: '#version = :read',
      ExpressionAttributeValues: { ':read': 1, ':units': [department.id] },
    });
    expect(items.some((item) => item.Update?.Key?.pk === 'COUNTER#DISPATCH_ORDER')).toBe(false);
  });

  it('re-reads and retries when another decision took the order or the number first', async () => {
    const reasons = (failedAt: number, length: number) =>
      Array.from({ length }, (_, i) => ({ Code: i === failedAt ? 'ConditionalCheckFailed' : 'None' }));
    ddb
      .on(TransactWriteCommand)
      .rejectsOnce(
        new TransactionCanceledException({
          message: 'cancelled',
          $metadata: {},
          CancellationReasons: reasons(4, 8),
        }),
      )
      .resolves({});

    const { status } = await decide(decision);

    expect(status).toBe(200);
    expect(ddb).toHaveReceivedCommandTimes(TransactWriteCommand, 2);
  });

  it('answers 409 NOT_ON_AGENDA for an issue the consultation does not list, writing nothing', async () => {
    const { status, body } = await decide({ ...decision, issueId: 'ISSUE-ELSEWHERE' });

    expect(status).toBe(409);
    expect(body?.code).toBe('NOT_ON_AGENDA');
    expect(ddb).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it('answers 409 INVALID_TRANSITION for an agenda issue no longer awaiting consultation', async () => {
    const { status, body } = await decide({ ...decision, issueId: assignedIssue.id });

    expect(status).toBe(409);
    expect(body?.code).toBe('INVALID_TRANSITION');
    expect(ddb).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it('answers 409 ALREADY_DECIDED when the order already has a line for the issue', async () => {
    serve([
      ...storedWith(awaiting),
      storedConsultation,
      { ...storedOrder, items: [{ ...order.items[0], issueId: awaiting.id }] },
    ]);

    const { status, body } = await decide(decision);

    expect(status).toBe(409);
    expect(body?.code).toBe('ALREADY_DECIDED');
    expect(ddb).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it('checks the consultation, the units and the body before writing anything', async () => {
    const missing = await decide(decision, leader, 'NOPE');
    const unknownUnit = await decide({ ...decision, coUnitIds: ['NOPE'] });
    const leadTwice = await decide({ ...decision, coUnitIds: [department.id] });

    expect(missing.status).toBe(404);
    expect(unknownUnit).toMatchObject({
      status: 400,
      body: { code: 'UNKNOWN_REFERENCE', errors: [{ path: 'body.coUnitIds.0' }] },
    });
    expect(leadTwice).toMatchObject({ status: 400, body: { errors: [{ path: 'body.coUnitIds' }] } });
    expect(ddb).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it('is for leaders: operators and departments get 403', async () => {
    expect((await decide(decision, operator)).status).toBe(403);
    expect((await decide(decision, leadDepartment)).status).toBe(403);
    expect(ddb).not.toHaveReceivedAnyCommand();
  });
});

describe('POST /consultations', () => {
  it('fixes the agenda as every issue awaiting consultation now, and keeps the order id internal', async () => {
    ddb
      .on(QueryCommand, {
        IndexName: 'IGSI3',
        ExpressionAttributeValues: { ':pk': 'QUEUE#AWAITING_CONSULTATION' },
      })
      // The queue projects keys only: the ids come from them, with no read of the issues.
      .resolves({ Items: [issueKeys.item('ISSUE3'), issueKeys.item('ISSUE4')] });

    const { status, body } = await invoke(handler, {
      routeKey: 'POST /consultations',
      body: { date: '2026-12-14' },
      claims: operator,
    });

    expect(status).toBe(201);
    expect(body).toMatchObject({ date: '2026-12-14', agendaIssueIds: ['ISSUE3', 'ISSUE4'], version: 1 });
    expect(body).not.toHaveProperty('dispatchOrderId');
    const claim = transactItems().find(
      (item) => item.Put?.Item?.pk === 'UNIQUE#CONSULTATION_DATE#2026-12-14',
    );
    expect(claim?.Put?.ConditionExpression).toBe('attribute_not_exists(pk)');
  });

  it('answers 409 CONSULTATION_DATE_TAKEN for a second consultation on a date', async () => {
    ddb.on(TransactWriteCommand).rejects(
      new TransactionCanceledException({
        message: 'cancelled',
        $metadata: {},
        CancellationReasons: [{ Code: 'None' }, { Code: 'ConditionalCheckFailed' }],
      }),
    );

    const { status, body } = await invoke(handler, {
      routeKey: 'POST /consultations',
      body: { date: '2026-12-14' },
      claims: operator,
    });

    expect(status).toBe(409);
    expect(body?.code).toBe('CONSULTATION_DATE_TAKEN');
  });
});

describe('dispatch orders', () => {
  const getOrder = (claims: Record<string, string | string[]>) =>
    invoke(handler, {
      routeKey: 'GET /dispatch-orders/{dispatchOrderId}',
      pathParameters: { dispatchOrderId: order.id },
      claims,
    });

  const namingBoth: StoredItem = {
    ...storedOrder,
    items: [
      ...order.items,
      { issueId: awaiting.id, leadUnitId: department.id, coUnitIds: [], dueDate: '2026-12-07', note: '限期' },
    ],
    unitIds: [otherDepartment.id, department.id],
  };

  beforeEach(() => serve([storedConsultation, namingBoth]));

  it('shows leaders the whole order and a department only the lines naming its unit', async () => {
    const whole = await getOrder(leader);
    const own = await getOrder(leadDepartment);

    expect(whole.body?.items).toHaveLength(2);
    expect(own.body).toMatchObject({ number: '2026-0007', items: [{ issueId: awaiting.id }] });
    expect(own.body?.items).toHaveLength(1);
    expect(own.body).not.toHaveProperty('unitIds');
  });

  it('answers 404 to a department its order does not name, and to an enterprise by role', async () => {
    expect((await getOrder(claimsFor('department', { unitId: 'DEPT-ELSEWHERE' }))).status).toBe(404);
    expect((await getOrder(claimsFor('enterprise', { enterpriseId: 'E1' }))).status).toBe(403);
  });

  it("lists a department's orders through its unit index", async () => {
    ddb
      .on(QueryCommand, {
        IndexName: 'GSI2',
        ExpressionAttributeValues: { ':pk': `DORDER#UNIT#${department.id}` },
      })
      .resolves({ Items: [{ ...dispatchOrderKeys.unit(order.id, department.id), orderId: order.id }] });
    ddb.on(BatchGetCommand).resolves({ Responses: { program: [namingBoth] } });

    const { body } = await invoke(handler, { routeKey: 'GET /dispatch-orders', claims: leadDepartment });

    expect(body?.items).toEqual([
      expect.objectContaining({ id: order.id, items: [expect.objectContaining({ issueId: awaiting.id })] }),
    ]);
    expect(ddb).toHaveReceivedCommandWith(QueryCommand, { IndexName: 'GSI2', ScanIndexForward: false });
    expect(ddb).not.toHaveReceivedCommand(GetCommand);
  });
});
