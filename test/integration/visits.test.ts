import { randomUUID } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { handler as enterprises } from '../../functions/api/enterprises/handler';
import { handler as grids } from '../../functions/api/grids/handler';
import { handler as visits } from '../../functions/api/visits/handler';
import { tableNames } from '../../shared/config';
import { documentClient } from '../../shared/db/client';
import { issueKeys, visitKeys } from '../../shared/db/keys';
import { programDateOf } from '../../shared/domain/calendar/program-date';
import { raisedIssue } from '../../shared/domain/issues/raising';
import { readProgramStats } from '../../shared/repositories/program-stats';
import { findVisit, insertVisit } from '../../shared/repositories/visits';
import { claimsFor, invoke } from '../../tools/lambda-events';
import { randomCreditCode } from '../support/credit-codes';
import { issueFunctions as issues } from '../support/issue-functions';
import { refusalOf } from '../support/refusal';
import { createCadre, createGrid, createTown, operator } from './master-data-fixtures';

const today = programDateOf(new Date());
const thisYear = Number(today.slice(0, 4));

const answers = {
  q1: 'normal',
  q3: 86,
  q6: true,
  q7: 500,
  q8: ['bank_loan'],
  q14: 'somewhat',
  q17: 'basically_satisfied',
  q19: '用电指标紧张，希望协调',
};

const issueInput = (enterpriseId: string, title: string) => ({
  enterpriseId,
  category: 'energy',
  title,
  description: `${title}：企业反映情况，需相关部门协调`,
});

const createEnterpriseIn = async (townUnitId: string, gridId: string) => {
  const { status, body } = await invoke(enterprises, {
    routeKey: 'POST /enterprises',
    body: {
      creditCode: randomCreditCode(),
      name: '海宁走访测试企业',
      industry: 'dyeing',
      townUnitId,
      gridId,
      aboveScale: true,
    },
    claims: operator,
  });
  expect(status).toBe(201);
  return body as { id: string; version: number };
};

const createTeam = async (gridId: string, memberCadreIds: string[]) => {
  const { status, body } = await invoke(grids, {
    routeKey: 'POST /grids/{gridId}/teams',
    pathParameters: { gridId },
    body: { name: '走访小组', memberCadreIds },
    claims: operator,
  });
  expect(status).toBe(201);
  return String(body?.id);
};

/** A town with grid A (three enterprises, a team with cadre X) and grid B (one enterprise, a team without X). */
const program = async () => {
  const townUnitId = (await createTown()).id;
  const [gridA, gridB] = [(await createGrid(townUnitId)).id, (await createGrid(townUnitId)).id];
  const [x, y] = [(await createCadre(townUnitId)).id, (await createCadre(townUnitId)).id];
  const teamA = await createTeam(gridA, [x]);
  const teamB = await createTeam(gridB, [y]);
  const inA = [
    (await createEnterpriseIn(townUnitId, gridA)).id,
    (await createEnterpriseIn(townUnitId, gridA)).id,
    (await createEnterpriseIn(townUnitId, gridA)).id,
  ];
  const inB = (await createEnterpriseIn(townUnitId, gridB)).id;
  return {
    townUnitId,
    gridA,
    gridB,
    teamA,
    teamB,
    inA,
    inB,
    cadreX: claimsFor('cadre', { cadreId: x }),
    cadreY: claimsFor('cadre', { cadreId: y }),
  };
};

const logVisit = (claims: Record<string, string | string[]>, body: unknown, key: string = randomUUID()) =>
  invoke(visits, { routeKey: 'POST /visits', body, claims, headers: { 'idempotency-key': key } });

const coverage = async (gridId: string, year?: number) => {
  const { status, body } = await invoke(visits, {
    routeKey: 'GET /grids/{gridId}/coverage',
    pathParameters: { gridId },
    query: year ? { year: String(year) } : undefined,
    claims: operator,
  });
  expect(status).toBe(200);
  return body;
};

const itemsIn = async (partition: string, index: string) => {
  const { Items } = await documentClient.send(
    new QueryCommand({
      TableName: tableNames.program,
      IndexName: index,
      KeyConditionExpression: `${index.toLowerCase()}pk = :pk`,
      ExpressionAttributeValues: { ':pk': partition },
    }),
  );
  return Items ?? [];
};

/** Everything a visit to the enterprise could have written: visits, issues, its grid's coverage. */
const tracesOf = async (enterpriseId: string) => ({
  visits: (await itemsIn(`VISIT#ENT#${enterpriseId}`, 'GSI2')).length,
  issues: (await itemsIn(`ISSUE#ENT#${enterpriseId}`, issueKeys.byEnterprise(enterpriseId).index)).length,
});

describe('visits against DynamoDB Local', () => {
  it('refuses a visit outside the cadre’s grids with 403 and writes nothing', async () => {
    const p = await program();
    const statsBefore = await readProgramStats('2019-05-20', '2019-05-20');

    const otherGrid = await logVisit(p.cadreX, {
      enterpriseId: p.inB,
      teamId: p.teamA,
      date: '2019-05-20',
      questionnaire: answers,
      issues: [issueInput(p.inB, '用电指标')],
    });
    const notMember = await logVisit(p.cadreX, {
      enterpriseId: p.inB,
      teamId: p.teamB,
      date: '2019-05-20',
      questionnaire: {},
    });

    expect(otherGrid.status).toBe(403);
    expect(otherGrid.body?.code).toBe('FORBIDDEN');
    expect(notMember.status).toBe(403);
    expect(await tracesOf(p.inB)).toEqual({ visits: 0, issues: 0 });
    expect(await coverage(p.gridB, 2019)).toMatchObject({ enterprises: 1, visitedEnterprises: 0, rate: 0 });
    expect(await readProgramStats('2019-05-20', '2019-05-20')).toEqual(statsBefore);
  });

  it('refuses an answer of the wrong type with 400 naming the question, and writes nothing', async () => {
    const p = await program();

    const { status, body } = await logVisit(p.cadreX, {
      enterpriseId: p.inA[0],
      teamId: p.teamA,
      date: today,
      questionnaire: { ...answers, q3: '八十六', q6: 'yes' },
      issues: [issueInput(String(p.inA[0]), '用电指标')],
    });

    expect(status).toBe(400);
    expect(body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [
        { path: 'body.questionnaire.q3', message: 'Expected a whole number' },
        { path: 'body.questionnaire.q6', message: 'Expected true or false' },
      ],
    });
    expect(await tracesOf(String(p.inA[0]))).toEqual({ visits: 0, issues: 0 });
  });

  it('raises both issues of a visit with source visit, linked to it, with their first ledger entries', async () => {
    const p = await program();
    const enterpriseId = String(p.inA[0]);

    const { status, body } = await logVisit(p.cadreX, {
      enterpriseId,
      teamId: p.teamA,
      date: today,
      questionnaire: answers,
      issues: [issueInput(enterpriseId, '用电指标不足'), issueInput(enterpriseId, '员工子女入学')],
    });

    expect(status).toBe(201);
    expect(body).toMatchObject({ gridId: p.gridA, questionnaireVersion: 1, questionnaire: answers });
    const raised = body?.issues as { id: string; source: string; visitId: string; status: string }[];
    expect(raised).toHaveLength(2);
    expect(body?.issueIds).toEqual(raised.map((issue) => issue.id));
    for (const issue of raised) {
      const read = await invoke(issues, {
        routeKey: 'GET /issues/{issueId}',
        pathParameters: { issueId: issue.id },
        claims: p.cadreX,
      });
      expect(read.body).toMatchObject({
        source: 'visit',
        visitId: body?.id,
        status: 'open',
        gridId: p.gridA,
      });
      const ledger = await invoke(issues, {
        routeKey: 'GET /issues/{issueId}/ledger',
        pathParameters: { issueId: issue.id },
        claims: operator,
      });
      expect(ledger.body).toMatchObject({
        items: [{ seq: 1, action: 'raised', data: { source: 'visit', visitId: body?.id } }],
        chain: { valid: true },
      });
    }
  });

  it('writes a visit and its issues all or nothing: a failing issue write leaves no visit and no other issue', async () => {
    const p = await program();
    const enterpriseId = String(p.inA[1]);
    const existing = await invoke(issues, {
      routeKey: 'POST /issues',
      body: issueInput(enterpriseId, '已登记的问题'),
      headers: { 'idempotency-key': randomUUID() },
      claims: operator,
    });
    const enterprise = { id: enterpriseId, gridId: p.gridA, townUnitId: p.townUnitId };
    const at = new Date().toISOString();
    const actor = { sub: 'test-cadre', role: 'cadre' as const };
    const visitId = `01VISITATOMIC${randomUUID().slice(0, 8).toUpperCase()}`;
    const issueFacts = {
      at,
      actor,
      enterprise,
      category: 'energy',
      description: '说明',
      source: 'visit' as const,
      visitId,
    };
    const fresh = raisedIssue({
      ...issueFacts,
      id: `01FRESH${randomUUID().slice(0, 8).toUpperCase()}`,
      title: '新问题',
    });
    // The second issue's id is taken: its guarded put fails, so the whole transaction must.
    const clash = raisedIssue({ ...issueFacts, id: String(existing.body?.id), title: '撞号的问题' });
    const visit = {
      id: visitId,
      enterpriseId,
      teamId: p.teamA,
      gridId: p.gridA,
      townUnitId: p.townUnitId,
      date: today,
      cadreId: 'X',
      recordedBy: actor,
      questionnaireVersion: null,
      questionnaire: {},
      issueIds: [fresh.issue.id, clash.issue.id],
      version: 1,
      createdAt: at,
      updatedAt: at,
    };

    expect(
      await refusalOf(insertVisit({ visit, issues: [fresh, clash], firstInGridYear: true })),
    ).toMatchObject({
      statusCode: 409,
    });

    expect(await findVisit(visitId)).toBeUndefined();
    expect(await tracesOf(enterpriseId)).toEqual({ visits: 0, issues: 1 });
    expect(await coverage(p.gridA)).toMatchObject({ visitedEnterprises: 0 });
  });

  it('counts coverage: distinct enterprises visited this year over enterprises in the grid, following moves', async () => {
    const p = await program();
    const [e1, e2, e3] = p.inA.map(String) as [string, string, string];
    const visit = (enterpriseId: string, date = today) =>
      logVisit(p.cadreX, { enterpriseId, teamId: p.teamA, date, questionnaire: {} });

    expect(await coverage(p.gridA)).toEqual({
      gridId: p.gridA,
      year: thisYear,
      enterprises: 3,
      visitedEnterprises: 0,
      rate: 0,
    });
    for (const enterpriseId of [e1, e1, e2]) expect((await visit(enterpriseId)).status).toBe(201);
    expect((await visit(e3, '2019-06-01')).status).toBe(201);

    expect(await coverage(p.gridA)).toEqual({
      gridId: p.gridA,
      year: thisYear,
      enterprises: 3,
      visitedEnterprises: 2,
      rate: 0.6667,
    });
    expect(await coverage(p.gridA, 2019)).toMatchObject({ visitedEnterprises: 1, rate: 0.3333 });

    // Moving e3 to grid B moves one from A's count to B's in the same transaction.
    const moved = await invoke(enterprises, {
      routeKey: 'PATCH /enterprises/{enterpriseId}',
      pathParameters: { enterpriseId: e3 },
      body: { gridId: p.gridB },
      headers: { 'if-match': '"1"' },
      claims: operator,
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ gridId: p.gridB, version: 2 });
    expect(await coverage(p.gridA)).toMatchObject({ enterprises: 2, visitedEnterprises: 2, rate: 1 });
    expect(await coverage(p.gridB)).toMatchObject({ enterprises: 2, visitedEnterprises: 0, rate: 0 });
  });

  it('counts an enterprise once under concurrent first visits', async () => {
    const p = await program();
    const enterpriseId = String(p.inA[2]);

    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        logVisit(p.cadreX, { enterpriseId, teamId: p.teamA, date: today, questionnaire: {} }),
      ),
    );

    expect(results.map((result) => result.status)).toEqual(Array(6).fill(201));
    expect(await coverage(p.gridA)).toMatchObject({ visitedEnterprises: 1 });
    expect((await tracesOf(enterpriseId)).visits).toBe(6);
  });

  it('adds visits and questionnaires to the day’s program figures, in the visit’s transaction', async () => {
    const p = await program();
    const day = '2019-08-19';
    const before = await readProgramStats(day, day);

    await logVisit(p.cadreX, { enterpriseId: p.inA[0], teamId: p.teamA, date: day, questionnaire: answers });
    await logVisit(p.cadreX, { enterpriseId: p.inA[1], teamId: p.teamA, date: day, questionnaire: {} });

    const after = await readProgramStats(day, day);
    expect(after.visits - before.visits).toBe(2);
    expect(after.questionnaires - before.questionnaires).toBe(1);
    expect(after.issuesRaised).toBe(before.issuesRaised);
  });

  it('replays a repeated request with the same Idempotency-Key and writes one visit', async () => {
    const p = await program();
    const enterpriseId = String(p.inA[0]);
    const body = {
      enterpriseId,
      teamId: p.teamA,
      date: today,
      questionnaire: answers,
      issues: [issueInput(enterpriseId, '融资难')],
    };
    const key = randomUUID();

    const first = await logVisit(p.cadreX, body, key);
    const second = await logVisit(p.cadreX, body, key);

    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(await tracesOf(enterpriseId)).toEqual({ visits: 1, issues: 1 });
  });

  it('lists visits by scope: a cadre its grids’ only, by date range; one outside is 404', async () => {
    const p = await program();
    const inA = await logVisit(p.cadreX, {
      enterpriseId: p.inA[0],
      teamId: p.teamA,
      date: '2020-03-02',
      questionnaire: {},
    });
    const laterInA = await logVisit(p.cadreX, {
      enterpriseId: p.inA[1],
      teamId: p.teamA,
      date: '2020-04-15',
      questionnaire: {},
    });
    const inB = await logVisit(p.cadreY, {
      enterpriseId: p.inB,
      teamId: p.teamB,
      date: '2020-03-05',
      questionnaire: {},
    });
    const list = (claims: Record<string, string | string[]>, query: Record<string, string>) =>
      invoke(visits, { routeKey: 'GET /visits', query, claims });

    const mine = await list(p.cadreX, {});
    const march = await list(operator, { gridId: p.gridA, from: '2020-03-01', to: '2020-03-31' });
    const theirs = await list(p.cadreX, { gridId: p.gridB });
    const byEnterprise = await list(p.cadreX, { enterpriseId: p.inB });
    const byYear = await list(operator, { from: '2020-03-05', to: '2020-03-05' });

    expect(mine.body?.items?.map((visit) => visit.id)).toEqual([laterInA.body?.id, inA.body?.id]);
    expect(march.body?.items?.map((visit) => visit.id)).toEqual([inA.body?.id]);
    expect(theirs.body).toEqual({ items: [], nextCursor: null });
    expect(byEnterprise.body?.items).toEqual([]);
    expect(byYear.body?.items?.map((visit) => visit.id)).toContain(inB.body?.id);
    const outside = await invoke(visits, {
      routeKey: 'GET /visits/{visitId}',
      pathParameters: { visitId: String(inB.body?.id) },
      claims: p.cadreX,
    });
    expect(outside.status).toBe(404);
    const own = await invoke(visits, {
      routeKey: 'GET /visits/{visitId}',
      pathParameters: { visitId: String(inA.body?.id) },
      claims: p.cadreX,
    });
    expect(own.body).toMatchObject({ id: inA.body?.id, gridId: p.gridA, questionnaireVersion: null });
  });

  it('keeps the coverage counters beside the grid, readable by key', async () => {
    const p = await program();
    await logVisit(p.cadreX, { enterpriseId: p.inA[0], teamId: p.teamA, date: today, questionnaire: {} });

    const { Items } = await documentClient.send(
      new QueryCommand({
        TableName: tableNames.program,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': visitKeys.gridYearCoverage(p.gridA, thisYear).pk },
      }),
    );

    expect(Items?.map((item) => item.sk).sort()).toEqual(['COUNT', `VISITED#${p.inA[0]}`]);
  });
});
