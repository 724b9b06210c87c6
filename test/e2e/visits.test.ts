import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, type Problem, tokenFor } from '../support/e2e';
import {
  create,
  createEnterpriseIn,
  createTownWithGrid,
  createVisitTeam,
  programToday,
  runSuffix,
} from './master-data-fixtures';

let operator: string;
let cadre: string;
let townUnitId: string;
let gridA: string;
let gridB: string;
let teamA: string;
let enterpriseA: string;
let enterpriseB: string;

beforeAll(async () => {
  operator = await tokenFor('operator');
  const place = await createTownWithGrid(operator, { code: 'E2E-V', town: '许村镇', grid: '许村一网格' });
  townUnitId = place.townUnitId;
  gridA = place.gridId;
  gridB = await create(operator, '/grids', { code: `E2E-VB-${runSuffix()}`, name: '许村二网格', townUnitId });
  const team = await createVisitTeam(operator, place, { cadre: '走访干部', team: '许村一组' });
  const cadreId = team.cadreId;
  teamA = team.teamId;
  const enterprise = { name: '海宁印染样例有限公司', industry: 'dyeing' };
  enterpriseA = await createEnterpriseIn(operator, place, enterprise);
  enterpriseB = await createEnterpriseIn(operator, { townUnitId, gridId: gridB }, enterprise);
  cadre = await tokenFor('cadre', { cadreId });
});

const logVisit = (body: unknown) =>
  api<Record<string, unknown>>('POST', '/visits', {
    token: cadre,
    body,
    headers: { 'Idempotency-Key': randomUUID() },
  });

describe('visits over HTTP', () => {
  it('serves the current questionnaire to any role', async () => {
    const enterprise = await tokenFor('enterprise', { enterpriseId: enterpriseA });

    const { status, body } = await api<{ version: number; current: boolean; questions: { id: string }[] }>(
      'GET',
      '/questionnaires/current',
      { token: enterprise },
    );

    expect(status).toBe(200);
    expect(body).toMatchObject({ version: 1, current: true });
    expect(body.questions.length).toBeGreaterThanOrEqual(15);
  });

  it('refuses a visit to an enterprise outside the team’s grid with 403', async () => {
    const { status, body } = await api<Problem>('POST', '/visits', {
      token: cadre,
      body: { enterpriseId: enterpriseB, teamId: teamA, date: programToday(), questionnaire: {} },
      headers: { 'Idempotency-Key': randomUUID() },
    });

    expect(status).toBe(403);
    expect(body.code).toBe('FORBIDDEN');
    const listed = await api<{ items: unknown[] }>('GET', `/visits?enterpriseId=${enterpriseB}`, {
      token: operator,
    });
    expect(listed.body.items).toEqual([]);
  });

  it('refuses an answer of the wrong type with 400 naming the question', async () => {
    const { status, body } = await api<Problem>('POST', '/visits', {
      token: cadre,
      body: {
        enterpriseId: enterpriseA,
        teamId: teamA,
        date: programToday(),
        questionnaire: { q1: 'good', q3: 'many', q6: false, q14: 'very_well', q17: 'satisfied' },
      },
      headers: { 'Idempotency-Key': randomUUID() },
    });

    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(body.errors).toEqual([{ path: 'body.questionnaire.q3', message: 'Expected a whole number' }]);
  });

  it('logs a visit with two issues raised from it, and counts the grid’s coverage', async () => {
    const issue = (title: string) => ({
      enterpriseId: enterpriseA,
      category: 'land',
      title,
      description: `${title}，请协调`,
    });

    const { status, body } = await logVisit({
      enterpriseId: enterpriseA,
      teamId: teamA,
      date: programToday(),
      questionnaire: { q1: 'good', q3: 120, q6: false, q14: 'very_well', q17: 'satisfied', q18: 10 },
      issues: [issue('扩建用地指标'), issue('厂区道路破损')],
    });

    expect(status).toBe(201);
    const raised = body.issues as { id: string; source: string; visitId: string }[];
    expect(raised.map((item) => [item.source, item.visitId])).toEqual([
      ['visit', body.id],
      ['visit', body.id],
    ]);
    const fromIssues = await api<{ items: { id: string }[] }>('GET', `/issues?enterpriseId=${enterpriseA}`, {
      token: operator,
    });
    expect(fromIssues.body.items.map((item) => item.id).sort()).toEqual(raised.map((item) => item.id).sort());
    const coverage = await api('GET', `/grids/${gridA}/coverage`, { token: cadre });
    expect(coverage.body).toEqual({
      gridId: gridA,
      year: Number(programToday().slice(0, 4)),
      enterprises: 1,
      visitedEnterprises: 1,
      rate: 1,
    });
    const visit = await api<Record<string, unknown>>('GET', `/visits/${body.id}`, { token: cadre });
    expect(visit.body).toMatchObject({ id: body.id, questionnaireVersion: 1, issueIds: body.issueIds });
  });
});
