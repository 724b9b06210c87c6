import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { handler } from '../../functions/api/consultations/handler';
import { handler as issues } from '../../functions/api/issues/handler';
import { tableNames } from '../../shared/config';
import { documentClient } from '../../shared/db/client';
import { dispatchOrderKeys } from '../../shared/db/keys';
import { claimsFor, invoke } from '../../tools/lambda-events';
import { createEnterprise, issueAwaitingConsultation } from './issue-fixtures';
import { createDepartment, operator } from './master-data-fixtures';

const leader = claimsFor('leader');
/** A year no other test numbers orders in, so its numbers are this test's alone. */
const YEAR = '2032';

type Consultation = {
  id: string;
  agendaIssueIds: string[];
  dispatchOrder: { id: string; number: string } | null;
  agenda: { issueId: string; status: string; summary: string; decision: { leadUnitId: string } | null }[];
};

const createConsultation = async (date: string) => {
  const { status, body } = await invoke(handler, {
    routeKey: 'POST /consultations',
    body: { date },
    claims: operator,
  });
  expect(status).toBe(201);
  return body as unknown as Consultation;
};

const readConsultation = async (consultationId: string) =>
  (
    await invoke(handler, {
      routeKey: 'GET /consultations/{consultationId}',
      pathParameters: { consultationId },
      claims: leader,
    })
  ).body as unknown as Consultation;

const decide = (consultationId: string, issueId: string, leadUnitId: string, coUnitIds: string[] = []) =>
  invoke(handler, {
    routeKey: 'POST /consultations/{consultationId}/decisions',
    pathParameters: { consultationId },
    body: { issueId, leadUnitId, coUnitIds, dueWorkingDays: 5, note: '会商议定' },
    claims: leader,
  });

let enterpriseId: string;
let units: string[];

beforeAll(async () => {
  enterpriseId = (await createEnterprise()).id;
  units = await Promise.all([1, 2, 3].map(async () => (await createDepartment()).id));
});

describe('consultations against DynamoDB Local', () => {
  it('numbers dispatch orders without gaps, one per consultation, under ten concurrent decisions', async () => {
    const [first, second, third] = units as [string, string, string];
    const issueIds = await Promise.all(
      Array.from({ length: 10 }, (_, i) => issueAwaitingConsultation(enterpriseId, units[i % 3] as string)),
    );
    const consultations = await Promise.all(
      ['01-05', '01-19', '02-02'].map((day) => createConsultation(`${YEAR}-${day}`)),
    );
    for (const consultation of consultations)
      expect(consultation.agendaIssueIds).toEqual(expect.arrayContaining(issueIds));
    // Four issues for the first consultation, three each for the others; all decided at once.
    const share = (i: number) => (consultations[i < 4 ? 0 : i < 7 ? 1 : 2] as Consultation).id;

    const results = await Promise.all(
      issueIds.map((issueId, i) =>
        decide(share(i), issueId, first, i % 2 === 0 ? [second] : [second, third]),
      ),
    );

    expect(results.map((result) => result.status)).toEqual(Array(10).fill(200));
    const orders = await Promise.all(
      consultations.map(async (consultation) => {
        const read = await readConsultation(consultation.id);
        const { body } = await invoke(handler, {
          routeKey: 'GET /dispatch-orders/{dispatchOrderId}',
          pathParameters: { dispatchOrderId: String(read.dispatchOrder?.id) },
          claims: operator,
        });
        return body as {
          number: string;
          consultationId: string;
          version: number;
          items: { issueId: string }[];
        };
      }),
    );
    expect(orders.map((order) => order.number).sort()).toEqual([
      `${YEAR}-0001`,
      `${YEAR}-0002`,
      `${YEAR}-0003`,
    ]);
    orders.forEach((order, c) => {
      const mine = issueIds.filter((_, i) => share(i) === consultations[c]?.id);
      expect(order.consultationId).toBe(consultations[c]?.id);
      expect(order.items.map((item) => item.issueId).sort()).toEqual([...mine].sort());
      expect(order.version).toBe(mine.length);
    });
    const { Item: counter } = await documentClient.send(
      new GetCommand({
        TableName: tableNames.program,
        Key: dispatchOrderKeys.counter(YEAR),
        ConsistentRead: true,
      }),
    );
    expect(counter?.last).toBe(3);

    const again = await decide(share(0), issueIds[0] as string, second);
    expect(again.status).toBe(409);
    expect(again.body?.code).toBe('INVALID_TRANSITION');
  });

  it('shows the agenda with each issue’s history and, once decided, the decision; the issue is assigned to the lead', async () => {
    const [lead, co] = units as [string, string];
    const issueId = await issueAwaitingConsultation(enterpriseId, lead);
    const consultation = await createConsultation(`${YEAR}-03-02`);

    const before = await readConsultation(consultation.id);
    const item = before.agenda.find((entry) => entry.issueId === issueId);
    expect(before.dispatchOrder).toBeNull();
    expect(item).toMatchObject({ status: 'awaiting_consultation', decision: null });
    expect(item?.summary).toMatch(
      /^Raised on \d{4}-\d{2}-\d{2} through the service hotline\. Escalated on .* and assigned to 测试局/,
    );
    expect(item?.summary).toMatch(/On the agenda because the assigned unit asked for it: 涉及多个部门$/);

    expect((await decide(consultation.id, issueId, co, [lead])).status).toBe(200);

    const after = await readConsultation(consultation.id);
    expect(after.dispatchOrder?.number).toMatch(new RegExp(`^${YEAR}-\\d{4}$`));
    expect(after.agenda.find((entry) => entry.issueId === issueId)).toMatchObject({
      status: 'assigned',
      decision: { leadUnitId: co },
    });
    const { body: issue } = await invoke(issues, {
      routeKey: 'GET /issues/{issueId}',
      pathParameters: { issueId },
      claims: claimsFor('department', { unitId: co }),
    });
    expect(issue).toMatchObject({
      status: 'assigned',
      assignment: { unitId: co, coUnitIds: [lead], dispatchOrderId: after.dispatchOrder?.id },
      consultation: { consultationId: consultation.id },
    });
  });

  it('refuses a second consultation on the same date', async () => {
    await createConsultation(`${YEAR}-04-06`);

    const { status, body } = await invoke(handler, {
      routeKey: 'POST /consultations',
      body: { date: `${YEAR}-04-06` },
      claims: operator,
    });

    expect(status).toBe(409);
    expect(body?.code).toBe('CONSULTATION_DATE_TAKEN');
  });
});
