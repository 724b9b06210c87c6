import { builtInCalendar, type CalendarDate, programDateOf } from '../../../shared/domain/calendar';
import { dateOfDayNumber, requireCalendarDate } from '../../../shared/domain/calendar/calendar-date';
import { seedAppraisal, seedBatches } from './appraisal';
import { type DemoData, type DemoSize, demoData } from './demo-data';
import { seedRegistries, seedSecondments, seedVisits } from './field-work';
import { ISSUE_CATEGORIES, ISSUE_PATHS, type IssueStep } from './issue-paths';
import { seedExpertCampaign, seedKeyEnterprises } from './key-enterprises';
import { loadMasterData } from './master-data';
import { seedPolicies } from './policies';
import { asOperator, inParallel, type SeedClient, SeedRequestError, seedKey } from './seed-client';

interface Created {
  id: string;
}

interface IssueView {
  id: string;
  status: string;
  version: number;
  assignment?: { unitId: string } | null;
}

const admin = { role: 'admin' } as const;
const leader = { role: 'leader' } as const;

const CONCURRENCY = 8;

export interface SeedReport {
  timings: Record<string, number>;
  issuesScripted: number;
  /** Issues the run left as they were: scripted by an earlier run, or with nothing to do (open). */
  issuesLeftAlone: number;
}

/**
 * Loads the demo data set: master data first, in-process through the creation use cases (each
 * idempotent), then issues taken along scripted paths through the API (`client`), as people would. An issue that already moved on from `open` was scripted by an earlier
 * run and is left as it is, so a second run changes nothing.
 */
export const seedDemo = async (client: SeedClient, size: DemoSize): Promise<SeedReport> => {
  const data = demoData(size);
  const timings: Record<string, number> = {};
  const timed = async <T>(what: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    timings[what] = Math.round(performance.now() - started);
    return result;
  };

  const ids = await loadMasterData(data, timed);
  const { unitIds, enterpriseIds } = ids;
  const today = programDateOf(new Date());
  await timed('batches', () =>
    seedBatches(client, Math.floor(data.cadres.filter((c) => c.inPool).length / 2)),
  );
  await timed('secondments', () => seedSecondments(client, data, ids));
  const cityManaged = new Set(
    data.cadres.flatMap((c, i) => (c.cityManagedSectionLevel ? [ids.cadreIds[i] as string] : [])),
  );
  await timed('appraisal', () => seedAppraisal(client, cityManaged));
  await timed('visits', () => seedVisits(client, data, ids, today));
  await timed('registries', () => seedRegistries(client, ids));
  await timed('expert campaign', () => seedExpertCampaign(client, ids));
  await timed('key enterprises', () => seedKeyEnterprises(client, data, ids));
  await timed('policies', () => seedPolicies(client, ids, data.towns));
  const issues = await timed('issues', () => seedIssues(client, data, size, { unitIds, enterpriseIds }));
  return { timings, ...issues };
};

interface Refs {
  unitIds: string[];
  enterpriseIds: string[];
}

const seedIssues = async (client: SeedClient, data: DemoData, size: DemoSize, refs: Refs) => {
  const today = programDateOf(new Date());
  const scripts = Object.entries(ISSUE_PATHS).flatMap(([path, steps], p) =>
    Array.from({ length: size.issuesPerPath }, (_, n) => ({ path, steps, n: p * 1000 + n })),
  );
  let issuesScripted = 0;
  const awaitingDecision: { issueId: string; unitId: string }[] = [];
  await inParallel(scripts, CONCURRENCY, async ({ path, steps, n }) => {
    const enterprise = n % refs.enterpriseIds.length;
    const enterpriseId = refs.enterpriseIds[enterprise] as string;
    const unitId = refs.unitIds[data.departments[n % data.departments.length] as number] as string;
    const category = ISSUE_CATEGORIES[n % ISSUE_CATEGORIES.length] as (typeof ISSUE_CATEGORIES)[number];
    const raised = await client.post<IssueView>(
      '/issues',
      asOperator,
      {
        enterpriseId,
        category: category.code,
        // Every fifth demo issue is a suggestion (建议) rather than a problem.
        type: n % 5 === 4 ? 'suggestion' : 'problem',
        title: `${category.words}：${path}（演示 ${n}）`,
        description: `演示数据：${data.enterprises[enterprise]?.name} 反映的问题，按“${path}”路径办理。`,
        source: 'hotline',
      },
      seedKey('issue', n),
    );
    const current = await client.get<IssueView>(`/issues/${raised.id}`, asOperator);
    // Moved on since raising: an earlier run scripted it. (An open issue's path has no steps at all.)
    if (current.version > 1 || steps.length === 0) return;
    issuesScripted++;
    let version = current.version;
    for (const step of steps) {
      if (step.do === 'consultation-decision') awaitingDecision.push({ issueId: raised.id, unitId });
      else version = await takeStepOnce(client, step, { issueId: raised.id, unitId, enterpriseId }, version);
    }
  });
  await decideAtConsultation(client, today, awaitingDecision);
  await sweepForOverdue(client, today);
  return { issuesScripted, issuesLeftAlone: scripts.length - issuesScripted };
};

/**
 * A step taken exactly once although the store may answer 503 SERVICE_BUSY (DynamoDB Local on a
 * loaded machine answering late): an issue action carries no Idempotency-Key, so after a 503 the
 * issue's version tells whether the step was applied before it is sent again. Answers the version
 * the issue has after the step.
 */
const takeStepOnce = async (
  client: SeedClient,
  step: Exclude<IssueStep, { do: 'consultation-decision' }>,
  refs: { issueId: string; unitId: string; enterpriseId: string },
  versionBefore: number,
): Promise<number> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return (await takeStep(client, step, refs)).version;
    } catch (error) {
      // A try that answered 503 may still have gone through after the re-read (the function kept
      // running): the retry then meets the new status, and the issue's version says it moved on.
      if (attempt > 1 && error instanceof SeedRequestError && error.code === 'INVALID_TRANSITION') {
        const { version } = await client.get<IssueView>(`/issues/${refs.issueId}`, asOperator);
        if (version > versionBefore) return version;
      }
      if (!(error instanceof SeedRequestError && error.code === 'SERVICE_BUSY') || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
      const { version } = await client.get<IssueView>(`/issues/${refs.issueId}`, asOperator);
      if (version > versionBefore) return version;
    }
  }
};

export const takeStep = async (
  client: SeedClient,
  step: Exclude<IssueStep, { do: 'consultation-decision' }>,
  { issueId, unitId, enterpriseId }: { issueId: string; unitId: string; enterpriseId: string },
): Promise<IssueView> => {
  const department = { role: 'department', scope: { unitId } } as const;
  const enterprise = { role: 'enterprise', scope: { enterpriseId } } as const;
  const on = (action: string) => `/issues/${issueId}/${action}`;
  switch (step.do) {
    case 'escalate':
      return client.post<IssueView>(
        on('escalate'),
        asOperator,
        step.toUnit
          ? { unitId, ...(step.dueWorkingDays ? { dueWorkingDays: step.dueWorkingDays } : {}) }
          : {},
      );
    case 'dispatch':
      return client.post<IssueView>(on('dispatch'), asOperator, { unitId });
    case 'return':
      return client.post<IssueView>(on('return'), department, {
        reasonCode: 'needs_other_department',
        note: '需自然资源部门牵头',
      });
    case 'accept-return':
      return client.post<IssueView>(on('return-decision'), asOperator, { accept: true, reason: '同意改派' });
    case 'request-consultation':
      return client.post<IssueView>(on('request-consultation'), department, { note: '涉及多部门，提请会商' });
    case 'resolution':
      return client.post<IssueView>(on('resolution'), department, { resolution: '已现场协调并出具办理意见' });
    case 'resolve-on-spot':
      return client.post<IssueView>(on('resolve-on-spot'), asOperator, {
        resolution: '走访时当场解答政策口径',
      });
    case 'feedback':
      return client.post<IssueView>(on('feedback'), enterprise, {
        verdict: step.verdict,
        comment: '演示评价',
      });
  }
};

/** The half-monthly consultation of the demo day: its agenda is every issue awaiting consultation. */
const decideAtConsultation = async (
  client: SeedClient,
  today: CalendarDate,
  decisions: readonly { issueId: string; unitId: string }[],
) => {
  if (decisions.length === 0) return;
  const consultation = await callConsultation(client, today);
  for (const { issueId, unitId } of decisions) {
    await client.post(`/consultations/${consultation.id}/decisions`, leader, {
      issueId,
      leadUnitId: unitId,
      dueWorkingDays: 10,
      note: '会商议定：牵头单位限期办结',
    });
  }
};

/** One consultation per date: when the day already has one (not the seed's), the next free day is taken. */
const callConsultation = async (client: SeedClient, from: CalendarDate): Promise<Created> => {
  for (let day = 0; ; day++) {
    const date = dateOfDayNumber(requireCalendarDate(from).dayNumber + day);
    try {
      return await client.post<Created>(
        '/consultations',
        asOperator,
        { date },
        seedKey('consultation', date),
      );
    } catch (error) {
      if (!(error instanceof SeedRequestError && error.code === 'CONFLICT') || day >= 30) throw error;
    }
  }
};

/**
 * Assignments due in one working day become overdue when the daily sweep runs two working days later;
 * the seed runs that sweep now (idempotent for its date), as the schedule would have.
 */
const sweepForOverdue = async (client: SeedClient, today: CalendarDate) => {
  let asOf: CalendarDate;
  try {
    asOf = builtInCalendar().addWorkingDays(today, 2);
  } catch {
    // Late in a year whose successor has no holiday arrangements yet: the demo goes without overdue issues.
    return;
  }
  // A run is idempotent per date (API.md): one that outlasted the API's 29 s (a large demo day) and
  // answered 503 is sent again once the first has had time to finish, and completes what it left.
  for (let attempt = 1; ; attempt++) {
    try {
      await client.post('/jobs/daily-sweep/runs', admin, { asOf });
      return;
    } catch (error) {
      if (!(error instanceof SeedRequestError && error.code === 'SERVICE_BUSY') || attempt >= 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 30_000));
    }
  }
};
