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
  closure?: string;
  verdict?: { verdict: string; channel?: string };
  followUps?: { outcome: string; channel: string }[];
  assignment?: {
    unitId: string;
    dueDate: string;
    dispatchOrderId?: string;
    signedForOn?: string;
    coUnits?: { unitId: string; dueDate: string }[];
    coReports?: { unitId: string; text: string }[];
    returnRequest?: { ordinal: number; decider: string };
  };
};
type Timeline = { items: { at: string; step: string; text: string }[] };
type DispatchOrder = {
  id: string;
  number: string;
  kind: string;
  date: string | null;
  items: { issueId: string; leadUnitId: string; coUnitIds: string[]; dueDate: string }[];
};

const suffix = randomUUID().slice(0, 8);
let operator: string;
let leader: string;
let enterpriseToken: string;
let enterpriseId: string;
const units: Record<'lead' | 'co1' | 'co2', { id: string; token: string }> = {} as never;

const act = (token: string, issueId: string, action: string, body: unknown = {}) =>
  actOnIssue<Issue>(token, issueId, action, body);

const raise = async (title = '厂房用地指标不足') => {
  const response = await api<Issue>('POST', '/issues', {
    token: enterpriseToken,
    headers: { 'Idempotency-Key': `e2e-case-${randomUUID()}` },
    body: { enterpriseId, category: 'land', title, description: '扩产需要新增用地 20 亩' },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
};

/** What the office writes for itself; none of it may ever reach the enterprise. */
const INTERNAL = ['内部协办意见甲', '内部协办意见乙', '电话无人接听', '王经理', '内部退单理由', '驳回理由'];

/** The enterprise's own view of the issue and its timeline, checked for every internal word. */
const enterpriseSees = async (issueId: string) => {
  const timeline = await api<Timeline>('GET', `/issues/${issueId}/timeline`, { token: enterpriseToken });
  const issue = await api<Issue>('GET', `/issues/${issueId}`, { token: enterpriseToken });
  expect(timeline.status).toBe(200);
  expect(issue.status).toBe(200);
  const seen = JSON.stringify([timeline.body, issue.body]);
  for (const word of INTERNAL) expect(seen, `the enterprise sees "${word}"`).not.toContain(word);
  return { timeline: timeline.body.items, issue: issue.body };
};

beforeAll(async () => {
  operator = await tokenFor('operator');
  leader = await tokenFor('leader');
  const place = await createTownWithGrid(operator, { code: 'E2E-C', town: '斜桥镇', grid: '斜桥一网格' });
  enterpriseId = await createEnterpriseIn(operator, place, {
    name: '海宁皮革制品有限公司',
    industry: 'leather',
  });
  enterpriseToken = await tokenFor('enterprise', { enterpriseId });
  for (const [key, name] of [
    ['lead', '自然资源和规划局'],
    ['co1', '发展和改革局'],
    ['co2', '经济和信息化局'],
  ] as const) {
    const id = await create(operator, '/units', {
      code: `E2E-C${key}-${suffix}`,
      name,
      kind: 'department',
      category: 'class1',
    });
    units[key] = { id, token: await tokenFor('department', { unitId: id }) };
  }
});

describe('case handling as the office runs it', () => {
  it('escalates with two co-units → signed for → co-units report → lead resolves → two unreached calls → basically satisfied by phone → closed, the enterprise never seeing an internal reason', async () => {
    const raised = await raise();
    const { lead, co1, co2 } = units;

    const escalated = await act(operator, raised.id, 'escalate', {
      unitId: lead.id,
      coUnitIds: [co1.id, co2.id],
      dueWorkingDays: 10,
    });
    expect(escalated.assignment?.coUnits?.map((part) => part.unitId)).toEqual([co1.id, co2.id]);
    expect((await enterpriseSees(raised.id)).timeline.map((step) => step.step)).toEqual([
      'received',
      'assigned',
    ]);

    const signed = await act(lead.token, raised.id, 'sign-for');
    expect(signed.assignment?.signedForOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // A co-unit may not sign for the lead, nor report for another unit.
    expect(
      (await api<Problem>('POST', `/issues/${raised.id}/sign-for`, { token: co1.token, body: {} })).status,
    ).toBe(403);

    await act(co1.token, raised.id, 'co-reports', { text: '内部协办意见甲：用地指标可调剂' });
    const reported = await act(co2.token, raised.id, 'co-reports', { text: '内部协办意见乙：列入技改项目' });
    expect(reported.assignment?.coReports?.map((report) => report.unitId)).toEqual([co1.id, co2.id]);
    await enterpriseSees(raised.id);

    const resolved = await act(lead.token, raised.id, 'resolution', { resolution: '已调剂用地指标 20 亩' });
    expect(resolved.status).toBe('awaiting_feedback');
    await enterpriseSees(raised.id);

    for (const attempt of [1, 2]) {
      const called = await act(operator, raised.id, 'follow-ups', {
        channel: 'phone',
        contact: '王经理',
        outcome: 'not_reached',
        note: `电话无人接听（第 ${attempt} 次）`,
      });
      expect(called).toMatchObject({ status: 'awaiting_feedback' });
      expect(called.followUps).toHaveLength(attempt);
      await enterpriseSees(raised.id);
    }

    const closed = await act(operator, raised.id, 'follow-ups', {
      channel: 'phone',
      contact: '王经理',
      outcome: 'reached',
      verdict: 'basically_satisfied',
    });
    expect(closed).toMatchObject({
      status: 'closed',
      closure: 'basically_satisfied',
      verdict: { verdict: 'basically_satisfied', channel: 'phone' },
    });
    expect(closed.followUps?.map((attempt) => attempt.outcome)).toEqual([
      'not_reached',
      'not_reached',
      'reached',
    ]);

    const seen = await enterpriseSees(raised.id);
    expect(seen.timeline.map((step) => step.step)).toEqual([
      'received',
      'assigned',
      'resolved',
      'verdict_requested',
      'verdict',
      'closed',
    ]);
    expect(seen.timeline[1]?.text).toContain('自然资源和规划局');
    expect(seen.issue.followUps).toBeUndefined();
    expect(seen.issue.assignment?.coReports).toBeUndefined();
    expect(
      (await api<Problem>('GET', `/issues/${raised.id}/ledger`, { token: enterpriseToken })).status,
    ).toBe(403);

    const ledger = await api<{ items: { action: string; visibility?: string }[]; chain: { valid: boolean } }>(
      'GET',
      `/issues/${raised.id}/ledger`,
      { token: operator },
    );
    expect(ledger.body.chain.valid).toBe(true);
    expect(ledger.body.items.map((entry) => [entry.action, entry.visibility])).toEqual([
      ['raised', 'public'],
      ['escalated', 'public'],
      ['signed_for', 'internal'],
      ['co_reported', 'internal'],
      ['co_reported', 'internal'],
      ['resolved', 'public'],
      ['follow_up_recorded', 'internal'],
      ['follow_up_recorded', 'internal'],
      ['closed', 'public'],
    ]);
    expect(await executionStatus(operator, raised.id)).toBe('SUCCEEDED');
  });

  it('keeps a rejected return with its unit and deadline; a second return goes to a leader', async () => {
    const raised = await raise('环评审批进度慢');
    const { lead } = units;
    const escalated = await act(operator, raised.id, 'escalate', { unitId: lead.id, dueWorkingDays: 5 });
    const returnRequest = { reasonCode: 'not_our_remit', note: '内部退单理由：属生态环境局职责' };

    const requested = await act(lead.token, raised.id, 'return', returnRequest);
    expect(requested).toMatchObject({
      status: 'assigned',
      assignment: { returnRequest: { ordinal: 1, decider: 'office' } },
    });
    const rejected = await act(operator, raised.id, 'return-decision', {
      accept: false,
      reason: '驳回理由：属本部门审批',
    });
    expect(rejected.status).toBe('assigned');
    expect(rejected.assignment).toMatchObject({ unitId: lead.id, dueDate: escalated.assignment?.dueDate });
    expect(rejected.assignment?.returnRequest).toBeUndefined();

    const second = await act(lead.token, raised.id, 'return', returnRequest);
    expect(second.assignment?.returnRequest).toMatchObject({ ordinal: 2, decider: 'leader' });
    const byOperator = await api<Problem>('POST', `/issues/${raised.id}/return-decision`, {
      token: operator,
      body: { accept: true, reason: '同意' },
    });
    expect(byOperator.status).toBe(403);
    const accepted = await act(leader, raised.id, 'return-decision', { accept: true, reason: '同意改派' });
    expect(accepted.status).toBe('awaiting_dispatch');
    expect(accepted.assignment).toBeUndefined();

    const seen = await enterpriseSees(raised.id);
    expect(seen.timeline.map((step) => step.step)).toEqual(['received', 'assigned', 'dispatching']);
  });

  it('writes every office dispatch into the day’s numbered dispatch order, numbers running without gaps', async () => {
    const first = await act(operator, (await raise('用电增容')).id, 'escalate', { unitId: units.lead.id });
    const second = await act(operator, (await raise('融资担保')).id, 'escalate', {
      unitId: units.co1.id,
      coUnitIds: [units.co2.id],
    });
    const orderId = first.assignment?.dispatchOrderId;
    expect(orderId).toBeDefined();
    expect(second.assignment?.dispatchOrderId).toBe(orderId);

    const order = await api<DispatchOrder>('GET', `/dispatch-orders/${orderId}`, { token: operator });
    expect(order.status).toBe(200);
    expect(order.body).toMatchObject({ kind: 'office' });
    expect(order.body.number).toMatch(/^\d{4}-\d{4,}$/);
    expect(order.body.items.map((line) => line.issueId)).toEqual(
      expect.arrayContaining([first.id, second.id]),
    );
    // The co-unit's department reads the order, only the lines naming its unit.
    const asCoUnit = await api<DispatchOrder>('GET', `/dispatch-orders/${orderId}`, {
      token: units.co2.token,
    });
    expect(asCoUnit.body.items.map((line) => line.issueId)).toContain(second.id);
    expect(asCoUnit.body.items.map((line) => line.issueId)).not.toContain(first.id);
    for (const line of asCoUnit.body.items) {
      expect([line.leadUnitId, ...line.coUnitIds]).toContain(units.co2.id);
    }

    const list = await api<{ items: DispatchOrder[] }>('GET', '/dispatch-orders?limit=100', {
      token: operator,
    });
    const year = order.body.number.slice(0, 4);
    const seqs = list.body.items
      .filter((item) => item.number.startsWith(year))
      .map((item) => Number(item.number.slice(5)))
      .sort((a, b) => a - b);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  });
});
