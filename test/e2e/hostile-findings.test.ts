import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, type Problem } from '../support/e2e';
import { buildWorld, type World } from '../support/hostile/world';

/** The findings of the outside attack on issue 15, each as the request that found it. */
let world: World;

beforeAll(async () => {
  world = await buildWorld();
}, 120_000);

const shanghaiToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

describe('findings from outside, kept', () => {
  it('POST /visits with a questionnaire nested 5,000 deep is a 400, not a stack overflow', async () => {
    const nested = `${'['.repeat(5_000)}${']'.repeat(5_000)}`;
    const body = `{"enterpriseId":"${world.a.enterpriseId}","teamId":"${world.a.teamId}","date":"${shanghaiToday()}","questionnaire":{"q1":${nested}}}`;
    const { status, body: problem } = await api<Problem>('POST', '/visits', {
      token: world.a.tokens.visitCadre,
      body,
      headers: { 'content-type': 'application/json', 'Idempotency-Key': `deep-${randomUUID()}` },
    });
    expect(status).toBe(400);
    expect(problem.code).toBe('BODY_TOO_DEEP');
  });

  it('?__proto__=x is refused like any unknown query parameter', async () => {
    const { status, body } = await api<Problem>('GET', '/issues?__proto__=x', {
      token: world.tokens.operator,
    });
    expect(status).toBe(400);
    expect(body.errors).toEqual([{ path: 'query.__proto__', message: 'Unknown field' }]);
  });

  it('a weak If-Match is refused with 412 IF_MATCH_WEAK and changes nothing', async () => {
    const path = `/enterprises/${world.a.enterpriseId}`;
    const before = await api<{ version: number }>('GET', path, { token: world.tokens.operator });
    const { status, body } = await api<Problem>('PATCH', path, {
      token: world.tokens.operator,
      body: { name: '弱校验更新' },
      headers: { 'If-Match': `W/"${before.body.version}"` },
    });
    expect(status).toBe(412);
    expect(body.code).toBe('IF_MATCH_WEAK');
    const after = await api<{ version: number }>('GET', path, { token: world.tokens.operator });
    expect(after.body.version).toBe(before.body.version);
  });

  it('free text with a bidi override is refused naming the field', async () => {
    const { status, body } = await api<Problem>('POST', '/issues', {
      token: world.a.tokens.enterprise,
      headers: { 'Idempotency-Key': `bidi-${randomUUID()}` },
      body: {
        enterpriseId: world.a.enterpriseId,
        category: 'land',
        title: '用地\u202e指标',
        description: '说明',
      },
    });
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      { path: 'body.title', message: expect.stringMatching(/^Contains a bidirectional/) },
    ]);
  });

  it("an enterprise sees neither the execution ARN nor the officials' user ids", async () => {
    const { body } = await api<Record<string, unknown>>('GET', `/issues/${world.a.issueId}`, {
      token: world.a.tokens.enterprise,
    });
    expect(body).not.toHaveProperty('executionArn');
    expect(body.raisedBy).toEqual({ role: 'operator' });
    const official = await api<Record<string, unknown>>('GET', `/issues/${world.a.issueId}`, {
      token: world.tokens.leader,
    });
    expect(official.body).toHaveProperty('executionArn');
  });

  it('headers over API Gateway’s 10,240 bytes get the gateway’s 431 body', async () => {
    const { status, headers, body } = await api('GET', '/units', {
      token: world.tokens.operator,
      headers: { 'x-padding': 'p'.repeat(12_000) },
    });
    expect(status).toBe(431);
    expect(headers.get('content-type')).toBe('application/json');
    expect(body).toEqual({ message: 'Request Header Fields Too Large' });
  });
});
