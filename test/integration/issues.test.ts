import { beforeAll, describe, expect, it } from 'vitest';
import { claimsFor, invoke } from '../../tools/lambda-events';
import { issueFunctions as consultations, issueFunctions as handler } from '../support/issue-functions';
import { act, createEnterprise, departmentOf, issueAwaitingConsultation, raiseIssue } from './issue-fixtures';
import { createDepartment, operator } from './master-data-fixtures';

let enterprise: { id: string; gridId: string };
let unitId: string;

const list = (claims: Record<string, string | string[]>, query: Record<string, string> = {}) =>
  invoke(handler, { routeKey: 'GET /issues', claims, query: { limit: '100', ...query } });

const ledgerOf = (issueId: string) =>
  invoke(handler, {
    routeKey: 'GET /issues/{issueId}/ledger',
    pathParameters: { issueId },
    claims: operator,
  });

beforeAll(async () => {
  enterprise = await createEnterprise();
  unitId = (await createDepartment()).id;
});

describe('issues against DynamoDB Local', () => {
  it('raises one issue for two requests with the same Idempotency-Key, replaying the first answer', async () => {
    const { id: enterpriseId } = await createEnterprise();
    const own = claimsFor('enterprise', { enterpriseId });

    const first = await raiseIssue(enterpriseId, own, 'same-key-0001');
    const again = await raiseIssue(enterpriseId, own, 'same-key-0001');

    expect(again).toEqual(first);
    const listed = await list(own);
    expect(listed.body?.items?.map((item) => item.id)).toEqual([first.id]);
  });

  it('keeps ledger length equal to the version, and the chain verifying, through a whole course of commands', async () => {
    const own = claimsFor('enterprise', { enterpriseId: enterprise.id });
    const unit = departmentOf(unitId);
    const { id } = await raiseIssue(enterprise.id);
    await act(id, 'escalate', operator, { unitId, dueWorkingDays: 3 });
    await act(id, 'progress', unit, { note: '已约谈企业' });
    await act(id, 'extension', unit, { workingDays: 2, reason: '需要现场勘查' });
    await act(id, 'extension/approve', operator);
    await act(id, 'resolution', unit, { resolution: '已协调用地指标' });
    const reReview = await act(id, 'feedback', own, { verdict: 'unsatisfied', comment: '指标不足' });
    expect(reReview).toMatchObject({ status: 'assigned', reReviewCount: 1 });
    await act(id, 'resolution', unit, { resolution: '追加指标' });
    const closed = await act(id, 'feedback', own, { verdict: 'satisfied' });

    expect(closed).toMatchObject({ status: 'closed', closure: 'satisfied', version: 9 });
    const { body } = await ledgerOf(id);
    expect(body?.items?.map((entry) => entry.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(body?.items?.map((entry) => entry.action)).toEqual([
      'raised',
      'escalated',
      'progress_reported',
      'extension_requested',
      'extension_approved',
      'resolved',
      're_review',
      'resolved',
      'closed',
    ]);
    expect(body?.chain).toEqual({ valid: true });
  });

  it("shows an enterprise what officials did, never their user ids or the workflow's execution ARN", async () => {
    const own = claimsFor('enterprise', { enterpriseId: enterprise.id });
    const { id } = await raiseIssue(enterprise.id);
    await act(id, 'escalate', operator, { unitId, dueWorkingDays: 3 });
    await act(id, 'mark-unreasonable', operator, { reason: '超出政策范围' });
    const asOperator = await invoke(handler, {
      routeKey: 'GET /issues/{issueId}',
      pathParameters: { issueId: id },
      claims: operator,
    });
    expect(asOperator.body).toMatchObject({
      raisedBy: { sub: 'test-operator', role: 'operator' },
      executionArn: expect.any(String),
      unreasonable: { by: 'test-operator' },
    });
    const read = await invoke(handler, {
      routeKey: 'GET /issues/{issueId}',
      pathParameters: { issueId: id },
      claims: own,
    });
    const listed = (await list(own)).body?.items?.find((item) => item.id === id);
    for (const seen of [read.body, listed]) {
      expect(seen).toMatchObject({ raisedBy: { role: 'operator' } });
      expect(seen).not.toHaveProperty('executionArn');
      expect(seen).not.toHaveProperty('raisedBy.sub');
      // The unreasonable-demand marking is the program's internal judgement (public-view.ts).
      expect(seen).not.toHaveProperty('unreasonable');
      expect(JSON.stringify(seen)).not.toContain('test-operator');
    }
    const ledger = await invoke(handler, {
      routeKey: 'GET /issues/{issueId}/ledger',
      pathParameters: { issueId: id },
      claims: own,
    });
    // The ledger is the program's record, not the enterprise's: it reads the public timeline instead.
    expect(ledger.status).toBe(403);
  });

  it('shows a department exactly the issues its unit leads or co-handles', async () => {
    const [lead, co, other] = (await Promise.all(
      [1, 2, 3].map(async () => (await createDepartment()).id),
    )) as [string, string, string];
    const led = (await raiseIssue(enterprise.id)).id;
    await act(led, 'escalate', operator, { unitId: lead, dueWorkingDays: 3 });
    const elsewhere = (await raiseIssue(enterprise.id)).id;
    await act(elsewhere, 'escalate', operator, { unitId: other, dueWorkingDays: 3 });
    const coHandled = await issueAwaitingConsultation(enterprise.id, other);
    const { body: consultation } = await invoke(consultations, {
      routeKey: 'POST /consultations',
      body: { date: '2031-06-02' },
      claims: operator,
    });
    const decided = await invoke(consultations, {
      routeKey: 'POST /consultations/{consultationId}/decisions',
      pathParameters: { consultationId: String(consultation?.id) },
      body: {
        issueId: coHandled,
        leadUnitId: other,
        coUnitIds: [co, lead],
        dueWorkingDays: 5,
        note: '联合办理',
      },
      claims: claimsFor('leader'),
    });
    expect(decided.status).toBe(200);

    const ids = async (unit: string, query?: Record<string, string>) =>
      ((await list(departmentOf(unit), query)).body?.items ?? []).map((item) => item.id).sort();

    expect(await ids(lead)).toEqual([led, coHandled].sort());
    expect(await ids(co)).toEqual([coHandled]);
    expect(await ids(other)).toEqual([elsewhere, coHandled].sort());
    expect(await ids(lead, { status: 'assigned', enterpriseId: enterprise.id })).toEqual(
      [led, coHandled].sort(),
    );
    expect(await ids(lead, { unitId: other })).toEqual([]);
    const outside = await invoke(handler, {
      routeKey: 'GET /issues/{issueId}',
      pathParameters: { issueId: elsewhere },
      claims: departmentOf(lead),
    });
    expect(outside.status).toBe(404);
  });

  it("pages through an operator's list of one enterprise's issues with the cursor, newest first, each once", async () => {
    const { id: enterpriseId } = await createEnterprise();
    const raised = [];
    for (let i = 0; i < 5; i++) raised.push((await raiseIssue(enterpriseId)).id);

    const seen: unknown[] = [];
    let cursor: string | undefined;
    do {
      const { body } = await list(operator, { enterpriseId, limit: '2', ...(cursor ? { cursor } : {}) });
      seen.push(...(body?.items ?? []).map((item) => item.id));
      cursor = body?.nextCursor ?? undefined;
    } while (cursor);

    expect(seen).toEqual([...raised].reverse());
  });

  it('filters a list on the whole issues, which the keys-only index it reads does not hold', async () => {
    const { id: enterpriseId } = await createEnterprise();
    const [first, escalated, last] = [
      (await raiseIssue(enterpriseId)).id,
      (await raiseIssue(enterpriseId)).id,
      (await raiseIssue(enterpriseId)).id,
    ];
    await act(escalated, 'escalate', operator, { unitId, dueWorkingDays: 3 });
    const ids = async (claims: Record<string, string | string[]>, query: Record<string, string>) =>
      ((await list(claims, query)).body?.items ?? []).map((item) => item.id);
    const own = claimsFor('enterprise', { enterpriseId });

    // The enterprise's partition (IGSI1): status and category are tested after the issues are read.
    expect(await ids(operator, { enterpriseId, status: 'open' })).toEqual([last, first]);
    expect(await ids(own, { status: 'assigned' })).toEqual([escalated]);
    expect(await ids(own, { category: 'land' })).toEqual([last, escalated, first]);
    expect(await ids(own, { category: 'tax' })).toEqual([]);
    // The unit's partition (IGSI2) with a filter on the enterprise.
    expect(await ids(departmentOf(unitId), { enterpriseId })).toEqual([escalated]);
  });
});
