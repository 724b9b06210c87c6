import type { CalendarDate } from '../../../shared/domain/calendar';
import type { Question } from '../../../shared/domain/questionnaires/questionnaire';
import { currentQuestionnaire } from '../../../shared/domain/questionnaires/versions';
import type { DemoData } from './demo-data';
import type { MasterDataIds } from './master-data';
import { asOperator, inParallel, type SeedClient, SeedRequestError, seedKey } from './seed-client';

const CONCURRENCY = 8;

interface Created {
  id: string;
  version: number;
  status?: string;
}

/** Residencies come in three yearly batches; the two earlier ones have ended. */
const BATCHES = [
  { batch: '2024-1', startDate: '2024-03-01', endDate: '2024-12-31', ended: true },
  { batch: '2025-1', startDate: '2025-03-01', endDate: '2025-12-31', ended: true },
  { batch: '2026-1', startDate: '2026-03-01', endDate: '2026-12-31', ended: false },
] as const;

/** A second call that the program refuses as already done counts as done: the seed is re-runnable. */
const unlessAlready = async (codes: readonly string[], call: () => Promise<unknown>) => {
  try {
    await call();
  } catch (error) {
    if (!(error instanceof SeedRequestError && error.code && codes.includes(error.code))) throw error;
  }
};

/**
 * Every body here is a function of the record's number alone, so a second run sends the same bodies
 * under the same Idempotency-Keys (requests run in parallel, so a shared random stream would not be).
 *
 * Residencies of pool cadres in three batches, each with a service log and the host's evaluation,
 * the earlier batches ended; enterprise staff placed in departments.
 */
export const seedSecondments = async (client: SeedClient, data: DemoData, ids: MasterDataIds) => {
  const pool = data.cadres.flatMap((cadre, i) => (cadre.inPool ? [i] : []));
  const perBatch = Math.floor(pool.length / 2);
  const residencies = BATCHES.flatMap((batch, b) =>
    Array.from({ length: perBatch }, (_, n) => {
      const cadre = pool[(b * perBatch + n) % pool.length] as number;
      return { ...batch, cadre, enterprise: (b * 997 + n * 7) % ids.enterpriseIds.length, n: b * 10_000 + n };
    }),
  );
  // A cadre holds one active residency at a time: a batch is created (and ended) before the next.
  for (const batch of BATCHES) {
    await inParallel(
      residencies.filter((r) => r.batch === batch.batch),
      CONCURRENCY,
      async ({ cadre, enterprise, n, ...dates }) => {
        const cadreId = ids.cadreIds[cadre] as string;
        const enterpriseId = ids.enterpriseIds[enterprise] as string;
        const skills = data.cadres[cadre]?.serviceSkills ?? [];
        const created = await client.post<Created>(
          '/residencies',
          asOperator,
          {
            cadreId,
            enterpriseId,
            batch: dates.batch,
            startDate: dates.startDate,
            endDate: dates.endDate,
            services: skills,
          },
          seedKey('residency', n),
        );
        const current = await client.get<Created>(`/residencies/${created.id}`, asOperator);
        if (current.status !== 'active') return;
        const resident = { role: 'cadre', scope: { cadreId } } as const;
        for (let s = 0; s < 2; s++) {
          await client.post(
            `/residencies/${created.id}/services`,
            resident,
            {
              type: skills[s % skills.length],
              date: dates.ended ? `${dates.startDate.slice(0, 4)}-0${4 + s}-15` : dates.startDate,
              description: '上门走访，协调解决企业诉求',
              ...(s === 0 ? { fundsFen: ((n % 50) + 1) * 1_000_000 } : {}),
            },
            seedKey(`service-${s}`, n),
          );
        }
        await unlessAlready(['ALREADY_EVALUATED'], () =>
          client.post(
            `/residencies/${created.id}/evaluations`,
            { role: 'enterprise', scope: { enterpriseId } },
            {
              fitScore: [3, 4, 4, 5, 5][n % 5],
              serviceScore: [3, 4, 5, 5, 5][(n + 2) % 5],
              comment: '挂职干部熟悉行业，服务及时',
            },
          ),
        );
        if (dates.ended) {
          await client.call(
            'POST',
            `/residencies/${created.id}/end`,
            asOperator,
            { endedOn: dates.endDate },
            {
              'if-match': String(current.version),
            },
          );
        }
      },
    );
  }
  const placements = Array.from({ length: Math.max(3, Math.round(perBatch / 3)) }, (_, n) => n);
  await inParallel(placements, CONCURRENCY, (n) =>
    client.post(
      '/placements',
      asOperator,
      {
        enterpriseId: ids.enterpriseIds[(n * 13) % ids.enterpriseIds.length],
        staffName: `企业骨干${n + 1}`,
        staffTitle: ['生产经理', '财务主管', '人事专员', '技术总监'][n % 4],
        unitId: ids.unitIds[data.departments[n % data.departments.length] as number],
        startDate: '2026-04-01',
        endDate: '2026-09-30',
      },
      seedKey('placement', n),
    ),
  );
  return { residencies: residencies.length, placements: placements.length };
};

/** A plausible answer to every question of the current questionnaire. */
const answerOf = (question: Question): unknown => {
  switch (question.type) {
    case 'boolean':
      return true;
    case 'integer':
    case 'number':
      return question.min ?? 1;
    case 'text':
      return '生产经营总体平稳';
    case 'choice':
      return question.options?.[0]?.value;
    case 'multi_choice':
      return question.options?.slice(0, 1).map((option) => option.value);
  }
};

/** Two visits per team to enterprises of its grid, half of them with the questionnaire answered. */
export const seedVisits = async (
  client: SeedClient,
  data: DemoData,
  ids: MasterDataIds,
  today: CalendarDate,
) => {
  const questionnaire = currentQuestionnaire();
  const answers = Object.fromEntries(questionnaire.questions.map((q) => [q.id, answerOf(q)]));
  const enterprisesOfGrid = (grid: number) =>
    data.enterprises.flatMap((e, i) => (e.grid === grid ? [i] : []));
  const visits = data.teams.flatMap((team, t) =>
    enterprisesOfGrid(team.grid)
      .slice(0, 2)
      .map((enterprise, v) => ({ team, t, enterprise, n: t * 10 + v })),
  );
  await inParallel(visits, CONCURRENCY, ({ team, t, enterprise, n }) =>
    client.post(
      '/visits',
      { role: 'cadre', scope: { cadreId: ids.cadreIds[team.members[0] as number] as string } },
      {
        enterpriseId: ids.enterpriseIds[enterprise],
        teamId: ids.teamIds[t],
        date: today,
        questionnaire: n % 2 === 0 ? answers : {},
      },
      seedKey('visit', n),
    ),
  );
  return { visits: visits.length };
};

/** The expert panel with a few engagements, and entrepreneur trainings with attendance. */
export const seedRegistries = async (client: SeedClient, ids: MasterDataIds) => {
  const experts = await inParallel(
    Array.from({ length: 12 }, (_, n) => n),
    CONCURRENCY,
    async (n) =>
      client.post<Created>(
        '/experts',
        asOperator,
        {
          name: `专家${n + 1}`,
          profession: (['professor', 'accountant', 'consultant'] as const)[n % 3],
          fields: [],
          specialty: '企业转型升级与合规经营',
        },
        seedKey('expert', n),
      ),
  );
  await inParallel(experts, CONCURRENCY, (expert, n) =>
    client.post(
      `/experts/${expert.id}/engagements`,
      asOperator,
      {
        enterpriseId: ids.enterpriseIds[(n * 31) % ids.enterpriseIds.length],
        date: '2026-06-18',
        topic: '上门诊断',
        outcome: '形成提升方案',
      },
      seedKey('engagement', n),
    ),
  );
  const trainings = await inParallel(
    Array.from({ length: 6 }, (_, n) => n),
    CONCURRENCY,
    (n) =>
      client.post<Created>(
        '/trainings',
        asOperator,
        { title: `企业家大讲堂第${n + 1}期`, date: `2026-0${n + 3}-20`, audience: 'entrepreneurs' },
        seedKey('training', n),
      ),
  );
  await inParallel(trainings, CONCURRENCY, (training, n) =>
    unlessAlready(['ATTENDANCE_EXISTS'], () =>
      client.post(
        `/trainings/${training.id}/attendance`,
        asOperator,
        {
          attendees: Array.from({ length: 20 }, (_, a) => ({
            enterpriseId: ids.enterpriseIds[(n * 20 + a) % ids.enterpriseIds.length],
            name: `企业负责人${a + 1}`,
          })),
        },
        seedKey('attendance', n),
      ),
    ),
  );
  return { experts: experts.length, trainings: trainings.length };
};
