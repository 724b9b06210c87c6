import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomCreditCode } from '../support/credit-codes';
import { api, type Problem, tokenFor } from '../support/e2e';

type Record_ = Record<string, unknown> & { id: string; version: number };

const suffix = randomUUID().slice(0, 8);
/** A past year of its own (services cannot be logged ahead), so the year's separate list is this test's. */
const year = String(1980 + Math.floor(Math.random() * 18));
let operator: string;
let leader: string;

const post = (path: string, body: unknown, token = operator, version?: number) =>
  api<Record_ & Problem>('POST', path, {
    token,
    body,
    headers: {
      'Idempotency-Key': randomUUID(),
      ...(version === undefined ? {} : { 'If-Match': `"${version}"` }),
    },
  });

const created = async (path: string, body: unknown, token = operator) => {
  const response = await post(path, body, token);
  expect(response.status, `${path} ${JSON.stringify(response.body)}`).toBe(201);
  return response.body;
};

const get = async (path: string, token = leader) => {
  const response = await api<Record_>('GET', path, { token });
  expect(response.status, `${path} ${JSON.stringify(response.body)}`).toBe(200);
  return response.body;
};

beforeAll(async () => {
  operator = await tokenFor('operator');
  leader = await tokenFor('leader', { sub: 'leader-e2e' });
});

describe('the appraisal of a batch over HTTP', () => {
  it('takes three cadres from residency to 述职, grades them apart from their unit, and approves a 市管科级 grade in two steps', async () => {
    // Prepare: a class-1 department of 7 cadres who stay home and 3 who go in one batch (one of them
    // city-managed section-level); two more cadres of another unit are seconded in another batch of the
    // same year, so the year's separate list holds 5.
    const unitId = (
      await created('/units', {
        code: `E2E-PD-${suffix}`,
        name: '经信局',
        kind: 'department',
        category: 'class1',
      })
    ).id;
    const otherUnitId = (
      await created('/units', {
        code: `E2E-PO-${suffix}`,
        name: '科技局',
        kind: 'department',
        category: 'class1',
      })
    ).id;
    const townUnitId = (await created('/units', { code: `E2E-PT-${suffix}`, name: '许村镇', kind: 'town' }))
      .id;
    const gridId = (await created('/grids', { code: `E2E-PG-${suffix}`, name: '许村一网格', townUnitId })).id;
    const enterpriseId = (
      await created('/enterprises', {
        creditCode: randomCreditCode(),
        name: '海宁家纺样例有限公司',
        industry: 'warp_knitting',
        townUnitId,
        gridId,
        aboveScale: true,
      })
    ).id;
    const cadre = (unit: string, name: string, extra: object = {}) =>
      created('/cadres', {
        name,
        unitId: unit,
        inPool: true,
        experience: [],
        serviceSkills: ['project_application'],
        ...extra,
      });
    const home = await Promise.all(Array.from({ length: 7 }, (_, i) => cadre(unitId, `留守${i}`)));
    const three = [
      await cadre(unitId, '张驻企', { poolCategory: 'young' }),
      await cadre(unitId, '李驻企', { poolCategory: 'middle_level' }),
      await cadre(unitId, '王科长', { poolCategory: 'middle_level', cityManagedSectionLevel: true }),
    ];
    const others = [await cadre(otherUnitId, '赵驻企'), await cadre(otherUnitId, '钱驻企')];
    const batch = `${year}-1`;
    const otherBatch = `${year}-2`;
    for (const code of [batch, otherBatch]) {
      await created('/batches', {
        code,
        name: `${year}年驻企挂职`,
        plan: '驻企服务',
        plannedSize: 3,
        startDate: `${year}-02-01`,
        endDate: `${year}-12-31`,
      });
    }
    const residencies: string[] = [];
    for (const [i, member] of [...three, ...others].entries()) {
      const residency = await created('/residencies', {
        cadreId: member.id,
        enterpriseId,
        batch: i < 3 ? batch : otherBatch,
        startDate: `${year}-02-01`,
        endDate: `${year}-12-31`,
        services: ['project_application'],
      });
      residencies.push(residency.id);
    }
    const enterprise = await tokenFor('enterprise', { enterpriseId });
    for (const [i, member] of three.entries()) {
      const residencyId = residencies[i] as string;
      const own = await tokenFor('cadre', { cadreId: member.id });
      await created(
        `/residencies/${residencyId}/services`,
        {
          type: 'project_application',
          date: `${year}-05-0${i + 1}`,
          description: '协助申报技改项目',
          fundsFen: 100_000 * (i + 1),
        },
        own,
      );
      await created(
        `/residencies/${residencyId}/evaluations`,
        { fitScore: 5 - i, serviceScore: 5 },
        enterprise,
      );
      await created(`/residencies/${residencyId}/assessment`, {
        headEvaluation: { score: 5 - i, comment: '服务扎实' },
        selfSummary: '驻企服务一年。',
        conclusion: i === 0 ? 'excellent' : 'competent',
      });
    }
    const round = await created(`/batches/${batch}/review-rounds`, { date: `${year}-12-15` });
    const ballots = [
      { voterGroup: 'cadres_public', grades: ['excellent', 'competent', 'competent'] },
      { voterGroup: 'enterprise', grades: ['excellent', 'excellent', 'basically_competent'] },
      { voterGroup: 'enterprise', grades: ['competent', 'excellent', 'competent'] },
    ];
    for (const ballot of ballots) {
      await created(`/review-rounds/${round.id}/ballots`, {
        voterGroup: ballot.voterGroup,
        votes: three.map((member, i) => ({ cadreId: member.id, grade: ballot.grades[i] })),
      });
    }
    const closed = await post(`/review-rounds/${round.id}/close`, {}, operator, 1);
    expect(closed.body.status).toBe('closed');

    // Act: the annual reports, the quotas, the grades and the two-step approval.
    const reports = [];
    for (const member of three) {
      reports.push(
        await created(
          `/cadres/${member.id}/annual-reports`,
          { year, summary: '年度述职。' },
          await tokenFor('cadre', { cadreId: member.id }),
        ),
      );
    }
    const quotas = await get(`/appraisals/${year}/excellent-quotas?unitId=${unitId}`);
    const [zhang, li, wang] = three as unknown as [Record_, Record_, Record_];
    const zhangGrade = await post(`/appraisals/${year}/grades`, { cadreId: zhang.id, grade: 'excellent' });
    const liGrade = await post(`/appraisals/${year}/grades`, { cadreId: li.id, grade: 'excellent' });
    const homeGrade = await post(`/appraisals/${year}/grades`, {
      cadreId: (home[0] as Record_).id,
      grade: 'excellent',
    });
    const wangGrade = await post(`/appraisals/${year}/grades`, { cadreId: wang.id, grade: 'competent' });
    const opinion = await post(
      `/appraisals/${year}/grades/${wang.id}/leader-opinion`,
      { opinion: 'agree', comment: '同意称职' },
      leader,
      1,
    );
    const approval = await post(
      `/appraisals/${year}/grades/${wang.id}/committee-approval`,
      { grade: 'competent', reference: `市委常委会 ${year}-12-28` },
      operator,
      2,
    );
    const ledger = await get(`/appraisals/${year}/grades/${wang.id}/ledger`);
    const assessment = await get(`/residencies/${residencies[0]}/assessment`);

    // Assess: the separate list holds the 5 seconded at 20 % (1 place; 15 % would give none); the unit's
    // ordinary list its 7 who stayed at 15 % (1 place), untouched by the seconded.
    expect(quotas).toMatchObject({
      items: [{ unitId, cadres: 10, secondedCadres: 3, ordinaryCadres: 7, baseRatio: 0.15, quota: 1 }],
      secondedList: { cadres: 5, ratio: 0.2, quota: 1 },
    });
    expect(zhangGrade.status).toBe(201);
    expect(zhangGrade.body).toMatchObject({ list: 'seconded', grade: 'excellent', status: 'final' });
    expect(liGrade.status).toBe(409);
    expect(liGrade.body.code).toBe('EXCELLENT_QUOTA_EXHAUSTED');
    expect(homeGrade.status).toBe(201);
    expect(homeGrade.body).toMatchObject({ list: 'ordinary', grade: 'excellent' });
    expect(wangGrade.body).toMatchObject({ list: 'seconded', status: 'awaiting_leader_opinion' });
    expect(opinion.body).toMatchObject({
      status: 'awaiting_committee_approval',
      leaderOpinion: { by: { sub: 'leader-e2e' } },
    });
    expect(approval.body).toMatchObject({
      status: 'approved',
      grade: 'competent',
      committeeApproval: { reference: `市委常委会 ${year}-12-28` },
    });
    expect((ledger.items as { action: string }[]).map((entry) => entry.action)).toEqual([
      'graded',
      'leader_opinion',
      'committee_approval',
    ]);
    const after = await get(`/appraisals/${year}/excellent-quotas?unitId=${unitId}`);
    expect(after).toMatchObject({ items: [{ excellentGranted: 1 }], secondedList: { excellentGranted: 1 } });

    // The democratic review beside the assessment, and every report's residency section.
    expect(assessment.democraticReview).toEqual([
      expect.objectContaining({
        roundId: round.id,
        status: 'closed',
        tally: expect.objectContaining({
          votes: 3,
          total: { excellent: 2, competent: 1, basically_competent: 0, incompetent: 0 },
        }),
      }),
    ]);
    for (const [i, report] of reports.entries()) {
      expect(report.residencySection).toEqual([
        expect.objectContaining({
          residencyId: residencies[i],
          batch,
          servicesInYear: { entries: 1, fundsFen: 100_000 * (i + 1), byType: { project_application: 1 } },
          evaluation: { fitScore: 5 - i, serviceScore: 5 },
          assessment: { conclusion: i === 0 ? 'excellent' : 'competent', headScore: 5 - i },
          democraticReview: expect.objectContaining({ votes: 3 }),
        }),
      ]);
    }
    const batchReport = await get(`/batches/${batch}/report`);
    expect(batchReport).toMatchObject({
      sent: 3,
      evaluated: 3,
      assessed: 3,
      promoted: 0,
      plannedSize: 3,
      fillRate: 1,
    });
  });
});
