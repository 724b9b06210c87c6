import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { handler as enterprises } from '../../functions/api/enterprises/handler';
import { handler as grids } from '../../functions/api/grids/handler';
import { handler as reports } from '../../functions/api/reports/handler';
import { handler as visits } from '../../functions/api/visits/handler';
import { programDateOf } from '../../shared/domain/calendar/program-date';
import { claimsFor, invoke } from '../../tools/lambda-events';
import { randomCreditCode } from '../support/credit-codes';
import { createCadre, createGrid, createTown, operator } from './master-data-fixtures';

const today = programDateOf(new Date());

/** Every required answer of questionnaire v1, with q14 (对各级惠企政策的了解程度) as given. */
const answersKnowing = (q14: string) => ({
  q1: 'normal',
  q3: 86,
  q6: true,
  q7: 500,
  q8: ['bank_loan'],
  q14,
  q17: 'basically_satisfied',
});

describe("the questionnaire's measure of policy awareness in /stats, against DynamoDB Local", () => {
  it("counts each visit's q14 answer in its town, beside the acknowledgement rate, equal to a recount", async () => {
    // Prepare: a town with a grid, a team of one cadre and four enterprises.
    const townUnitId = (await createTown()).id;
    const gridId = (await createGrid(townUnitId)).id;
    const cadreId = (await createCadre(townUnitId)).id;
    const team = await invoke(grids, {
      routeKey: 'POST /grids/{gridId}/teams',
      pathParameters: { gridId },
      body: { name: '走访小组', memberCadreIds: [cadreId] },
      claims: operator,
    });
    const enterpriseIds = await Promise.all(
      [1, 2, 3, 4].map(async () => {
        const { body } = await invoke(enterprises, {
          routeKey: 'POST /enterprises',
          body: {
            creditCode: randomCreditCode(),
            name: '海宁问卷测试企业',
            industry: 'dyeing',
            townUnitId,
            gridId,
            aboveScale: true,
          },
          claims: operator,
        });
        return (body as { id: string }).id;
      }),
    );
    const answers = [
      answersKnowing('very_well'),
      answersKnowing('somewhat'),
      answersKnowing('fairly_well'),
      {},
    ];

    // Act: one visit per enterprise, the last without a questionnaire.
    const logged = await Promise.all(
      enterpriseIds.map((enterpriseId, i) =>
        invoke(visits, {
          routeKey: 'POST /visits',
          body: { enterpriseId, teamId: String(team.body?.id), date: today, questionnaire: answers[i] },
          headers: { 'idempotency-key': randomUUID() },
          claims: claimsFor('cadre', { cadreId }),
        }),
      ),
    );
    const stats = await invoke(reports, {
      routeKey: 'GET /stats',
      query: { from: today, to: today },
      claims: claimsFor('leader'),
    });

    // Assert: a recount of the answers given.
    expect(logged.map((reply) => reply.status)).toEqual([201, 201, 201, 201]);
    const recount = answers.filter((a) => 'q14' in a);
    const aware = recount.filter((a) => a.q14 === 'very_well' || a.q14 === 'fairly_well').length;
    const byTown = (stats.body as { policyAwareness: { byTown: { townUnitId: string }[] } }).policyAwareness
      .byTown;
    expect(byTown.find((town) => town.townUnitId === townUnitId)).toEqual({
      townUnitId,
      delivered: 0,
      acknowledged: 0,
      rate: null,
      questionnaire: {
        answered: recount.length,
        aware,
        rate: Math.round((aware / recount.length) * 10_000) / 10_000,
      },
    });
  });
});
