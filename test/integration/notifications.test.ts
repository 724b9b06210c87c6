import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { handler } from '../../functions/api/notifications/handler';
import type { QueuedMessage } from '../../shared/notifications/channel-port';
import { deliverMessage } from '../../shared/usecases/notifications/deliver-message';
import { routeEvent } from '../../shared/usecases/notifications/route-event';
import { claimsFor, invoke } from '../../tools/lambda-events';
import { createEnterprise, departmentOf } from './issue-fixtures';
import { createDepartment, operator } from './master-data-fixtures';

const subscribe = (body: unknown, claims: Record<string, string | string[]> = operator) =>
  invoke(handler, { routeKey: 'POST /notification-subscriptions', body, claims });

const webhook = (name = randomUUID()) => ({
  channel: 'webhook',
  url: `https://hooks.example.cn/${name}`,
  secret: 'whsec_0123456789abcdef',
});

/** Routes one event and answers the messages (the queue is a list here). */
const route = async (detailType: string, detail: Record<string, unknown>) => {
  const queued: QueuedMessage[] = [];
  await routeEvent(
    { detailType, time: '2026-12-05T02:00:00Z', detail },
    async (messages) => void queued.push(...messages),
    'https://qinqing.test',
  );
  return queued;
};

const noon = new Date('2026-12-05T04:00:00Z'); // 12:00 in Haining
const night = new Date('2026-12-05T15:00:00Z'); // 23:00 in Haining

describe('notification subscriptions through the API (DynamoDB Local)', () => {
  it('lets a unit manage its own, an operator any, and refuses another unit’s or a bad target', async () => {
    const unit = await createDepartment();
    const other = await createDepartment();
    const own = await subscribe(
      { owner: { kind: 'unit', id: unit.id }, target: webhook() },
      departmentOf(unit.id),
    );
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    expect(own.body).toMatchObject({
      usesDefaults: true,
      channel: 'webhook',
      destination: expect.stringMatching(/^https:\/\/hooks\.example\.cn\//),
    });
    expect(JSON.stringify(own.body)).not.toContain('whsec_');
    expect(
      (await subscribe({ owner: { kind: 'unit', id: other.id }, target: webhook() }, departmentOf(unit.id)))
        .status,
    ).toBe(403);
    const plainHttp = await subscribe({
      owner: { kind: 'unit', id: unit.id },
      target: { ...webhook(), url: 'http://hooks.example.cn/x' },
    });
    expect(plainHttp.status).toBe(400);
    expect(plainHttp.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    const badRobot = await subscribe({
      owner: { kind: 'unit', id: unit.id },
      target: { channel: 'dingtalk', url: 'https://evil.example/robot', secret: 'SEC0123456789abcdef' },
    });
    expect(badRobot.status).toBe(400);
    expect((await subscribe({ owner: { kind: 'unit', id: 'NO-SUCH-UNIT' }, target: webhook() })).status).toBe(
      404,
    );

    const listed = await invoke(handler, {
      routeKey: 'GET /notification-subscriptions',
      claims: departmentOf(unit.id),
    });
    expect(listed.body?.items?.map((item) => item.id)).toEqual([(own.body as { id: string }).id]);
    const gone = await invoke(handler, {
      routeKey: 'DELETE /notification-subscriptions/{subscriptionId}',
      pathParameters: { subscriptionId: (own.body as { id: string }).id },
      claims: departmentOf(unit.id),
    });
    expect(gone.status).toBe(204);
  });

  it('an enterprise subscribes itself to SMS, masked on the way out; another enterprise may not', async () => {
    const enterprise = await createEnterprise();
    const mine = claimsFor('enterprise', { enterpriseId: enterprise.id });
    const sms = await subscribe(
      { owner: { kind: 'enterprise', id: enterprise.id }, target: { channel: 'sms', phone: '13812345678' } },
      mine,
    );
    expect(sms.status).toBe(201);
    expect(sms.body).toMatchObject({
      destination: '138****5678',
      quietHours: { from: '22:00', to: '08:00' },
      eventTypes: ['IssueResolved', 'VerdictRequested', 'IssueClosed'],
    });
    const theirs = claimsFor('enterprise', { enterpriseId: 'SOMEONE-ELSE' });
    expect(
      (
        await subscribe(
          {
            owner: { kind: 'enterprise', id: enterprise.id },
            target: { channel: 'sms', phone: '13812345678' },
          },
          theirs,
        )
      ).status,
    ).toBe(403);
  });
});

describe('routing and delivery (DynamoDB Local)', () => {
  it('routes an assignment to the assigned unit only, and delivers each event to a subscription once', async () => {
    const unit = await createDepartment();
    const bystander = await createDepartment();
    await subscribe({ owner: { kind: 'unit', id: unit.id }, target: webhook() });
    await subscribe({ owner: { kind: 'unit', id: bystander.id }, target: webhook() });
    const eventId = `issue/${randomUUID()}/2/IssueAssigned`;
    const detail = { id: eventId, issueId: 'NO-ISSUE', seq: 2, unitId: unit.id, dueDate: '2026-12-19' };
    const messages = await route('IssueAssigned', detail);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.text).toContain('测试局');
    expect(messages[0]?.text).toContain('2026-12-19');
    // The same event again (a stream retry) makes the same delivery id.
    expect((await route('IssueAssigned', detail)).map((message) => message.deliveryId)).toEqual(
      messages.map((message) => message.deliveryId),
    );

    const send = vi.fn(async () => {});
    const message = messages[0] as QueuedMessage;
    expect(await deliverMessage(message, send, noon)).toEqual({ outcome: 'sent' });
    expect(await deliverMessage(message, send, noon)).toEqual({ outcome: 'duplicate' });
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('records a failure and lets the retry send it; holds SMS at night; suppresses beyond the hourly rate', async () => {
    const unit = await createDepartment();
    await subscribe({ owner: { kind: 'unit', id: unit.id }, target: webhook() });
    const [message] = await route('IssueDueSoon', {
      id: `issue/${randomUUID()}/3/IssueDueSoon`,
      issueId: 'X',
      seq: 3,
      unitId: unit.id,
    });
    const failing = vi.fn(async () => {
      throw new Error('503 from hooks.example.cn');
    });
    await expect(deliverMessage(message as QueuedMessage, failing, noon)).rejects.toThrow('503');
    const working = vi.fn(async () => {});
    expect(await deliverMessage(message as QueuedMessage, working, noon)).toEqual({ outcome: 'sent' });
    expect(working).toHaveBeenCalledTimes(1);

    const enterprise = await createEnterprise();
    await subscribe({
      owner: { kind: 'enterprise', id: enterprise.id },
      target: { channel: 'sms', phone: '13900001111' },
    });
    const sms = {
      ...(message as QueuedMessage),
      deliveryId: randomUUID(),
      eventId: randomUUID(),
      channel: 'sms' as const,
      subscriptionId: (
        await invoke(handler, {
          routeKey: 'GET /notification-subscriptions',
          query: { ownerKind: 'enterprise', ownerId: enterprise.id },
          claims: operator,
        })
      ).body?.items?.[0]?.id as string,
    };
    const held = await deliverMessage(sms, working, night);
    expect(held).toEqual({ outcome: 'held', until: new Date('2026-12-06T00:00:00Z') });
    expect(await deliverMessage(sms, working, new Date('2026-12-05T23:00:00Z'))).toMatchObject({
      outcome: 'held',
    });
    expect(await deliverMessage(sms, working, new Date('2026-12-06T00:00:01Z'))).toEqual({ outcome: 'sent' });
    expect(working).toHaveBeenCalledTimes(2);

    const outcomes = [];
    for (let i = 0; i < 3; i++) {
      outcomes.push(
        (
          await deliverMessage(
            { ...(message as QueuedMessage), deliveryId: randomUUID(), eventId: randomUUID() },
            working,
            noon,
            {
              ratePerHour: 2,
              leaseSeconds: 60,
            },
          )
        ).outcome,
      );
    }
    // The first delivery of this subscription in the hour already took one slot.
    expect(outcomes).toEqual(['sent', 'suppressed', 'suppressed']);

    const deliveries = await invoke(handler, {
      routeKey: 'GET /notification-deliveries',
      query: { eventId: (message as QueuedMessage).eventId },
      claims: operator,
    });
    expect(deliveries.body?.items).toEqual([
      expect.objectContaining({ status: 'sent', attempts: 2, lastError: '503 from hooks.example.cn' }),
    ]);
  });
});
