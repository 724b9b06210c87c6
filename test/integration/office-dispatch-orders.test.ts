import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { handler as consultationReads } from '../../functions/api/consultation-reads/handler';
import { documentClient, dynamoClient } from '../../shared/db/client';
import { dispatchOrderNumber } from '../../shared/domain/dispatch-order-number';
import { newId } from '../../shared/domain/ids';
import { orderCreationWrites } from '../../shared/repositories/dispatch-order-writes';
import { lastOrderSeq } from '../../shared/repositories/dispatch-orders';
import { officeOrderClaimPut } from '../../shared/repositories/office-dispatch-orders';
import type { DispatchOrderHeader } from '../../shared/repositories/records/dispatch-orders';
import { meterDynamoDb } from '../../tools/dynamo-usage/meter';
import { claimsFor, invoke } from '../../tools/lambda-events';
import { act, createEnterprise, raiseIssue } from './issue-fixtures';
import { createDepartment, operator } from './master-data-fixtures';

/*
 * The office's dispatch orders (交办单) on a clock this file controls: two program days at the end
 * of 2025, after every day other test files escalate on (the year's numbers are shared by the whole
 * run, so the assertions hold whatever other files number in 2025 meanwhile).
 */
const DAY_1 = '2025-12-22';
const DAY_2 = '2025-12-23';
const BUSY_DAY = '2025-12-24';
const RUSH_DAY = '2025-12-25';
const DAY_BEFORE_LINE_ITEMS = '2025-12-26';
const onDay = (date: string, time: string) => vi.setSystemTime(new Date(`${date}T${time}:00+08:00`));

type DispatchOrder = {
  id: string;
  number: string;
  kind: 'office' | 'consultation';
  date: string | null;
  items: { issueId: string; leadUnitId: string; coUnitIds: string[]; dueDate: string; note: string }[];
  version: number;
  createdAt: string;
  updatedAt: string;
};

const readOrder = async (dispatchOrderId: string, claims = operator) => {
  const { status, body } = await invoke(consultationReads, {
    routeKey: 'GET /dispatch-orders/{dispatchOrderId}',
    pathParameters: { dispatchOrderId },
    claims,
  });
  expect(status).toBe(200);
  return body as unknown as DispatchOrder;
};

/** Every dispatch order of the run the caller may read, page by page. */
const allOrders = async (claims = operator) => {
  const orders: DispatchOrder[] = [];
  let cursor: string | undefined;
  do {
    const { status, body } = await invoke(consultationReads, {
      routeKey: 'GET /dispatch-orders',
      query: { limit: '100', ...(cursor ? { cursor } : {}) },
      claims,
    });
    expect(status).toBe(200);
    const page = body as unknown as { items: DispatchOrder[]; nextCursor: string | null };
    orders.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return orders;
};

const escalate = async (issueId: string, unitId: string, coUnitIds: string[] = []) =>
  (await act(issueId, 'escalate', operator, { unitId, coUnitIds, dueWorkingDays: 5 })) as unknown as {
    assignment: { dispatchOrderId: string };
  };

let enterpriseId: string;
let unitId: string;

beforeAll(async () => {
  // Master data on the real clock; the escalations on the two days above.
  enterpriseId = (await createEnterprise()).id;
  unitId = (await createDepartment()).id;
  vi.useFakeTimers({ toFake: ['Date'] });
});

afterAll(() => {
  vi.useRealTimers();
});

describe('office dispatch orders against DynamoDB Local', () => {
  it('gathers a day’s escalations into one order and numbers the next day’s after it, without gaps', async () => {
    onDay(DAY_1, '09:00');
    const first = await raiseIssue(enterpriseId);
    const second = await raiseIssue(enterpriseId);
    const firstOrderId = (await escalate(first.id, unitId)).assignment.dispatchOrderId;
    onDay(DAY_1, '16:30');
    expect((await escalate(second.id, unitId)).assignment.dispatchOrderId).toBe(firstOrderId);

    onDay(DAY_2, '10:00');
    const third = await raiseIssue(enterpriseId);
    const nextOrderId = (await escalate(third.id, unitId)).assignment.dispatchOrderId;
    expect(nextOrderId).not.toBe(firstOrderId);

    const dayOne = await readOrder(firstOrderId);
    expect(dayOne).toMatchObject({ kind: 'office', date: DAY_1 });
    expect(dayOne.items.map((item) => item.issueId)).toEqual([first.id, second.id]);
    const dayTwo = await readOrder(nextOrderId);
    expect(dayTwo).toMatchObject({ kind: 'office', date: DAY_2 });
    expect(dayTwo.items.map((item) => item.issueId)).toEqual([third.id]);

    // Numbered after the previous one: later in the year's sequence, and the year's numbers run
    // 2025-0001… without a gap or a repeat, whoever else numbered orders in 2025 meanwhile.
    const seqOf = (order: DispatchOrder) => Number(order.number.slice('2025-'.length));
    expect(dayOne.number).toMatch(/^2025-\d{4}$/);
    expect(dayTwo.number).toMatch(/^2025-\d{4}$/);
    expect(seqOf(dayTwo)).toBeGreaterThan(seqOf(dayOne));
    const numbers = (await allOrders())
      .filter((order) => order.number.startsWith('2025-'))
      .map(seqOf)
      .sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  });
});

/** The calls of a piece of work that DynamoDB refused (a failed condition, a cancelled transaction). */
const meter = meterDynamoDb(dynamoClient, () => undefined);
const refusedIn = async (work: () => Promise<unknown>) => {
  meter.reset();
  await meter.within('work', work);
  return meter.calls().filter((call) => call.failed).length;
};

/**
 * An office order as office dispatches stored it before lines were items of their own: the lines in
 * the order item, numbered from the year's counter (taken as a dispatch takes it, so the year's numbers
 * still run without gaps), with the day's claim and a unit item per unit.
 */
const storeInlineOfficeOrder = async (date: string, lines: DispatchOrder['items']) => {
  const at = `${date}T01:00:00.000Z`;
  const id = newId();
  for (;;) {
    const seq = (await lastOrderSeq(2025)) + 1;
    const order: DispatchOrderHeader = {
      id,
      number: dispatchOrderNumber(2025, seq),
      year: 2025,
      seq,
      kind: 'office',
      date,
      items: lines,
      unitIds: [...new Set(lines.flatMap((line) => [line.leadUnitId, ...line.coUnitIds]))],
      version: lines.length,
      createdAt: at,
      updatedAt: at,
    };
    try {
      await documentClient.send(
        new TransactWriteCommand({
          TransactItems: [...orderCreationWrites(order), officeOrderClaimPut(date, id)],
        }),
      );
      return order;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
    }
  }
};

describe('office dispatch orders with their lines as items of their own', () => {
  it('keeps every escalation of a busy day, in the order they were made, for leaders and for each unit', async () => {
    const [lead, other, co] = [
      (await createDepartment()).id,
      (await createDepartment()).id,
      (await createDepartment()).id,
    ];
    const escalated: { issueId: string; unitId: string; coUnitIds: string[] }[] = [];
    for (let i = 0; i < 15; i++) {
      onDay(BUSY_DAY, `${String(8 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 === 0 ? '05' : '40'}`);
      const { id } = await raiseIssue(enterpriseId);
      const unitId = i % 3 === 1 ? other : lead;
      const coUnitIds = i % 5 === 4 ? [co] : [];
      await escalate(id, unitId, coUnitIds);
      escalated.push({ issueId: id, unitId, coUnitIds });
    }
    onDay(BUSY_DAY, '16:00');
    const orderId = (await escalate((await raiseIssue(enterpriseId)).id, lead)).assignment.dispatchOrderId;
    const lastAt = new Date(`${BUSY_DAY}T16:00:00+08:00`).toISOString();

    const order = await readOrder(orderId);
    expect(order.items.slice(0, 15)).toEqual(
      escalated.map(({ issueId, unitId, coUnitIds }) =>
        expect.objectContaining({ issueId, leadUnitId: unitId, coUnitIds }),
      ),
    );
    expect(order.items).toHaveLength(16);
    expect(Object.keys(order.items[0] ?? {}).sort()).toEqual([
      'coUnitIds',
      'dueDate',
      'issueId',
      'leadUnitId',
      'note',
    ]);
    expect(order).toMatchObject({ kind: 'office', date: BUSY_DAY, version: 16, updatedAt: lastAt });
    // The list shows the order as the detail does.
    expect((await allOrders()).find((listed) => listed.id === orderId)).toEqual(order);
    // A co-unit's department reads the order (by its unit index too), only the lines naming it.
    const asCo = claimsFor('department', { unitId: co });
    const coLines = escalated.filter((line) => line.coUnitIds.includes(co)).map((line) => line.issueId);
    expect((await readOrder(orderId, asCo)).items.map((line) => line.issueId)).toEqual(coLines);
    const listedForCo = (await allOrders(asCo)).find((listed) => listed.id === orderId);
    expect(listedForCo?.items.map((line) => line.issueId)).toEqual(coLines);
  });

  it('lands every one of a rush of concurrent escalations, and those to units the order names do not contend', async () => {
    onDay(RUSH_DAY, '09:00');
    const units = [
      (await createDepartment()).id,
      (await createDepartment()).id,
      (await createDepartment()).id,
    ];
    const firstRush = await Promise.all(Array.from({ length: 8 }, () => raiseIssue(enterpriseId)));
    const replies = await Promise.all(
      firstRush.map(({ id }, i) => escalate(id, units[i % units.length] as string)),
    );
    const orderId = replies[0]?.assignment.dispatchOrderId as string;
    expect(new Set(replies.map((reply) => reply.assignment.dispatchOrderId))).toEqual(new Set([orderId]));

    onDay(RUSH_DAY, '10:00');
    const secondRush = await Promise.all(Array.from({ length: 12 }, () => raiseIssue(enterpriseId)));
    const refused = await refusedIn(() =>
      Promise.all(secondRush.map(({ id }, i) => escalate(id, units[i % units.length] as string))),
    );

    const order = await readOrder(orderId);
    expect(order.items.map((line) => line.issueId).sort()).toEqual(
      [...firstRush, ...secondRush].map((issue) => issue.id).sort(),
    );
    expect(
      order.items
        .slice(8)
        .map((line) => line.issueId)
        .sort(),
    ).toEqual(secondRush.map((issue) => issue.id).sort());
    // Lines of their own: no escalation of the second rush waited on another for the order.
    expect(refused).toBe(0);
  });

  it('still reads an order that keeps its lines inline, and adds the day’s later escalations to those lines', async () => {
    const unitId = (await createDepartment()).id;
    const stored = await storeInlineOfficeOrder(DAY_BEFORE_LINE_ITEMS, [
      {
        issueId: 'ISSUE-EARLIER',
        leadUnitId: unitId,
        coUnitIds: [],
        dueDate: '2026-01-05',
        note: '用地指标',
      },
    ]);
    expect(await readOrder(stored.id)).toMatchObject({
      number: stored.number,
      kind: 'office',
      date: DAY_BEFORE_LINE_ITEMS,
      version: 1,
      items: [{ issueId: 'ISSUE-EARLIER', leadUnitId: unitId }],
    });

    onDay(DAY_BEFORE_LINE_ITEMS, '14:00');
    const later = await raiseIssue(enterpriseId);
    expect((await escalate(later.id, unitId)).assignment.dispatchOrderId).toBe(stored.id);

    const order = await readOrder(stored.id);
    expect(order.items.map((line) => line.issueId)).toEqual(['ISSUE-EARLIER', later.id]);
    expect(order.version).toBe(2);
    const listed = (await allOrders(claimsFor('department', { unitId }))).find(
      (item) => item.id === stored.id,
    );
    expect(listed?.items.map((line) => line.issueId)).toEqual(['ISSUE-EARLIER', later.id]);
  });
});
