import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { handler as assessments } from '../../functions/api/assessments/handler';
import { handler as cadres } from '../../functions/api/cadres/handler';
import { APPRAISAL_GRADES } from '../../shared/domain/appraisal/grade-approval';
import { tallyVotes, VOTER_GROUPS, type Vote } from '../../shared/domain/appraisal/review-tally';
import { claimsFor, invoke } from '../../tools/lambda-events';
import { createDepartment, operator, send } from './master-data-fixtures';
import {
  createEnterpriseIn,
  createPlaces,
  createPoolCadre,
  secondments,
  startResidency,
} from './secondments-fixtures';

const leader = claimsFor('leader', { sub: 'leader-wang' });

/** A past year (services cannot be logged ahead) no other test uses: the separate list holds only these cadres. */
const year = String(1980 + Math.floor(Math.random() * 18));
const batchCode = `${year}-1`;

let places: Awaited<ReturnType<typeof createPlaces>>;
let unitId: string;
let ordinary: { id: string }[];
let seconded: { id: string }[];
let residencyOf: Map<string, string>;

const grade = (cadreId: string, value: string) =>
  send(assessments, 'POST /appraisals/{year}/grades', {
    pathParameters: { year },
    body: { cadreId, grade: value },
  });

beforeAll(async () => {
  // Prepare: a class-1 department of 7 ordinary cadres and 10 seconded in the year, all in one batch.
  places = await createPlaces();
  unitId = (await createDepartment()).id;
  const host = await createEnterpriseIn(places);
  ordinary = await Promise.all(Array.from({ length: 7 }, () => createPoolCadre(unitId)));
  seconded = await Promise.all(Array.from({ length: 10 }, () => createPoolCadre(unitId)));
  const batch = await invoke(secondments, {
    routeKey: 'POST /batches',
    body: {
      code: batchCode,
      name: `${year}年第一批`,
      plan: '驻企服务重点企业',
      plannedSize: 12,
      startDate: `${year}-01-01`,
      endDate: `${year}-12-31`,
    },
    headers: { 'idempotency-key': randomUUID() },
    claims: operator,
  });
  expect(batch.status).toBe(201);
  residencyOf = new Map();
  for (const cadre of seconded) {
    const residency = await startResidency(cadre.id, host.id, {
      batch: batchCode,
      startDate: `${year}-01-01`,
      endDate: `${year}-12-31`,
    });
    residencyOf.set(cadre.id, residency.id);
  }
});

describe('annual grades with the excellent grade of seconded cadres listed separately (单列)', () => {
  it('gives the unit 15 % of its 7 ordinary cadres and the 10 seconded 20 % of their own, apart', async () => {
    // Act
    const quotas = await send(assessments, 'GET /appraisals/{year}/excellent-quotas', {
      pathParameters: { year },
      query: { unitId },
      claims: leader,
    });
    // Assess: 0.15 × 7 = 1.05 → 1; 0.20 × 10 = 2
    expect(quotas.body).toMatchObject({
      items: [{ unitId, cadres: 17, secondedCadres: 10, ordinaryCadres: 7, quota: 1, excellentGranted: 0 }],
      secondedList: { cadres: 10, ratio: 0.2, quota: 2, excellentGranted: 0 },
    });
  });

  it('takes excellent grades up to each quota, the database deciding among concurrent ones', async () => {
    // Act: one ordinary excellent, then a second; four seconded excellent at once for two places.
    const firstOrdinary = await grade((ordinary[0] as { id: string }).id, 'excellent');
    const secondOrdinary = await grade((ordinary[1] as { id: string }).id, 'excellent');
    const racing = await Promise.all(seconded.slice(0, 4).map((cadre) => grade(cadre.id, 'excellent')));
    const competent = await grade((seconded[4] as { id: string }).id, 'competent');
    const again = await grade((ordinary[0] as { id: string }).id, 'competent');

    // Assess
    expect(firstOrdinary.status).toBe(201);
    expect(firstOrdinary.body).toMatchObject({
      list: 'ordinary',
      grade: 'excellent',
      status: 'final',
      unitId,
    });
    expect(secondOrdinary.status).toBe(409);
    expect(secondOrdinary.body.code).toBe('EXCELLENT_QUOTA_EXHAUSTED');
    expect(racing.map((r) => r.status).sort()).toEqual([201, 201, 409, 409]);
    expect(racing.filter((r) => r.status === 201).every((r) => r.body.list === 'seconded')).toBe(true);
    expect(competent.status).toBe(201);
    expect(again.body.code).toBe('ALREADY_GRADED');
    const refused = racing.find((r) => r.status === 409);
    expect(refused?.body.code).toBe('EXCELLENT_QUOTA_EXHAUSTED');
    const quotas = await send(assessments, 'GET /appraisals/{year}/excellent-quotas', {
      pathParameters: { year },
      query: { unitId },
      claims: leader,
    });
    expect(quotas.body).toMatchObject({
      items: [{ quota: 1, excellentGranted: 1 }],
      secondedList: { quota: 2, excellentGranted: 2 },
    });
    // Nothing was written for the refused ones: no grade to read.
    const loser = seconded[racing.findIndex((r) => r.status === 409)] as { id: string };
    const missing = await send(assessments, 'GET /appraisals/{year}/grades/{cadreId}', {
      pathParameters: { year, cadreId: loser.id },
      claims: leader,
    });
    expect(missing.status).toBe(404);
    const listed = await send(assessments, 'GET /appraisals/{year}/grades', {
      pathParameters: { year },
      query: { unitId, limit: '100' },
      claims: leader,
    });
    expect((listed.body as unknown as { items: unknown[] }).items).toHaveLength(4);
  });

  it("takes a city-managed section-level cadre's grade through the leader's opinion and the committee's approval, in the ledger", async () => {
    // Prepare: a 市管科级 cadre of the same unit, graded competent.
    const cadre = await createPoolCadre(unitId, { cityManagedSectionLevel: true });
    const graded = await grade(cadre.id, 'competent');
    expect(graded.body).toMatchObject({ status: 'awaiting_leader_opinion', cityManagedSectionLevel: true });
    const path = { year, cadreId: cadre.id };

    // Act
    const tooEarly = await send(assessments, 'POST /appraisals/{year}/grades/{cadreId}/committee-approval', {
      pathParameters: path,
      body: { grade: 'competent', reference: '市委常委会' },
      version: 1,
    });
    const byOperator = await send(assessments, 'POST /appraisals/{year}/grades/{cadreId}/leader-opinion', {
      pathParameters: path,
      body: { opinion: 'agree', comment: '同意' },
      version: 1,
    });
    const opinion = await send(assessments, 'POST /appraisals/{year}/grades/{cadreId}/leader-opinion', {
      pathParameters: path,
      body: { opinion: 'disagree', suggestedGrade: 'excellent', comment: '驻企服务突出，建议优秀' },
      version: 1,
      claims: leader,
    });
    const stale = await send(assessments, 'POST /appraisals/{year}/grades/{cadreId}/committee-approval', {
      pathParameters: path,
      body: { grade: 'competent', reference: '市委常委会' },
      version: 1,
    });
    const overQuota = await send(assessments, 'POST /appraisals/{year}/grades/{cadreId}/committee-approval', {
      pathParameters: path,
      body: { grade: 'excellent', reference: '市委常委会' },
      version: 2,
    });
    const approved = await send(assessments, 'POST /appraisals/{year}/grades/{cadreId}/committee-approval', {
      pathParameters: path,
      body: { grade: 'competent', reference: `市委常委会 ${year}-12-20`, comment: '维持称职' },
      version: 2,
    });
    const ledger = await send(assessments, 'GET /appraisals/{year}/grades/{cadreId}/ledger', {
      pathParameters: path,
      claims: leader,
    });

    // Assess
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body.code).toBe('INVALID_TRANSITION');
    expect(byOperator.status).toBe(403);
    expect(opinion.status).toBe(200);
    expect(opinion.body).toMatchObject({
      status: 'awaiting_committee_approval',
      leaderOpinion: {
        opinion: 'disagree',
        suggestedGrade: 'excellent',
        by: { sub: 'leader-wang', role: 'leader' },
      },
    });
    expect(stale.status).toBe(412);
    // The unit's one ordinary place is taken: the committee cannot make it excellent, and nothing moved.
    expect(overQuota.status).toBe(409);
    expect(overQuota.body.code).toBe('EXCELLENT_QUOTA_EXHAUSTED');
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'approved',
      grade: 'competent',
      version: 3,
      committeeApproval: { grade: 'competent', by: { sub: 'test-operator', role: 'operator' } },
    });
    const entries = (ledger.body as unknown as { items: Record<string, unknown>[] }).items;
    expect(entries.map((e) => [e.seq, e.action, e.fromStatus, e.toStatus])).toEqual([
      [1, 'graded', null, 'awaiting_leader_opinion'],
      [2, 'leader_opinion', 'awaiting_leader_opinion', 'awaiting_committee_approval'],
      [3, 'committee_approval', 'awaiting_committee_approval', 'approved'],
    ]);
    expect(entries[1]).toMatchObject({ actor: { sub: 'leader-wang' }, data: { opinion: 'disagree' } });
    expect(entries[2]).toMatchObject({ data: { grade: 'competent', changed: false } });
  });

  it('refuses a grade for an unknown cadre with 400 and a second leader opinion with 409', async () => {
    const unknown = await grade('NO-SUCH-CADRE', 'competent');
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('UNKNOWN_REFERENCE');
    const plain = await send(assessments, 'POST /appraisals/{year}/grades/{cadreId}/leader-opinion', {
      pathParameters: { year, cadreId: (ordinary[0] as { id: string }).id },
      body: { opinion: 'agree', comment: '同意' },
      version: 1,
      claims: leader,
    });
    expect(plain.status).toBe(409);
  });
});

describe('democratic review rounds (民主评议) beside the assessment, and the annual report (述职)', () => {
  it('tallies ballots exactly as a recount, refuses strangers and a closed round, and shows the tally beside the assessment', async () => {
    // Prepare: a round of the batch; random ballots over the first 5 seconded cadres.
    const round = await send(assessments, 'POST /batches/{batch}/review-rounds', {
      pathParameters: { batch: batchCode },
      body: { date: `${year}-12-10`, note: '年度民主评议' },
    });
    expect(round.status).toBe(201);
    const graded = seconded.slice(0, 5).map((cadre) => cadre.id);
    const ballots = Array.from({ length: 12 }, (_, i) => ({
      voterGroup: VOTER_GROUPS[i % 2] as Vote['voterGroup'],
      votes: graded.map((cadreId, j) => ({
        cadreId,
        grade: APPRAISAL_GRADES[(i * 7 + j * 3) % 4] as Vote['grade'],
      })),
    }));

    // Act
    const cast = await Promise.all(
      ballots.map((body) =>
        send(assessments, 'POST /review-rounds/{roundId}/ballots', {
          pathParameters: { roundId: round.body.id },
          body,
        }),
      ),
    );
    const stranger = await send(assessments, 'POST /review-rounds/{roundId}/ballots', {
      pathParameters: { roundId: round.body.id },
      body: {
        voterGroup: 'enterprise',
        votes: [{ cadreId: (ordinary[3] as { id: string }).id, grade: 'excellent' }],
      },
    });
    const read = await send(assessments, 'GET /review-rounds/{roundId}', {
      pathParameters: { roundId: round.body.id },
      claims: leader,
    });
    const closed = await send(assessments, 'POST /review-rounds/{roundId}/close', {
      pathParameters: { roundId: round.body.id },
      body: {},
      version: read.body.version,
    });
    const late = await send(assessments, 'POST /review-rounds/{roundId}/ballots', {
      pathParameters: { roundId: round.body.id },
      body: ballots[0],
    });

    // Assess
    expect(cast.map((c) => c.status)).toEqual(ballots.map(() => 201));
    expect(stranger.status).toBe(400);
    expect(stranger.body.code).toBe('UNKNOWN_REFERENCE');
    expect(read.body.ballots).toBe(12);
    const tallies = read.body.tallies as { cadreId: string; tally: unknown }[];
    for (const cadreId of graded) {
      const recount = tallyVotes(
        ballots.flatMap((b) =>
          b.votes
            .filter((v) => v.cadreId === cadreId)
            .map((v) => ({ voterGroup: b.voterGroup, grade: v.grade })),
        ),
      );
      expect(tallies.find((t) => t.cadreId === cadreId)?.tally).toEqual(recount);
    }
    expect(closed.body.status).toBe('closed');
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('INVALID_TRANSITION');

    // The tally beside the cadre's assessment.
    const cadreId = graded[0] as string;
    const residencyId = residencyOf.get(cadreId) as string;
    const assessed = await send(assessments, 'POST /residencies/{residencyId}/assessment', {
      pathParameters: { residencyId },
      body: {
        headEvaluation: { score: 5, comment: '认可' },
        selfSummary: '驻企一年。',
        conclusion: 'excellent',
      },
    });
    expect(assessed.status).toBe(201);
    const withReview = await send(assessments, 'GET /residencies/{residencyId}/assessment', {
      pathParameters: { residencyId },
      claims: leader,
    });
    expect(withReview.body.democraticReview).toEqual([
      {
        roundId: round.body.id,
        date: `${year}-12-10`,
        status: 'closed',
        tally: tallies.find((t) => t.cadreId === cadreId)?.tally,
      },
    ]);

    // The annual report (述职) the cadre files writes that residency into its section.
    await invoke(secondments, {
      routeKey: 'POST /residencies/{residencyId}/services',
      pathParameters: { residencyId },
      body: {
        type: 'project_application',
        date: `${year}-03-02`,
        description: '协助申报技改项目',
        fundsFen: 880_000,
      },
      headers: { 'idempotency-key': randomUUID() },
      claims: claimsFor('cadre', { cadreId }),
    });
    const own = claimsFor('cadre', { sub: `cadre-${cadreId}`, cadreId });
    const report = await send(assessments, 'POST /cadres/{cadreId}/annual-reports', {
      pathParameters: { cadreId },
      body: { year, summary: '本年度驻企服务情况述职。' },
      claims: own,
    });
    const twice = await send(assessments, 'POST /cadres/{cadreId}/annual-reports', {
      pathParameters: { cadreId },
      body: { year, summary: '再次述职。' },
      claims: own,
    });
    const forAnother = await send(assessments, 'POST /cadres/{cadreId}/annual-reports', {
      pathParameters: { cadreId: graded[1] as string },
      body: { year, summary: '代述职。' },
      claims: own,
    });
    expect(report.status).toBe(201);
    expect(report.body).toMatchObject({
      cadreId,
      unitId,
      year,
      filedBy: { role: 'cadre' },
      residencySection: [
        {
          residencyId,
          batch: batchCode,
          servicesInYear: { entries: 1, fundsFen: 880_000, byType: { project_application: 1 } },
          evaluation: null,
          assessment: { conclusion: 'excellent', headScore: 5 },
          democraticReview: { votes: 12 },
        },
      ],
    });
    expect((report.body.residencySection as { text: string }[])[0]?.text).toContain(
      '专项考察：企业负责人评价5/5，结论优秀',
    );
    expect(twice.body.code).toBe('ANNUAL_REPORT_EXISTS');
    expect(forAnother.status).toBe(404);
    const readBack = await send(assessments, 'GET /cadres/{cadreId}/annual-reports/{year}', {
      pathParameters: { cadreId, year },
      claims: leader,
    });
    expect(readBack.body).toEqual(report.body);
  });

  it('opens rounds only for a batch on record', async () => {
    const missing = await send(assessments, 'POST /batches/{batch}/review-rounds', {
      pathParameters: { batch: '1999-9' },
      body: { date: '1999-12-01' },
    });
    expect(missing.status).toBe(404);
  });
});

describe('batches and the pool composition', () => {
  it("reports a batch's residencies and moves its status only forward", async () => {
    const duplicate = await invoke(secondments, {
      routeKey: 'POST /batches',
      body: {
        code: batchCode,
        name: '重复',
        plan: '重复',
        plannedSize: 1,
        startDate: `${year}-01-01`,
        endDate: `${year}-12-31`,
      },
      headers: { 'idempotency-key': randomUUID() },
      claims: operator,
    });
    expect(duplicate.status).toBe(409);
    expect((duplicate.body as { code: string }).code).toBe('BATCH_EXISTS');
    const promoted = seconded[0] as { id: string };
    await invoke(await import('../../functions/api/registries/handler').then((m) => m.handler), {
      routeKey: 'POST /cadres/{cadreId}/promotions',
      pathParameters: { cadreId: promoted.id },
      body: {
        fromRank: '科员',
        toRank: '副科',
        date: `${year}-12-30`,
        residencyId: residencyOf.get(promoted.id),
      },
      headers: { 'idempotency-key': randomUUID() },
      claims: operator,
    });
    const active = await send(secondments, 'PATCH /batches/{batch}', {
      pathParameters: { batch: batchCode },
      body: { status: 'active' },
      version: 1,
    });
    const back = await send(secondments, 'PATCH /batches/{batch}', {
      pathParameters: { batch: batchCode },
      body: { status: 'planned' },
      version: 2,
    });
    const report = await send(secondments, 'GET /batches/{batch}/report', {
      pathParameters: { batch: batchCode },
      claims: leader,
    });
    expect(active.body.status).toBe('active');
    expect(back.status).toBe(409);
    expect(report.body).toEqual({
      code: batchCode,
      name: `${year}年第一批`,
      status: 'active',
      sent: 10,
      active: 10,
      ended: 0,
      evaluated: 0,
      assessed: 1,
      promoted: 1,
      plannedSize: 12,
      fillRate: 0.8333,
    });
  });

  it('counts the pool by category', async () => {
    const read = async () =>
      (await send(cadres, 'GET /cadre-pool/composition', { claims: leader })).body as unknown as {
        total: number;
        byCategory: Record<string, number>;
      };
    const before = await read();
    await createPoolCadre(unitId, { poolCategory: 'retired_from_post' });
    await createPoolCadre(unitId, { poolCategory: 'young' });
    await createPoolCadre(unitId, { poolCategory: 'young' });
    const after = await read();
    expect(after.total - before.total).toBe(3);
    expect((after.byCategory.young ?? 0) - (before.byCategory.young ?? 0)).toBe(2);
    expect((after.byCategory.retired_from_post ?? 0) - (before.byCategory.retired_from_post ?? 0)).toBe(1);
  });
});
