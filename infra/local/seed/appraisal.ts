import type { SeedClient } from './seed-client';
import { asOperator, inParallel, SeedRequestError, seedKey } from './seed-client';

const CONCURRENCY = 8;

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

interface Versioned {
  id: string;
  version: number;
  status: string;
}

interface ResidencyView {
  id: string;
  cadreId: string;
}

/** A call the program refuses as already done (or as over a quota) counts as done: the seed re-runs. */
const unlessRefused = async <T>(codes: readonly string[], call: () => Promise<T>): Promise<T | undefined> => {
  try {
    return await call();
  } catch (error) {
    if (error instanceof SeedRequestError && error.code && codes.includes(error.code)) return undefined;
    throw error;
  }
};

/** The demo's three batches as records: the two earlier ones ended, the current one active. */
export const DEMO_BATCHES = [
  {
    code: '2024-1',
    name: '2024年第一批驻企挂职',
    status: 'ended',
    startDate: '2024-03-01',
    endDate: '2024-12-31',
  },
  {
    code: '2025-1',
    name: '2025年第二批驻企挂职',
    status: 'ended',
    startDate: '2025-03-01',
    endDate: '2025-12-31',
  },
  {
    code: '2026-1',
    name: '2026年第三批驻企挂职',
    status: 'active',
    startDate: '2026-03-01',
    endDate: '2026-12-31',
  },
] as const;

export const seedBatches = async (client: SeedClient, plannedSize: number) =>
  inParallel(DEMO_BATCHES, CONCURRENCY, async ({ status, ...batch }, n) => {
    const created = await client.post<Versioned>(
      '/batches',
      asOperator,
      {
        ...batch,
        plan: '聚焦印染、经编、皮革等重点行业企业，开展党建指导、项目申报、股改上市等服务',
        plannedSize,
      },
      seedKey('batch', n),
    );
    const current = await client.get<Versioned>(`/batches/${batch.code}`, asOperator);
    if (current.status !== status) {
      await client.call(
        'PATCH',
        `/batches/${batch.code}`,
        asOperator,
        { status },
        { 'if-match': String(current.version) },
      );
    }
    return created;
  });

const residenciesOf = async (client: SeedClient, batch: string): Promise<ResidencyView[]> => {
  const all: ResidencyView[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<ResidencyView> = await client.get<Page<ResidencyView>>(
      `/residencies?batch=${batch}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      asOperator,
    );
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
};

const GRADES = ['excellent', 'competent', 'competent', 'excellent', 'basically_competent'] as const;

/**
 * The 2025 appraisal of the ended 2025 batch: an assessment of every residency, a democratic review
 * round with ballots of both voter groups (sheets of at most 50 cadres), the cadres' 述职 reports
 * and grades — excellent ones taking the separate list's places while they last, and the city-managed
 * section-level cadres' grades through the city leader's opinion and the committee's approval.
 */
export const seedAppraisal = async (client: SeedClient, cityManaged: ReadonlySet<string>) => {
  const year = '2025';
  const residencies = await residenciesOf(client, '2025-1');
  await inParallel(residencies, CONCURRENCY, (residency, n) =>
    unlessRefused(['ALREADY_ASSESSED'], () =>
      client.post(
        `/residencies/${residency.id}/assessment`,
        asOperator,
        {
          headEvaluation: { score: [5, 4, 4, 5, 3][n % 5], comment: '挂职期间主动服务，协调解决实际困难' },
          selfSummary: '驻企期间围绕企业发展需求，协助项目申报与审批代办。',
          conclusion: GRADES[n % GRADES.length],
        },
        seedKey('assessment', residency.id),
      ),
    ),
  );
  const round = await client.post<Versioned>(
    '/batches/2025-1/review-rounds',
    asOperator,
    { date: '2025-12-18', note: '干部群众代表、企业代表民主评议' },
    seedKey('review-round', year),
  );
  const current = await client.get<Versioned>(`/review-rounds/${round.id}`, asOperator);
  if (current.status === 'open') {
    const cadreIds = residencies.map((residency) => residency.cadreId);
    const sheets = Array.from({ length: Math.ceil(cadreIds.length / 50) }, (_, s) =>
      cadreIds.slice(s * 50, s * 50 + 50),
    );
    const ballots = Array.from({ length: 6 }, (_, voter) =>
      sheets.map((sheet, s) => ({ voter, s, sheet })),
    ).flat();
    await inParallel(ballots, CONCURRENCY, ({ voter, s, sheet }) =>
      client.post(
        `/review-rounds/${round.id}/ballots`,
        asOperator,
        {
          voterGroup: voter % 2 === 0 ? 'cadres_public' : 'enterprise',
          votes: sheet.map((cadreId, c) => ({ cadreId, grade: GRADES[(voter + c) % GRADES.length] })),
        },
        seedKey(`ballot-${voter}`, s),
      ),
    );
    await client.call(
      'POST',
      `/review-rounds/${round.id}/close`,
      asOperator,
      {},
      { 'if-match': String(current.version) },
    );
  }
  await inParallel(residencies, CONCURRENCY, (residency) =>
    unlessRefused(['ANNUAL_REPORT_EXISTS'], () =>
      client.post(
        `/cadres/${residency.cadreId}/annual-reports`,
        { role: 'cadre', scope: { cadreId: residency.cadreId } },
        { year, summary: '一年来，按照“亲清互挂”要求脱产驻企，围绕企业需求开展服务。' },
        seedKey('annual-report', residency.cadreId),
      ),
    ),
  );
  // One at a time: which cadre gets the last excellent place must not depend on request timing.
  for (const [n, residency] of residencies.entries()) {
    const grade = await unlessRefused(['ALREADY_GRADED', 'EXCELLENT_QUOTA_EXHAUSTED'], () =>
      client.post<Versioned>(
        `/appraisals/${year}/grades`,
        asOperator,
        { cadreId: residency.cadreId, grade: n % 4 === 0 ? 'excellent' : 'competent' },
        seedKey('grade', residency.cadreId),
      ),
    );
    if (!grade || !cityManaged.has(residency.cadreId)) continue;
    let view = await client.get<Versioned>(`/appraisals/${year}/grades/${residency.cadreId}`, asOperator);
    if (view.status === 'awaiting_leader_opinion') {
      view = await client.call<Versioned>(
        'POST',
        `/appraisals/${year}/grades/${residency.cadreId}/leader-opinion`,
        { role: 'leader' },
        { opinion: 'agree', comment: '同意所在单位意见' },
        { 'if-match': String(view.version) },
      );
    }
    if (view.status === 'awaiting_committee_approval') {
      await client.call(
        'POST',
        `/appraisals/${year}/grades/${residency.cadreId}/committee-approval`,
        asOperator,
        { grade: n % 4 === 0 ? 'excellent' : 'competent', reference: '市委常委会 2026-01-15' },
        { 'if-match': String(view.version) },
      );
    }
  }
  return { assessed: residencies.length };
};
