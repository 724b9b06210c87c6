import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { handler as consultationReads } from '../../functions/api/consultation-reads/handler';
import { invoke } from '../../tools/lambda-events';
import { act, createEnterprise, raiseIssue } from './issue-fixtures';
import { createDepartment, operator } from './master-data-fixtures';

/*
 * The office's dispatch orders (交办单) on a clock this file controls: two program days at the end
 * of 2025, after every day other test files escalate on (the year's numbers are shared by the whole
 * run, so the assertions hold whatever other files number in 2025 meanwhile).
 */
const DAY_1 = '2025-12-22';
const DAY_2 = '2025-12-23';
const onDay = (date: string, time: string) => vi.setSystemTime(new Date(`${date}T${time}:00+08:00`));

type DispatchOrder = {
  id: string;
  number: string;
  kind: 'office' | 'consultation';
  date: string | null;
  items: { issueId: string; leadUnitId: string }[];
};

const readOrder = async (dispatchOrderId: string) => {
  const { status, body } = await invoke(consultationReads, {
    routeKey: 'GET /dispatch-orders/{dispatchOrderId}',
    pathParameters: { dispatchOrderId },
    claims: operator,
  });
  expect(status).toBe(200);
  return body as unknown as DispatchOrder;
};

/** Every dispatch order of the run, page by page. */
const allOrders = async () => {
  const orders: DispatchOrder[] = [];
  let cursor: string | undefined;
  do {
    const { status, body } = await invoke(consultationReads, {
      routeKey: 'GET /dispatch-orders',
      query: { limit: '100', ...(cursor ? { cursor } : {}) },
      claims: operator,
    });
    expect(status).toBe(200);
    const page = body as unknown as { items: DispatchOrder[]; nextCursor: string | null };
    orders.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return orders;
};

const escalate = async (issueId: string, unitId: string) =>
  (await act(issueId, 'escalate', operator, { unitId, dueWorkingDays: 5 })) as unknown as {
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
