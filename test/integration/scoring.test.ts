import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { handler as jobs } from '../../functions/api/jobs/handler';
import { tableNames } from '../../shared/config';
import { documentClient } from '../../shared/db/client';
import { scoringKeys } from '../../shared/db/keys';
import type { Verdict } from '../../shared/domain/issues/issue';
import { invoke } from '../../tools/lambda-events';
import {
  admin,
  apply,
  createRankedUnit,
  type Group,
  getRanking,
  inPool,
  issueReads,
  on,
  putPartyPoints,
  raiseIssueAt,
  readsOnly,
  recordingReads,
} from './scoring-fixtures';

/**
 * A scripted quarter (2025Q3, which no other integration test touches) of 362 issues driven through
 * the real issue commands, then the quarterly scoring job through POST /jobs/quarterly-scoring/runs.
 */
const QUARTER = '2025Q3';
const AS_OF = '2025-10-01';

interface Plan {
  unit: string;
  verdict: Verdict | 'no_response';
  /** Resolved 5 working days after the due date (07-21). */
  late?: boolean;
  returned?: boolean;
  supervised?: boolean;
  markBefore?: boolean;
  markAfter?: boolean;
  tag?: string;
}

const times = (n: number, plan: Omit<Plan, 'unit'>, unit: string): Plan[] =>
  Array.from({ length: n }, () => ({ ...plan, unit }));

const reason = '要求政府补偿企业自身经营亏损';

const runPlan = async (plan: Plan): Promise<string> => {
  const id = await raiseIssueAt(on('2025-07-07', '09:00'));
  await apply(
    id,
    { type: 'escalate', unitId: plan.unit, dueWorkingDays: 10, executionArn: `arn:test:execution:${id}` },
    on('2025-07-07'),
  );
  if (plan.returned) {
    await apply(
      id,
      { type: 'return', reasonCode: 'insufficient_information', note: '材料不全' },
      on('2025-07-08'),
    );
    await apply(id, { type: 'dispatch', unitId: plan.unit, dueWorkingDays: 10 }, on('2025-07-08', '11:00'));
  }
  if (plan.markBefore) await apply(id, { type: 'mark_unreasonable', reason }, on('2025-07-09'));
  if (plan.supervised) await apply(id, { type: 'supervise', workingDaysOverdue: 4 }, on('2025-07-25'));
  await apply(id, { type: 'resolve', resolution: '已协调解决' }, on(plan.late ? '2025-07-28' : '2025-07-10'));
  if (plan.verdict === 'no_response') {
    await apply(id, { type: 'close_no_response' }, on('2025-08-05', '00:00'));
  } else {
    await apply(id, { type: 'feedback', verdict: plan.verdict }, on(plan.late ? '2025-07-29' : '2025-07-11'));
  }
  if (plan.markAfter) await apply(id, { type: 'mark_unreasonable', reason }, on('2025-08-20'));
  return id;
};

const runJob = () =>
  invoke(jobs, {
    routeKey: 'POST /jobs/{job}/runs',
    pathParameters: { job: 'quarterly-scoring' },
    body: { asOf: AS_OF },
    claims: admin,
  });

describe('quarterly scoring of a scripted quarter', () => {
  const unit: Record<string, string> = {};
  const tagged = new Map<string, string[]>();

  beforeAll(async () => {
    const layout: Array<[string, Group, number]> = [
      ['TA', 'towns', 80],
      ['TB', 'towns', 80],
      ['TC', 'towns', 80],
      ['TD', 'towns', 80],
      ['D1A', 'class1', 85],
      ['D1B', 'class1', 95],
      ['D2A', 'class2', 70],
      ['D2B', 'class2', 90],
    ];
    for (const [name, group, points] of layout) {
      unit[name] = await createRankedUnit(group, `评分${name}`);
      expect((await putPartyPoints(unit[name] as string, QUARTER, points)).status).toBe(201);
    }
    const u = (name: string) => unit[name] as string;
    const plans: Plan[] = [
      // TA: 200 cases at 95 % satisfied; the 10 unsatisfied are re-reviewed.
      ...times(190, { verdict: 'satisfied' }, u('TA')),
      ...times(10, { verdict: 'unsatisfied' }, u('TA')),
      // TB: 2 cases, both satisfied.
      ...times(2, { verdict: 'satisfied' }, u('TB')),
      // TC: 10 late (5 working days each), 5 returned and dispatched back, 4 basically satisfied, 6 no response.
      ...times(10, { verdict: 'satisfied', late: true }, u('TC')),
      ...times(5, { verdict: 'satisfied', returned: true }, u('TC')),
      ...times(15, { verdict: 'satisfied' }, u('TC')),
      ...times(4, { verdict: 'basically_satisfied' }, u('TC')),
      ...times(6, { verdict: 'no_response' }, u('TC')),
      // TD: 8 supervised and late, 10 unsatisfied (re-reviewed); inspection cards added below.
      ...times(8, { verdict: 'satisfied', late: true, supervised: true }, u('TD')),
      ...times(12, { verdict: 'satisfied' }, u('TD')),
      ...times(10, { verdict: 'unsatisfied', tag: 'TD-unsatisfied' }, u('TD')),
      // D1A: 25 satisfied on time.
      ...times(25, { verdict: 'satisfied' }, u('D1A')),
      // D1B: 15 satisfied, 2 of them marked unreasonable before the verdict; 10 unsatisfied, 3 marked after.
      ...times(13, { verdict: 'satisfied' }, u('D1B')),
      ...times(2, { verdict: 'satisfied', markBefore: true }, u('D1B')),
      ...times(7, { verdict: 'unsatisfied' }, u('D1B')),
      ...times(3, { verdict: 'unsatisfied', markAfter: true }, u('D1B')),
      // D2A: 18 satisfied (4 of them returned first), 2 no response.
      ...times(4, { verdict: 'satisfied', returned: true }, u('D2A')),
      ...times(14, { verdict: 'satisfied' }, u('D2A')),
      ...times(2, { verdict: 'no_response' }, u('D2A')),
      // D2B: 20 satisfied, all 5 working days late.
      ...times(20, { verdict: 'satisfied', late: true }, u('D2B')),
    ];
    expect(plans).toHaveLength(362);
    await inPool(plans, 6, async (plan) => {
      const id = await runPlan(plan);
      if (plan.tag) tagged.set(plan.tag, [...(tagged.get(plan.tag) ?? []), id]);
    });
    // The weekly inspection's cards for TD in the quarter (written by the inspection job into the same item).
    await documentClient.send(
      new UpdateCommand({
        TableName: tableNames.program,
        Key: scoringKeys.unitQuarterCounters(u('TD'), QUARTER),
        UpdateExpression: 'ADD cardsYellow :y, cardsRed :r',
        ExpressionAttributeValues: { ':y': 6, ':r': 2 },
      }),
    );
  }, 600_000);

  it('ranks as computed by hand, and 2 satisfied cases do not outrank 200 at 95 %', async () => {
    // Act
    const { result, reads } = await recordingReads(runJob);
    const ranking = await getRanking(QUARTER);

    // Assess: hand computation (docs/scoring.md). Pooled verdict rate m = 321.2 / 349 = 0.92034;
    // pooled penalty per assigned issue p = 79 / 366 = 0.21585; k = 10 pseudo-cases.
    //   TA: EE (190 + 10m)/210 = 94.86; penalty 10 re-reviews → (10 + 10p)/210 = 0.0579 → SF 94.53; score 91.79
    //   TB: EE (2 + 10m)/12 = 93.36; penalty 0 → (0 + 10p)/12 = 0.1799 → SF 84.75; score 88.10
    //   TC: EE (30 + 3.2 + 10m)/44 = 96.37; 50 days × 0.2 + 5 returns = 15 on 45 → SF 76.22; score 87.05
    //   TD: EE (20 + 10m)/40 = 73.01; 40 × 0.2 + 10 + 6 × 0.5 + 2 = 23 on 30 → SF 61.39; score 70.92
    //   D1A: EE (25 + 10m)/35 = 97.72; SF 94.19; party 85 → 94.12
    //   D1B (5 unreasonable excluded): EE (13 + 10m)/30 = 74.01; 7 re-reviews on 20 → SF 76.61; party 95 → 78.99
    //   D2A: EE (18 + 10m)/28 = 97.16; 4 returns on 24 → SF 84.66; party 70 → 87.98
    //   D2B: EE (20 + 10m)/30 = 97.34; 100 × 0.2 = 20 on 20 → SF 57.52; party 90 → 83.93
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    expect(result.body).toMatchObject({ quarter: QUARTER, published: true, revision: 1, failures: [] });
    const expected: Record<Group, Array<[string, number]>> = {
      towns: [
        ['TA', 91.79],
        ['TB', 88.1],
        ['TC', 87.05],
        ['TD', 70.92],
      ],
      class1: [
        ['D1A', 94.12],
        ['D1B', 78.99],
      ],
      class2: [
        ['D2A', 87.98],
        ['D2B', 83.93],
      ],
    };
    for (const group of ['towns', 'class1', 'class2'] as const) {
      expect(ranking[group].map((row) => row.unitId)).toEqual(expected[group].map(([name]) => unit[name]));
      expect(ranking[group].map((row) => row.rank)).toEqual(expected[group].map((_, i) => i + 1));
      ranking[group].forEach((row, i) => {
        expect(row.score).toBeCloseTo(expected[group][i]?.[1] ?? Number.NaN, 1);
      });
    }
    const [ta, tb, tc] = ranking.towns;
    expect(ta).toMatchObject({ workload: 200, enterpriseEvaluation: expect.closeTo(94.86, 1) });
    expect(tb).toMatchObject({ workload: 2, enterpriseEvaluation: expect.closeTo(93.36, 1) });
    expect(tc?.explanation).toMatchObject({ enterpriseEvaluation: { noResponse: 6, counted: 34 } });
    const d1b = ranking.class1[1];
    expect(d1b).toMatchObject({ workload: 20 });
    expect(d1b?.explanation).toMatchObject({
      enterpriseEvaluation: { satisfied: 13, unsatisfied: 7 },
      unreasonable: { issues: 5, satisfied: 2, unsatisfied: 3, assigned: 5 },
    });

    // The job read units, the quarter's counters, party points and the ranking head: never an issue.
    expect(issueReads(reads, tableNames.ledger)).toEqual([]);
    expect(readsOnly(reads).some((read) => read.command === 'ScanCommand')).toBe(false);
    expect(new Set(readsOnly(reads).map((read) => read.partition))).toEqual(
      new Set(['UNIT', `UNITSTATS#${QUARTER}`, `PARTY#${QUARTER}`, `RANKING#${QUARTER}`]),
    );
  });

  it('changes nothing when run again for the same quarter, and publishes a correction as the next revision', async () => {
    // Prepare
    const before = await getRanking(QUARTER);

    // Act
    const again = await runJob();
    const after = await getRanking(QUARTER);

    // Assess
    expect(again.body).toMatchObject({ quarter: QUARTER, published: false, revision: before.revision });
    expect(after).toEqual(before);

    // A TD issue marked unreasonable after the quarter was ranked: the re-run publishes revision 2.
    const [late] = tagged.get('TD-unsatisfied') ?? [];
    await apply(late as string, { type: 'mark_unreasonable', reason }, on('2025-10-10'));
    const corrected = await runJob();
    const revised = await getRanking(QUARTER);
    expect(corrected.body).toMatchObject({ published: true, revision: before.revision + 1 });
    const td = revised.towns.find((row) => row.unitId === unit.TD);
    expect(td).toMatchObject({ workload: 29, explanation: { unreasonable: { issues: 1, unsatisfied: 1 } } });
    expect(revised.revision).toBe(before.revision + 1);
  });
});
