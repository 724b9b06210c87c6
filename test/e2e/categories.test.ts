import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomCreditCode } from '../support/credit-codes';
import { api, tokenFor } from '../support/e2e';

type Created = { id: string };
interface IssueView {
  id: string;
  status: string;
  type: string;
  category: string;
  suggestedUnitId?: string;
  assignment?: { unitId: string };
}

const suffix = randomUUID().slice(0, 8);
let operator: string;
let enterprise: string;
let enterpriseId: string;
let departmentId: string;
let creditCode: string;

const created = async (path: string, body: unknown, token = operator) => {
  const response = await api<Created>('POST', path, {
    token,
    body,
    headers: { 'Idempotency-Key': `e2e-cat-${randomUUID()}` },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id;
};

beforeAll(async () => {
  operator = await tokenFor('operator');
  const townUnitId = await created('/units', { code: `CAT-T-${suffix}`, name: '分类镇', kind: 'town' });
  departmentId = await created('/units', {
    code: `CAT-D-${suffix}`,
    name: '金融工作服务中心',
    kind: 'department',
    category: 'class1',
  });
  const gridId = await created('/grids', { code: `CAT-G-${suffix}`, name: '分类网格', townUnitId });
  creditCode = randomCreditCode();
  enterpriseId = await created('/enterprises', {
    creditCode,
    name: `分类样例${suffix}有限公司`,
    industry: 'warp_knitting',
    townUnitId,
    gridId,
    aboveScale: true,
  });
  enterprise = await tokenFor('enterprise', { enterpriseId });
});

describe('categories that mean something, over HTTP', () => {
  it('keeps a taxonomy, takes a suggestion, suggests the default unit at dispatch and filters the list', async () => {
    const code = `fin-${suffix}`;

    // The office adds a category; everyone reads the taxonomy.
    const put = await api('PUT', `/categories/${code}`, {
      token: operator,
      body: { name: '融资需求', defaultUnitId: departmentId },
    });
    expect(put.status).toBe(201);
    expect(put.headers.get('etag')).toBe('"1"');
    const taxonomy = await api<{ items: { code: string; defaultUnitId: string }[] }>('GET', '/categories', {
      token: enterprise,
    });
    expect(taxonomy.status).toBe(200);
    expect(taxonomy.body.items).toContainEqual(
      expect.objectContaining({ code, defaultUnitId: departmentId }),
    );
    const byEnterprise = await api('PUT', `/categories/${code}`, {
      token: enterprise,
      body: { name: '改名', defaultUnitId: departmentId },
    });
    expect(byEnterprise.status).toBe(403);

    // The enterprise raises a suggestion (建议) and a problem; the type defaults to problem.
    const raise = async (body: Record<string, unknown>) => {
      const response = await api<IssueView>('POST', '/issues', {
        token: enterprise,
        body: { enterpriseId, category: code, title: '贷款贴息', description: '希望扩大贴息范围', ...body },
        headers: { 'Idempotency-Key': `e2e-cat-${randomUUID()}` },
      });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      return response.body;
    };
    const suggestion = await raise({ type: 'suggestion' });
    const problem = await raise({});
    expect(suggestion.type).toBe('suggestion');
    expect(problem.type).toBe('problem');

    // Escalated without a unit: awaiting dispatch, the category's unit suggested, nothing assigned.
    const escalated = await api<IssueView>('POST', `/issues/${problem.id}/escalate`, {
      token: operator,
      body: {},
    });
    expect(escalated.status).toBe(200);
    const awaiting = await api<IssueView>('GET', `/issues/${problem.id}`, { token: operator });
    expect(awaiting.body).toMatchObject({ status: 'awaiting_dispatch', suggestedUnitId: departmentId });
    expect(awaiting.body.assignment).toBeUndefined();
    const seenByEnterprise = await api<IssueView>('GET', `/issues/${problem.id}`, { token: enterprise });
    expect(seenByEnterprise.body.suggestedUnitId).toBeUndefined();

    // Filters: by type and category within the enterprise; unknown parameters still refused.
    const suggestions = await api<{ items: IssueView[]; nextCursor: string | null }>(
      'GET',
      `/issues?category=${code}&type=suggestion&source=self&limit=10`,
      { token: enterprise },
    );
    expect(suggestions.body).toEqual({
      items: [expect.objectContaining({ id: suggestion.id })],
      nextCursor: null,
    });
    const refused = await api('GET', '/issues?colour=red', { token: operator });
    expect(refused.status).toBe(400);

    // The enterprise is found by its credit code.
    const found = await api<{ items: Created[] }>('GET', `/enterprises?creditCode=${creditCode}`, {
      token: operator,
    });
    expect(found.body.items.map((item) => item.id)).toEqual([enterpriseId]);

    // The figures count both by category and by type.
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const stats = await api<{ issues: { byCategory: { category: string; raised: number }[] } }>(
      'GET',
      `/stats?from=${today}&to=${today}`,
      { token: operator },
    );
    expect(stats.status).toBe(200);
    expect(stats.body.issues.byCategory).toContainEqual({ category: code, raised: 2 });
  });
});
