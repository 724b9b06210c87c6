import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS } from '../../shared/domain/notifications/delivery-rules';
import { verifyWebhookSignature } from '../../shared/domain/notifications/signing';
import { randomCreditCode } from '../support/credit-codes';
import { api, tokenFor } from '../support/e2e';

interface SunkMessage {
  channel: string;
  to: string;
  receivedAt: string;
  headers: Record<string, string>;
  rawBody: string;
  body: { eventId?: string; text?: string; detailType?: string; phone?: string; template?: string };
  status: number;
}

const suffix = randomUUID().slice(0, 8);
const secret = `whsec_${randomUUID()}`;
let operator: string;
let sinkUrl: string;
let enterpriseId: string;

const created = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
  const response = await api<{ id: string }>('POST', path, { token: operator, body, headers });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id;
};

const sunk = async (channel?: string) =>
  (
    await api<{ messages: SunkMessage[] }>(
      'GET',
      `/_local/notifications${channel ? `?channel=${channel}` : ''}`,
    )
  ).body.messages;

/** Polls until `check` passes (deliveries are asynchronous: stream, bus, queue). */
const eventually = async <T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

const newDepartment = (name: string) =>
  created('/units', {
    code: `E2E-N-${randomUUID().slice(0, 8)}`,
    name,
    kind: 'department',
    category: 'class1',
  });

const subscribeWebhook = (unitId: string, name: string) =>
  created('/notification-subscriptions', {
    owner: { kind: 'unit', id: unitId },
    target: { channel: 'webhook', url: `${sinkUrl}/webhook/${name}`, secret },
  });

const raise = (title: string) =>
  created(
    '/issues',
    { enterpriseId, category: 'land', title, description: '扩建缺少用地指标' },
    { 'Idempotency-Key': `e2e-notify-${randomUUID()}` },
  );

beforeAll(async () => {
  operator = await tokenFor('operator');
  sinkUrl = (await api<{ sinkUrl: string }>('GET', '/_local/notifications')).body.sinkUrl;
  const townUnitId = await created('/units', { code: `E2E-NT-${suffix}`, name: '斜桥镇', kind: 'town' });
  const gridId = await created('/grids', { code: `E2E-NG-${suffix}`, name: '斜桥一网格', townUnitId });
  enterpriseId = await created('/enterprises', {
    creditCode: randomCreditCode(),
    name: '海宁皮革制品有限公司',
    industry: 'warp_knitting',
    townUnitId,
    gridId,
    aboveScale: true,
  });
  // The enterprise subscribes itself, without quiet hours so the test passes at any hour.
  const enterprise = await tokenFor('enterprise', { enterpriseId });
  const sms = await api('POST', '/notification-subscriptions', {
    token: enterprise,
    body: {
      owner: { kind: 'enterprise', id: enterpriseId },
      target: { channel: 'sms', phone: '13912345678', quietHours: null },
    },
  });
  expect(sms.status, JSON.stringify(sms.body)).toBe(201);
});

describe('notifications end to end (local mode)', () => {
  it('escalate → the unit’s webhook gets a correctly signed message naming the issue, the unit and the order reference; resolve → the enterprise’s SMS asks for its verdict; a re-delivered event notifies once', async () => {
    const unitId = await newDepartment('市自然资源和规划局');
    const hook = `zrzy-${suffix}`;
    await subscribeWebhook(unitId, hook);
    const issueId = await raise('厂房扩建用地指标');
    const escalated = await api('POST', `/issues/${issueId}/escalate`, { token: operator, body: { unitId } });
    expect(escalated.status).toBe(200);

    const eventId = `issue/${issueId}/2/IssueAssigned`;
    const received = await eventually(
      async () => (await sunk('webhook')).filter((message) => message.to === hook),
      (messages) => messages.length > 0,
    );
    expect(received).toHaveLength(1);
    const [message] = received as [SunkMessage];
    expect(message.headers['x-qinqing-event-id']).toBe(eventId);
    const signedAt = Number(/t=(\d+)/.exec(message.headers['x-qinqing-signature'] ?? '')?.[1]);
    expect(
      verifyWebhookSignature(secret, message.headers['x-qinqing-signature'] ?? '', message.rawBody, signedAt),
    ).toBe(true);
    expect(
      verifyWebhookSignature(
        secret,
        message.headers['x-qinqing-signature'] ?? '',
        message.rawBody,
        signedAt + 301,
      ),
    ).toBe(false);
    expect(
      verifyWebhookSignature(
        'whsec_wrong_secret_000',
        message.headers['x-qinqing-signature'] ?? '',
        message.rawBody,
        signedAt,
      ),
    ).toBe(false);
    expect(message.body.text).toContain('「厂房扩建用地指标」已交市自然资源和规划局办理');
    // Escalations carry no 交办单 yet (dispatch orders come with consultations): the issue number stands in.
    expect(message.body.text).toContain(`问题编号${issueId}`);

    // The same event put on the bus again (what a stream retry of the publisher does): no second message.
    const events = (
      await api<{ events: { id: string; detail: { id: string } }[] }>(
        'GET',
        '/_local/events?detailType=IssueAssigned',
      )
    ).body.events;
    const original = events.find((event) => event.detail.id === eventId);
    expect(original).toBeDefined();
    expect((await api('POST', `/_local/events/${original?.id}/redeliver`)).status).toBe(200);
    const deliveries = await eventually(
      async () =>
        (
          await api<{ items: { status: string; duplicates?: number }[] }>(
            'GET',
            `/notification-deliveries?eventId=${encodeURIComponent(eventId)}`,
            { token: operator },
          )
        ).body.items,
      (items) => items[0]?.duplicates === 1,
    );
    expect(deliveries).toEqual([expect.objectContaining({ status: 'sent', attempts: 1, duplicates: 1 })]);
    expect((await sunk('webhook')).filter((sent) => sent.to === hook)).toHaveLength(1);

    const department = await tokenFor('department', { unitId });
    const resolved = await api('POST', `/issues/${issueId}/resolution`, {
      token: department,
      body: { resolution: '已协调解决用地指标' },
    });
    expect(resolved.status).toBe(200);
    const sms = await eventually(
      async () =>
        (await sunk('sms')).filter(
          (sent) => sent.body.template === 'VerdictRequested' && sent.body.text?.includes('厂房扩建用地指标'),
        ),
      (messages) => messages.length > 0,
    );
    expect(sms).toHaveLength(1);
    expect(sms[0]?.to).toBe('13912345678');
    expect(sms[0]?.body.text).toContain('请对办理结果进行评价');
  });

  it('a failing webhook is retried with growing backoff, then dead-lettered with nothing lost; the unit’s other webhook is unaffected', async () => {
    const unitId = await newDepartment('市市场监督管理局');
    const failing = `failing-${suffix}`;
    const healthy = `healthy-${suffix}`;
    await subscribeWebhook(unitId, failing);
    await subscribeWebhook(unitId, healthy);
    const issueId = await raise('计量器具检定排队');
    expect(
      (await api('POST', `/issues/${issueId}/escalate`, { token: operator, body: { unitId } })).status,
    ).toBe(200);
    const eventId = `issue/${issueId}/2/IssueAssigned`;

    const good = await eventually(
      async () => (await sunk('webhook')).filter((message) => message.to === healthy),
      (m) => m.length > 0,
    );
    expect(good).toHaveLength(1);
    const attempts = await eventually(
      async () => (await sunk('webhook')).filter((message) => message.to === failing),
      (messages) => messages.length >= MAX_ATTEMPTS,
      40_000,
    );
    expect(attempts).toHaveLength(MAX_ATTEMPTS);
    expect(
      attempts.every(
        (attempt) => attempt.status === 503 && attempt.headers['x-qinqing-event-id'] === eventId,
      ),
    ).toBe(true);
    const times = attempts.map((attempt) => Date.parse(attempt.receivedAt));
    const gaps = times.slice(1).map((time, i) => time - (times[i] as number));
    // 30 s, 60 s, 120 s, 240 s at 1/50 time: each wait longer than the one before.
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeGreaterThan(gaps[i - 1] as number);

    const queues = await eventually(
      async () =>
        (
          await api<{
            queues: { name: string; deadLetterQueueOf: string[]; messages: { body: string }[] }[];
          }>('GET', '/_local/queues')
        ).body.queues,
      (all) =>
        all.some(
          (queue) =>
            queue.messages.some(
              (queued) => queued.body.includes(eventId) && queued.body.includes('"channel":"webhook"'),
            ) && queue.deadLetterQueueOf.length > 0,
        ),
    );
    const deadLetters = queues.find((queue) =>
      queue.deadLetterQueueOf.some((name) => name.includes('webhook')),
    );
    expect(deadLetters?.messages.filter((queued) => queued.body.includes(eventId))).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await sunk('webhook')).filter((message) => message.to === failing)).toHaveLength(MAX_ATTEMPTS);

    const records = (
      await api<{ items: { status: string; attempts: number; destination: string }[] }>(
        'GET',
        `/notification-deliveries?eventId=${encodeURIComponent(eventId)}`,
        { token: operator },
      )
    ).body.items;
    expect(
      records
        .map((record) => [
          record.destination.endsWith(failing) ? 'failing' : 'healthy',
          record.status,
          record.attempts,
        ])
        .sort(),
    ).toEqual([
      ['failing', 'failed', MAX_ATTEMPTS],
      ['healthy', 'sent', 1],
    ]);
  }, 90_000);
});
