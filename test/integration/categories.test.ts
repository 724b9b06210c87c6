import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { handler as enterprises } from '../../functions/api/enterprises/handler';
import { handler as reports } from '../../functions/api/reports/handler';
import { handler as units } from '../../functions/api/units/handler';
import { programDateOf } from '../../shared/domain/calendar';
import { claimsFor, invoke } from '../../tools/lambda-events';
import { randomCreditCode } from '../support/credit-codes';
import { issueFunctions as issues } from '../support/issue-functions';
import { act, createEnterprise } from './issue-fixtures';
import { createDepartment, createGrid, createTown, operator } from './master-data-fixtures';

/** Category codes carry a run-unique suffix: the tables are shared by every test file of a run. */
const uniqueCode = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

const putCategory = (code: string, body: unknown, version?: number, claims = operator) =>
  invoke(units, {
    routeKey: 'PUT /categories/{code}',
    pathParameters: { code },
    body,
    claims,
    headers: version === undefined ? {} : { 'if-match': `"${version}"` },
  });

const raise = async (enterpriseId: string, body: Record<string, unknown>) => {
  const result = await invoke(issues, {
    routeKey: 'POST /issues',
    body: { enterpriseId, category: 'land', title: '用地指标', description: '扩建缺少用地指标', ...body },
    headers: { 'idempotency-key': randomUUID() },
    claims: operator,
  });
  expect(result.status, JSON.stringify(result.body)).toBe(201);
  return result.body as { id: string; type: string; category: string };
};

const readIssue = async (issueId: string, claims = operator) =>
  (await invoke(issues, { routeKey: 'GET /issues/{issueId}', pathParameters: { issueId }, claims }))
    .body as Record<string, unknown>;

interface Listed {
  items: { id: string }[];
  nextCursor: string | null;
}

/** Every page of GET /issues with these filters: the ids in order and how many requests it took. */
const walk = async (query: Record<string, string>, limit: number) => {
  const ids: string[] = [];
  let cursor: string | null = null;
  let requests = 0;
  do {
    const result = await invoke(issues, {
      routeKey: 'GET /issues',
      query: { ...query, limit: String(limit), ...(cursor ? { cursor } : {}) },
      claims: operator,
    });
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    const page = result.body as unknown as Listed;
    ids.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor;
    requests += 1;
  } while (cursor && requests < 50);
  return { ids, requests, ended: cursor === null };
};

describe('the problem taxonomy (GET /categories, PUT /categories/{code})', () => {
  it('creates a category without If-Match, changes it only with the version read, and lists it', async () => {
    const code = uniqueCode('land');
    const department = await createDepartment();
    const other = await createDepartment();

    const created = await putCategory(code, { name: '土地和厂房', defaultUnitId: department.id });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      code,
      name: '土地和厂房',
      defaultUnitId: department.id,
      version: 1,
    });

    const blind = await putCategory(code, { name: '覆盖', defaultUnitId: other.id });
    expect(blind.status).toBe(428);
    const changed = await putCategory(code, { name: '土地和厂房', defaultUnitId: other.id }, 1);
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ defaultUnitId: other.id, version: 2 });
    const stale = await putCategory(code, { name: '再改', defaultUnitId: department.id }, 1);
    expect(stale.status).toBe(412);

    const listed = await invoke(units, {
      routeKey: 'GET /categories',
      claims: claimsFor('enterprise', { enterpriseId: 'E1' }),
    });
    expect(listed.status).toBe(200);
    const items = (listed.body as { items: { code: string }[] }).items;
    expect(items.find((item) => item.code === code)).toMatchObject({ defaultUnitId: other.id, version: 2 });
    expect(items.map((item) => item.code)).toEqual([...items.map((item) => item.code)].sort());
  });

  it('refuses an unknown default unit, a town as default unit and a malformed code, writing nothing', async () => {
    const code = uniqueCode('refused');
    const town = await createTown();

    const unknown = await putCategory(code, { name: '未知', defaultUnitId: 'NO-SUCH-UNIT' });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({
      code: 'UNKNOWN_REFERENCE',
      errors: [{ path: 'body.defaultUnitId' }],
    });
    const byTown = await putCategory(code, { name: '镇', defaultUnitId: town.id });
    expect(byTown.status).toBe(400);
    expect(byTown.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ path: 'body.defaultUnitId' }],
    });
    const malformed = await putCategory('Land Use', { name: '空格', defaultUnitId: town.id });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ errors: [{ path: 'params.code' }] });

    const listed = await invoke(units, { routeKey: 'GET /categories', claims: operator });
    expect((listed.body as { items: { code: string }[] }).items.map((item) => item.code)).not.toContain(code);
  });

  it("suggests the category's default unit while none is chosen, to officials only, and never assigns it", async () => {
    const code = uniqueCode('finance');
    const department = await createDepartment();
    await putCategory(code, { name: '融资需求', defaultUnitId: department.id });
    const enterprise = await createEnterprise();
    const issue = await raise(enterprise.id, { category: code });

    expect(await readIssue(issue.id)).toMatchObject({ status: 'open', suggestedUnitId: department.id });
    const owner = claimsFor('enterprise', { enterpriseId: enterprise.id });
    expect(await readIssue(issue.id, owner)).not.toHaveProperty('suggestedUnitId');

    await act(issue.id, 'escalate', operator, {});
    const awaiting = await readIssue(issue.id);
    expect(awaiting).toMatchObject({ status: 'awaiting_dispatch', suggestedUnitId: department.id });
    expect(awaiting).not.toHaveProperty('assignment');
    const queue = await invoke(issues, {
      routeKey: 'GET /issues',
      query: { enterpriseId: enterprise.id, status: 'awaiting_dispatch' },
      claims: operator,
    });
    expect((queue.body as { items: unknown[] }).items).toEqual([
      expect.objectContaining({ id: issue.id, suggestedUnitId: department.id }),
    ]);

    const other = await createDepartment();
    await act(issue.id, 'dispatch', operator, { unitId: other.id });
    const dispatched = await readIssue(issue.id);
    expect(dispatched).toMatchObject({ status: 'assigned', assignment: { unitId: other.id } });
    expect(dispatched).not.toHaveProperty('suggestedUnitId');
  });

  it('raises an issue of an unlisted category as before (backward compatible)', async () => {
    const enterprise = await createEnterprise();
    const issue = await raise(enterprise.id, { category: '历史分类' });
    expect(issue).toMatchObject({ category: '历史分类', type: 'problem' });
    expect(await readIssue(issue.id)).not.toHaveProperty('suggestedUnitId');
  });
});

describe('GET /issues filters', () => {
  it('filters by category, type, source, town, grid and raised-on period, every page leading on to the end', async () => {
    const enterprise = (await createEnterprise()) as { id: string; gridId: string; townUnitId: string };
    const code = uniqueCode('labour');
    const raised: { id: string; category: string; type: string; source: string }[] = [];
    for (let n = 0; n < 9; n += 1) {
      const body = {
        category: n % 3 === 0 ? code : 'land',
        type: n % 2 === 0 ? 'suggestion' : 'problem',
        source: n % 4 === 0 ? 'hotline' : 'self',
      };
      raised.push({ id: (await raise(enterprise.id, body)).id, ...body });
    }
    const newestFirst = (wanted: (issue: (typeof raised)[number]) => boolean) =>
      raised
        .filter(wanted)
        .map((issue) => issue.id)
        .reverse();
    const today = programDateOf(new Date());
    const yesterday = programDateOf(new Date(Date.now() - 86_400_000));
    const own = { enterpriseId: enterprise.id };

    const byCategory = await walk({ ...own, category: code }, 1);
    expect(byCategory.ids).toEqual(newestFirst((issue) => issue.category === code));
    expect(byCategory.ended).toBe(true);

    // Two of nine match: one page of 2 finds both within its bounded read (5 × limit entries).
    const suggestionsByHotline = await walk({ ...own, type: 'suggestion', source: 'hotline' }, 2);
    expect(suggestionsByHotline.ids).toEqual(
      newestFirst((issue) => issue.type === 'suggestion' && issue.source === 'hotline'),
    );
    expect(suggestionsByHotline.requests).toBeLessThanOrEqual(2);

    const inGrid = await walk({ gridId: enterprise.gridId, type: 'problem' }, 3);
    expect(inGrid.ids).toEqual(newestFirst((issue) => issue.type === 'problem'));
    const inTown = await walk({ townUnitId: enterprise.townUnitId, ...own }, 4);
    expect(inTown.ids).toEqual(newestFirst(() => true));

    expect((await walk({ ...own, from: today, to: today }, 5)).ids).toEqual(newestFirst(() => true));
    expect((await walk({ ...own, to: yesterday }, 5)).ids).toEqual([]);
    expect((await walk({ ...own, from: today, card: 'red' }, 5)).ids).toEqual([]);
  });

  it('refuses a period that ends before it starts, and an unknown filter', async () => {
    const reversed = await invoke(issues, {
      routeKey: 'GET /issues',
      query: { from: '2026-03-02', to: '2026-03-01' },
      claims: operator,
    });
    expect(reversed.status).toBe(400);
    expect(reversed.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'query.to' }] });
    const unknown = await invoke(issues, {
      routeKey: 'GET /issues',
      query: { colour: 'red' },
      claims: operator,
    });
    expect(unknown.status).toBe(400);
  });

  it("keeps a cadre's grid filter inside its grids", async () => {
    const enterprise = await createEnterprise();
    await raise(enterprise.id, {});
    const cadre = claimsFor('cadre', { cadreId: 'NO-TEAMS' });
    const listed = await invoke(issues, {
      routeKey: 'GET /issues',
      query: { gridId: enterprise.gridId },
      claims: cadre,
    });
    expect(listed.body).toEqual({ items: [], nextCursor: null });
  });
});

describe('GET /enterprises lookups', () => {
  it('finds an enterprise by credit code and by the start of its name, within the other filters and the scope', async () => {
    const townUnitId = (await createTown()).id;
    const gridId = (await createGrid(townUnitId)).id;
    const creditCode = randomCreditCode();
    const name = `查找${randomUUID().slice(0, 6)}纺织有限公司`;
    const created = await invoke(enterprises, {
      routeKey: 'POST /enterprises',
      body: { creditCode, name, industry: 'warp_knitting', townUnitId, gridId, aboveScale: false },
      claims: operator,
    });
    expect(created.status).toBe(201);
    const id = (created.body as { id: string }).id;
    const list = async (query: Record<string, string>, claims = operator) =>
      (
        (await invoke(enterprises, { routeKey: 'GET /enterprises', query, claims })).body as unknown as Listed
      ).items.map((item) => item.id);

    expect(await list({ creditCode })).toEqual([id]);
    expect(await list({ creditCode: creditCode.toLowerCase() })).toEqual([id]);
    expect(await list({ creditCode, gridId: 'ANOTHER-GRID' })).toEqual([]);
    expect(await list({ creditCode: randomCreditCode() })).toEqual([]);
    expect(await list({ creditCode }, claimsFor('enterprise', { enterpriseId: 'SOMEONE-ELSE' }))).toEqual([]);
    expect(await list({ creditCode }, claimsFor('enterprise', { enterpriseId: id }))).toEqual([id]);

    expect(await list({ namePrefix: name.slice(0, 8), townUnitId })).toEqual([id]);
    expect(await list({ namePrefix: '不存在的名称', townUnitId })).toEqual([]);
  });
});

describe('/stats by category and type', () => {
  it('counts the issues raised in the period per category and per type, keeping every existing figure', async () => {
    const today = programDateOf(new Date());
    const stats = async () =>
      (await invoke(reports, { routeKey: 'GET /stats', query: { from: today, to: today }, claims: operator }))
        .body as {
        issues: {
          raised: number;
          byCategory: { category: string; raised: number }[];
          byType: { problem: number; suggestion: number };
        };
      };
    const before = await stats();
    const code = uniqueCode('env');
    const enterprise = await createEnterprise();
    await raise(enterprise.id, { category: code, type: 'suggestion' });
    await raise(enterprise.id, { category: code });

    const after = await stats();
    expect(after.issues.byCategory).toContainEqual({ category: code, raised: 2 });
    expect(after.issues.byType.suggestion - before.issues.byType.suggestion).toBeGreaterThanOrEqual(1);
    expect(after.issues.byType.problem - before.issues.byType.problem).toBeGreaterThanOrEqual(1);
    expect(after.issues.raised - before.issues.raised).toBeGreaterThanOrEqual(2);
  });
});
