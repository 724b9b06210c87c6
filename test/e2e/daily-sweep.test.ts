import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CalendarYear, createWorkingCalendar, type WorkingCalendar } from '../../shared/domain/calendar';
import { randomCreditCode } from '../support/credit-codes';
import { api, type Problem, tokenFor } from '../support/e2e';

type Created = { id: string };
interface IssueView {
  id: string;
  status: string;
  assignment?: { dueDate: string; supervisionLevel: number; overdue: boolean; card?: string };
}
interface SweepRun {
  job: string;
  asOf: string;
  overdue: { signalled: number };
  failures: unknown[];
}

const suffix = randomUUID().slice(0, 8);
let operator: string;
let admin: string;
let unitId: string;
let enterpriseId: string;
let calendar: WorkingCalendar;

const created = async (path: string, body: unknown, headers?: Record<string, string>) => {
  const response = await api<Created>('POST', path, { token: operator, body, headers });
  expect(response.status, `POST ${path}`).toBe(201);
  return response.body.id;
};

/** The calendar as the server holds it (the e2e setup made sure it covers this year and the next). */
const serverCalendar = async (): Promise<WorkingCalendar> => {
  const { body } = await api<{ items: CalendarYear[] }>('GET', '/calendar/years', { token: operator });
  return createWorkingCalendar(body.items.map(({ year, notice, holidays }) => ({ year, notice, holidays })));
};

const issue = async (issueId: string) =>
  (await api<IssueView>('GET', `/issues/${issueId}`, { token: operator })).body;

const runSweep = (asOf: string, token = admin) =>
  api<SweepRun & Problem>('POST', '/jobs/daily-sweep/runs', { token, body: { asOf } });

/**
 * Runs the sweep for `asOf` until the issue shows what the run should bring about. Running again for
 * the same date is safe by design; it is needed here because each signal's automatic step and the
 * execution's next wait complete in the background after the run answers.
 */
const sweepUntil = async (asOf: string, issueId: string, reached: (view: IssueView) => boolean) => {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const run = await runSweep(asOf);
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({ job: 'daily-sweep', asOf, failures: [] });
    const view = await issue(issueId);
    if (reached(view)) return view;
    if (Date.now() > deadline) throw new Error(`issue ${issueId} did not get there: ${JSON.stringify(view)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

beforeAll(async () => {
  [operator, admin] = await Promise.all([tokenFor('operator'), tokenFor('admin')]);
  calendar = await serverCalendar();
  unitId = await created('/units', {
    code: `E2E-D-${suffix}`,
    name: '经信局',
    kind: 'department',
    category: 'class1',
  });
  const townUnitId = await created('/units', { code: `E2E-ST-${suffix}`, name: '许村镇', kind: 'town' });
  const gridId = await created('/grids', { code: `E2E-SG-${suffix}`, name: '许村一网格', townUnitId });
  enterpriseId = await created('/enterprises', {
    creditCode: randomCreditCode(),
    name: '海宁家纺样例有限公司',
    industry: 'warp_knitting',
    townUnitId,
    gridId,
    aboveScale: true,
  });
});

describe('daily sweep over HTTP', () => {
  it('supervises an overdue assignment: yellow at level 1, red at level 2, then the consultation agenda', async () => {
    // Prepare: an issue assigned to the department, due the next working day.
    const issueId = await created(
      '/issues',
      { enterpriseId, category: 'land', title: '新厂房用地', description: '企业扩产需要用地指标' },
      { 'Idempotency-Key': `e2e-sweep-${suffix}` },
    );
    const escalated = await api<IssueView>('POST', `/issues/${issueId}/escalate`, {
      token: operator,
      body: { unitId, dueWorkingDays: 1 },
    });
    expect(escalated.status).toBe(200);
    expect(escalated.body.status).toBe('assigned');
    // The unit signs for it at once: what is at stake here is the supervision of the overdue work.
    const department = await tokenFor('department', { unitId });
    expect((await api('POST', `/issues/${issueId}/sign-for`, { token: department })).status).toBe(200);
    const dueDate = escalated.body.assignment?.dueDate ?? '';
    const overdueBy = (workingDays: number) => calendar.addWorkingDays(dueDate, workingDays);

    // Act + Assess: one working day overdue.
    const levelOne = await sweepUntil(
      overdueBy(1),
      issueId,
      (view) => view.assignment?.supervisionLevel === 1,
    );
    expect(levelOne).toMatchObject({
      status: 'assigned',
      assignment: { overdue: true, supervisionLevel: 1, card: 'yellow' },
    });

    // Four working days overdue: the second level.
    const levelTwo = await sweepUntil(
      overdueBy(4),
      issueId,
      (view) => view.assignment?.supervisionLevel === 2,
    );
    expect(levelTwo).toMatchObject({ status: 'assigned', assignment: { supervisionLevel: 2, card: 'red' } });

    // Seven working days overdue: past the supervision limit, onto the consultation agenda.
    const agenda = await sweepUntil(overdueBy(7), issueId, (view) => view.status === 'awaiting_consultation');
    expect(agenda.status).toBe('awaiting_consultation');

    const ledger = await api<{
      items: { action: string; actor: { sub: string } }[];
      chain: { valid: boolean };
    }>('GET', `/issues/${issueId}/ledger`, { token: operator });
    expect(ledger.body.chain.valid).toBe(true);
    // A scheduled sweep firing during the run (00:30 in Shanghai) may have shown a blue card first.
    const actions = ledger.body.items
      .map((entry) => entry.action)
      .filter((action) => action !== 'card_shown');
    expect(actions).toEqual([
      'raised',
      'escalated',
      'signed_for',
      'supervised',
      'supervised',
      'put_on_consultation_agenda',
    ]);
  });

  it('runs jobs by hand for admins only, and answers 404 JOB_NOT_FOUND for a job not built yet', async () => {
    const asOf = calendar.addWorkingDays(new Date().toISOString().slice(0, 10), 1);

    const asOperator = await runSweep(asOf, operator);
    const notBuilt = await api<Problem>('POST', '/jobs/no-such-job/runs', {
      token: admin,
      body: { asOf },
    });

    expect(asOperator.status).toBe(403);
    expect(notBuilt.status).toBe(404);
    expect(notBuilt.body.code).toBe('JOB_NOT_FOUND');
  });
});
