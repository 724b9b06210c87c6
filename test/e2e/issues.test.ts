import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, type Problem, tokenFor } from '../support/e2e';
import {
  act as actOnIssue,
  create,
  createEnterpriseIn,
  createTownWithGrid,
  executionStatus,
} from './master-data-fixtures';

type Issue = {
  id: string;
  status: string;
  version: number;
  reReviewCount: number;
  closure?: string;
  executionArn?: string;
  executionLink?: string;
  assignment?: { unitId: string; dueDate: string };
};
type Ledger = {
  items: { seq: number; action: string; toStatus: string; actor: { role: string } }[];
  chain: { valid: boolean };
};

const suffix = randomUUID().slice(0, 8);
let operator: string;
let enterpriseToken: string;
let departmentToken: string;
let enterpriseId: string;
let unitId: string;

const act = (token: string, issueId: string, action: string, body: unknown = {}) =>
  actOnIssue<Issue>(token, issueId, action, body);

const raise = async () => {
  const response = await api<Issue>('POST', '/issues', {
    token: enterpriseToken,
    headers: { 'Idempotency-Key': `e2e-issue-${randomUUID()}` },
    body: { enterpriseId, category: 'housing', title: '员工宿舍不足', description: '800 余名员工需要宿舍' },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
};

beforeAll(async () => {
  operator = await tokenFor('operator');
  const place = await createTownWithGrid(operator, { code: 'E2E-I', town: '长安镇', grid: '长安一网格' });
  enterpriseId = await createEnterpriseIn(operator, place, {
    name: '海宁经编新材料有限公司',
    industry: 'warp_knitting',
  });
  unitId = await create(operator, '/units', {
    code: `E2E-ID-${suffix}`,
    name: '新区服务中心',
    kind: 'department',
    category: 'class1',
  });
  enterpriseToken = await tokenFor('enterprise', { enterpriseId });
  departmentToken = await tokenFor('department', { unitId });
});

describe('an issue over HTTP', () => {
  it('runs raise → escalate → resolution → unsatisfied → re-review → resolution → satisfied → closed, all in the ledger', async () => {
    const raised = await raise();
    expect(raised).toMatchObject({ status: 'open', version: 1, reReviewCount: 0 });

    const escalated = await act(operator, raised.id, 'escalate', { unitId, dueWorkingDays: 5 });
    expect(escalated).toMatchObject({ status: 'assigned', assignment: { unitId } });
    expect(escalated.executionArn).toMatch(new RegExp(`:${raised.id}$`));

    expect(
      await act(departmentToken, raised.id, 'resolution', { resolution: '协调新区公寓 200 套' }),
    ).toMatchObject({
      status: 'awaiting_feedback',
    });
    expect(
      await act(enterpriseToken, raised.id, 'feedback', { verdict: 'unsatisfied', comment: '房源不够' }),
    ).toMatchObject({ status: 'assigned', reReviewCount: 1, assignment: { unitId } });
    expect(
      await act(departmentToken, raised.id, 'resolution', { resolution: '一周内再落实 600 套' }),
    ).toMatchObject({
      status: 'awaiting_feedback',
    });
    const closed = await act(enterpriseToken, raised.id, 'feedback', { verdict: 'satisfied' });
    expect(closed).toMatchObject({ status: 'closed', closure: 'satisfied', reReviewCount: 1 });
    // Operators are linked to the execution (locally its /_local/executions entry); the enterprise is not.
    const { body: seenByOperator } = await api<Issue>('GET', `/issues/${raised.id}`, { token: operator });
    expect(seenByOperator.executionLink).toBe(`/_local/executions/${raised.id}`);
    const execution = await api<{ name: string }>('GET', seenByOperator.executionLink ?? '');
    expect(execution.body.name).toBe(raised.id);
    const { body: seenByEnterprise } = await api<Issue>('GET', `/issues/${raised.id}`, {
      token: enterpriseToken,
    });
    expect(seenByEnterprise).not.toHaveProperty('executionLink');

    // The ledger is the program's; an enterprise reads its issue's timeline instead.
    const asEnterprise = await api<Problem>('GET', `/issues/${raised.id}/ledger`, { token: enterpriseToken });
    expect(asEnterprise.status).toBe(403);
    const { status, body: ledger } = await api<Ledger>('GET', `/issues/${raised.id}/ledger`, {
      token: operator,
    });
    expect(status).toBe(200);
    expect(ledger.chain.valid).toBe(true);
    expect(ledger.items.map((entry) => entry.seq)).toEqual(ledger.items.map((_, i) => i + 1));
    expect(ledger.items).toHaveLength(closed.version);
    expect(ledger.items.map((entry) => [entry.action, entry.toStatus, entry.actor.role])).toEqual([
      ['raised', 'open', 'enterprise'],
      ['escalated', 'assigned', 'operator'],
      ['resolved', 'awaiting_feedback', 'department'],
      ['re_review', 'assigned', 'enterprise'],
      ['resolved', 'awaiting_feedback', 'department'],
      ['closed', 'closed', 'enterprise'],
    ]);
    expect(await executionStatus(operator, raised.id)).toBe('SUCCEEDED');
  });

  it('answers 409 INVALID_TRANSITION to a call the status does not allow, changing nothing', async () => {
    const raised = await raise();

    const { status, body } = await api<Problem>('POST', `/issues/${raised.id}/feedback`, {
      token: enterpriseToken,
      body: { verdict: 'satisfied' },
    });

    expect(status).toBe(409);
    expect(body.code).toBe('INVALID_TRANSITION');
    const after = await api<Issue>('GET', `/issues/${raised.id}`, { token: enterpriseToken });
    expect(after.body).toMatchObject({ status: 'open', version: 1 });
  });

  it('answers 404 outside the caller’s scope and 403 to a role that may look but not act', async () => {
    const raised = await raise();
    const stranger = await tokenFor('enterprise', { enterpriseId: `E2E-OTHER-${suffix}` });
    const otherUnit = await tokenFor('department', { unitId: `E2E-UNIT-${suffix}` });

    const asStranger = await api<Problem>('GET', `/issues/${raised.id}`, { token: stranger });
    const asOtherUnit = await api<Problem>('GET', `/issues/${raised.id}/ledger`, { token: otherUnit });
    const strangerVerdict = await api<Problem>('POST', `/issues/${raised.id}/feedback`, {
      token: stranger,
      body: { verdict: 'satisfied' },
    });
    const leaderDispatch = await api<Problem>('POST', `/issues/${raised.id}/dispatch`, {
      token: await tokenFor('leader'),
      body: { unitId },
    });

    expect([asStranger.status, asOtherUnit.status, strangerVerdict.status]).toEqual([404, 404, 404]);
    expect(asStranger.body.code).toBe('NOT_FOUND');
    expect(leaderDispatch.status).toBe(403);
    const listed = await api<{ items: Issue[] }>('GET', '/issues', { token: stranger });
    expect(listed.body.items).toEqual([]);
  });
});
