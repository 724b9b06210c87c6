import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomCreditCode } from '../support/credit-codes';
import { type ApiResponse, api } from '../support/e2e';
import { buildWorld, type World } from '../support/hostile/world';

/**
 * Concurrency storms over HTTP: many clients at once on one key, one natural key, one version, one
 * issue. Each must end with exactly one record or one transition, and every other client told why.
 */
let world: World;
const storm = <T>(size: number, send: (index: number) => Promise<ApiResponse<T>>) =>
  Promise.all(Array.from({ length: size }, (_, index) => send(index)));

const statusesOf = (responses: readonly ApiResponse<unknown>[]) =>
  responses.reduce<Record<number, number>>((counts, { status }) => {
    counts[status] = (counts[status] ?? 0) + 1;
    return counts;
  }, {});

const enterpriseBody = (creditCode: string) => ({
  creditCode,
  name: '风暴测试经编有限公司',
  industry: 'warp_knitting',
  townUnitId: world.a.townUnitId,
  gridId: world.a.gridId,
  aboveScale: false,
});

const enterprisesWith = async (creditCode: string) => {
  const listed = await api<{ items: { id: string; creditCode: string }[] }>(
    'GET',
    `/enterprises?gridId=${world.a.gridId}&limit=100`,
    { token: world.tokens.operator },
  );
  return listed.body.items.filter((item) => item.creditCode === creditCode);
};

beforeAll(async () => {
  world = await buildWorld();
}, 120_000);

describe('concurrency storms', () => {
  it('50 identical creations with one Idempotency-Key: one record, every success the same reply, the rest 409', async () => {
    const body = enterpriseBody(randomCreditCode());
    const key = `storm-${randomUUID()}`;
    const send = () =>
      api<{ id: string }>('POST', '/enterprises', {
        token: world.tokens.operator,
        body,
        headers: { 'Idempotency-Key': key },
      });
    const replies = await storm(50, send);
    const statuses = statusesOf(replies);
    console.log(`storm, one key: ${JSON.stringify(statuses)}`);
    expect(Object.keys(statuses).sort()).toEqual(expect.arrayContaining(['201']));
    expect((statuses[201] ?? 0) + (statuses[409] ?? 0)).toBe(50);
    const successes = replies
      .filter(({ status }) => status === 201)
      .map(({ body: reply }) => JSON.stringify(reply));
    expect(new Set(successes).size).toBe(1);
    for (const refused of replies.filter(({ status }) => status === 409)) {
      expect(refused.headers.get('content-type')).toBe('application/problem+json');
    }
    const replay = await send();
    expect(replay.status).toBe(201);
    expect(JSON.stringify(replay.body)).toBe(successes[0]);
    expect(await enterprisesWith(body.creditCode)).toHaveLength(1);
  });

  it('50 creations of one credit code under different keys: one record, the rest 409', async () => {
    const body = enterpriseBody(randomCreditCode());
    const replies = await storm(50, () =>
      api('POST', '/enterprises', {
        token: world.tokens.operator,
        body,
        headers: { 'Idempotency-Key': `storm-${randomUUID()}` },
      }),
    );
    const statuses = statusesOf(replies);
    console.log(`storm, one credit code: ${JSON.stringify(statuses)}`);
    expect(statuses).toEqual({ 201: 1, 409: 49 });
    expect(await enterprisesWith(body.creditCode)).toHaveLength(1);
  });

  it('20 updates at one If-Match version: exactly one succeeds, the rest are told the version moved', async () => {
    const { enterpriseId } = world.b;
    const current = await api<{ version: number }>('GET', `/enterprises/${enterpriseId}`, {
      token: world.tokens.operator,
    });
    const replies = await storm(20, (index) =>
      api<{ version: number; name: string }>('PATCH', `/enterprises/${enterpriseId}`, {
        token: world.tokens.operator,
        body: { name: `并发更新${index}` },
        headers: { 'If-Match': `"${current.body.version}"` },
      }),
    );
    const statuses = statusesOf(replies);
    console.log(`storm, one version: ${JSON.stringify(statuses)}`);
    expect(statuses[200]).toBe(1);
    expect((statuses[412] ?? 0) + (statuses[409] ?? 0)).toBe(19);
    const winner = replies.find(({ status }) => status === 200)?.body;
    const after = await api<{ version: number; name: string }>('GET', `/enterprises/${enterpriseId}`, {
      token: world.tokens.operator,
    });
    expect(after.body).toMatchObject({ version: current.body.version + 1, name: winner?.name });
  });

  it('20 resolutions of one issue at once: one transition, one ledger entry, one signal to the workflow', async () => {
    const { issueId, tokens } = world.b;
    const replies = await storm(20, (index) =>
      api('POST', `/issues/${issueId}/resolution`, {
        token: tokens.department,
        body: { resolution: `并发处理${index}` },
      }),
    );
    const statuses = statusesOf(replies);
    console.log(`storm, one issue: ${JSON.stringify(statuses)}`);
    expect(statuses[200]).toBe(1);
    expect(statuses[409]).toBe(19);
    const ledger = await api<{ items: { action: string }[]; chain: { valid: boolean } }>(
      'GET',
      `/issues/${issueId}/ledger`,
      { token: world.tokens.operator },
    );
    expect(ledger.body.items.filter(({ action }) => action === 'resolved')).toHaveLength(1);
    expect(ledger.body.chain).toEqual({ valid: true });
    const signals = await resolutionSignalsConsumed(issueId);
    expect(signals).toBe(1);
  });
});

/** How often the issue's execution left its resolution wait, once it has (or after 30 s). */
const resolutionSignalsConsumed = async (issueId: string) => {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { status, body } = await api<{ states: { state: string; exitedAt?: string }[] }>(
      'GET',
      `/_local/executions/${issueId}`,
    );
    const exits =
      status === 200 ? body.states.filter((s) => s.state === 'Await resolution' && s.exitedAt).length : 0;
    if (exits > 0 || Date.now() > deadline) {
      // A moment more: a second signal, were there one, would show as a second pass through the wait.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const again = await api<{ states: { state: string; exitedAt?: string }[] }>(
        'GET',
        `/_local/executions/${issueId}`,
      );
      return again.status === 200
        ? again.body.states.filter((s) => s.state === 'Await resolution').length
        : 0;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
};
