import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { handler as issues } from '../../functions/api/issues/handler';
import { handler as scoring } from '../../functions/api/scoring/handler';
import { tableNames } from '../../shared/config';
import { documentClient } from '../../shared/db/client';
import { scoringKeys } from '../../shared/db/keys';
import { programDateOf } from '../../shared/domain/calendar';
import { quarterOf } from '../../shared/domain/issues/quarter';
import { claimsFor, invoke } from '../../tools/lambda-events';
import { act, createEnterprise, departmentOf, raiseIssue } from './issue-fixtures';
import { createDepartment, operator } from './master-data-fixtures';
import { createRankedUnit, putPartyPoints } from './scoring-fixtures';

describe('PUT /units/{unitId}/party-points/{quarter}', () => {
  it('creates once without If-Match, then changes only with the version read', async () => {
    // Prepare
    const unitId = await createRankedUnit('towns', '党建测试镇');

    // Act + Assess
    const created = await putPartyPoints(unitId, '2026Q4', 88.5);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      unitId,
      quarter: '2026Q4',
      points: 88.5,
      version: 1,
      updatedBy: 'test-operator',
    });
    expect(created.headers?.etag).toBe('"1"');

    const blind = await putPartyPoints(unitId, '2026Q4', 90);
    expect(blind.status).toBe(428);
    expect(blind.body).toMatchObject({ code: 'PRECONDITION_REQUIRED' });

    const updated = await putPartyPoints(unitId, '2026Q4', 91, 1);
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ points: 91, version: 2 });

    const stale = await putPartyPoints(unitId, '2026Q4', 92, 1);
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ code: 'VERSION_MISMATCH' });

    const read = await invoke(scoring, {
      routeKey: 'GET /units/{unitId}/party-points/{quarter}',
      pathParameters: { unitId, quarter: '2026Q4' },
      claims: claimsFor('leader'),
    });
    expect(read.body).toMatchObject({ points: 91, version: 2 });
  });

  it('refuses points outside 0–100, a malformed quarter, an unknown unit and a non-operator', async () => {
    const unitId = await createRankedUnit('class1', '党建测试局');
    expect((await putPartyPoints(unitId, '2026Q4', 101)).status).toBe(400);
    expect((await putPartyPoints(unitId, '2026Q5', 80)).status).toBe(400);
    expect((await putPartyPoints('NO-SUCH-UNIT', '2026Q4', 80)).status).toBe(404);
    const byLeader = await invoke(scoring, {
      routeKey: 'PUT /units/{unitId}/party-points/{quarter}',
      pathParameters: { unitId, quarter: '2026Q4' },
      body: { points: 80 },
      claims: claimsFor('leader'),
    });
    expect(byLeader.status).toBe(403);
  });

  it('answers 404 for a quarter not ranked yet', async () => {
    const result = await invoke(scoring, {
      routeKey: 'GET /rankings/{quarter}',
      pathParameters: { quarter: '1999Q1' },
      claims: claimsFor('leader'),
    });
    expect(result.status).toBe(404);
  });
});

describe('POST /issues/{issueId}/mark-unreasonable', () => {
  it('records the reason in the ledger and moves what the issue counted to the unreasonable counters', async () => {
    // Prepare: assigned, resolved and closed satisfied today.
    const enterprise = await createEnterprise();
    const unitId = (await createDepartment()).id;
    const { id } = await raiseIssue(enterprise.id);
    await act(id, 'escalate', operator, { unitId, dueWorkingDays: 3 });
    await act(id, 'resolution', departmentOf(unitId), { resolution: '已答复' });
    await act(id, 'feedback', claimsFor('enterprise', { enterpriseId: enterprise.id }), {
      verdict: 'satisfied',
    });
    const quarter = quarterOf(programDateOf(new Date().toISOString()));

    // Act
    const byDepartment = await invoke(issues, {
      routeKey: 'POST /issues/{issueId}/mark-unreasonable',
      pathParameters: { issueId: id },
      body: { reason: '诉求超出政策范围' },
      claims: departmentOf(unitId),
    });
    const marked = await act(id, 'mark-unreasonable', operator, { reason: '诉求超出政策范围' });
    const again = await invoke(issues, {
      routeKey: 'POST /issues/{issueId}/mark-unreasonable',
      pathParameters: { issueId: id },
      body: { reason: '再次标记' },
      claims: operator,
    });

    // Assess
    expect(byDepartment.status).toBe(403);
    expect(marked).toMatchObject({
      status: 'closed',
      unreasonable: { reason: '诉求超出政策范围', by: 'test-operator' },
    });
    expect(marked).not.toHaveProperty('counted');
    expect(again.status).toBe(409);
    const ledger = await invoke(issues, {
      routeKey: 'GET /issues/{issueId}/ledger',
      pathParameters: { issueId: id },
      claims: operator,
    });
    const last = (ledger.body as { items: Array<Record<string, unknown>> }).items.at(-1);
    expect(last).toMatchObject({
      action: 'marked_unreasonable',
      fromStatus: 'closed',
      toStatus: 'closed',
      data: { reason: '诉求超出政策范围', excludedFrom: [{ unitId, quarter }] },
    });
    const { Item } = await documentClient.send(
      new GetCommand({
        TableName: tableNames.program,
        Key: scoringKeys.unitQuarterCounters(unitId, quarter),
      }),
    );
    expect(Item).toMatchObject({
      assigned: 0,
      resolvedOnTime: 0,
      verdictSatisfied: 0,
      unreasonableAssigned: 1,
      unreasonableResolvedOnTime: 1,
      unreasonableVerdictSatisfied: 1,
      unreasonableIssues: 1,
    });
  });
});
