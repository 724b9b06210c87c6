import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CalendarYear, createWorkingCalendar, type WorkingCalendar } from '../../shared/domain/calendar';
import { randomCreditCode } from '../support/credit-codes';
import { api, baseUrl, type Problem, tokenFor } from '../support/e2e';

type Tally = { count: number; issueIds: string[] };
interface Row {
  unitId: string;
  card: string | null;
  open: Tally;
  overdue: Tally;
  cards: { red: Tally };
  workingDaysOverdue: { total: number; max: number };
}
interface Report {
  week: string;
  asOf: string;
  items: Row[];
  nextCursor: string | null;
}
interface RecordedEvent {
  detailType: string;
  detail: { id: string; unitId: string; week: string; card: string | null };
}

const suffix = randomUUID().slice(0, 8);
let operator: string;
let leader: string;
let admin: string;
let calendar: WorkingCalendar;

const created = async (path: string, body: unknown, headers?: Record<string, string>) => {
  const response = await api<{ id: string }>('POST', path, { token: operator, body, headers });
  expect(response.status, `POST ${path}`).toBe(201);
  return response.body.id;
};

/** Every row of a week's report, page by page, as a leader reads it. */
const report = async (week: string) => {
  const rows: Row[] = [];
  let cursor = '';
  for (;;) {
    const page = await api<Report>('GET', `/inspections?week=${week}&limit=2${cursor}`, { token: leader });
    expect(page.status).toBe(200);
    rows.push(...page.body.items);
    if (!page.body.nextCursor) return rows;
    cursor = `&cursor=${encodeURIComponent(page.body.nextCursor)}`;
  }
};

const inspectionEvents = async () => {
  const response = await fetch(`${baseUrl()}/_local/events?detailType=WeeklyInspectionReported`);
  return ((await response.json()) as { events: RecordedEvent[] }).events;
};

beforeAll(async () => {
  [operator, leader, admin] = await Promise.all([
    tokenFor('operator'),
    tokenFor('leader'),
    tokenFor('admin'),
  ]);
  const { body } = await api<{ items: CalendarYear[] }>('GET', '/calendar/years', { token: operator });
  calendar = createWorkingCalendar(
    body.items.map(({ year, notice, holidays }) => ({ year, notice, holidays })),
  );
});

describe('weekly inspection over HTTP', () => {
  it('runs by hand, answers the week’s report per unit, publishes one event per unit, and re-runs change nothing', async () => {
    // Prepare: two units with work, one of them red (4 working days overdue).
    const redUnit = await created('/units', {
      code: `E2E-RD-${suffix}`,
      name: '发改局',
      kind: 'department',
      category: 'class1',
    });
    const townUnitId = await created('/units', { code: `E2E-RT-${suffix}`, name: '长安镇', kind: 'town' });
    const gridId = await created('/grids', { code: `E2E-RG-${suffix}`, name: '长安一网格', townUnitId });
    const enterpriseId = await created('/enterprises', {
      creditCode: randomCreditCode(),
      name: '海宁经编样例有限公司',
      industry: 'warp_knitting',
      townUnitId,
      gridId,
      aboveScale: true,
    });
    const issueId = await created(
      '/issues',
      { enterpriseId, category: 'land', title: '厂房审批', description: '扩建审批进度慢' },
      { 'Idempotency-Key': `e2e-rhythm-${suffix}` },
    );
    const escalated = await api<{ assignment: { dueDate: string } }>('POST', `/issues/${issueId}/escalate`, {
      token: operator,
      body: { unitId: redUnit, dueWorkingDays: 1 },
    });
    expect(escalated.status).toBe(200);
    const asOf = calendar.addWorkingDays(escalated.body.assignment.dueDate, 4);

    // Act
    const run = await api<{ week: string; stored: number; failures: unknown[] }>(
      'POST',
      '/jobs/weekly-inspection/runs',
      { token: admin, body: { asOf } },
    );

    // Assess
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({ job: 'weekly-inspection', asOf, alreadyComplete: false, failures: [] });
    const { week } = run.body;
    const rows = await report(week);
    const mine = rows.find((row) => row.unitId === redUnit);
    expect(mine).toMatchObject({
      card: 'red',
      open: { count: 1, issueIds: [issueId] },
      overdue: { count: 1, issueIds: [issueId] },
      cards: { red: { count: 1, issueIds: [issueId] } },
      workingDaysOverdue: { total: 4, max: 4 },
    });
    expect(rows.find((row) => row.unitId === townUnitId)).toMatchObject({ card: null, open: { count: 0 } });
    // One event per unit, with a stable id, delivered from the table stream to the local bus.
    const deadline = Date.now() + 15_000;
    let events = await inspectionEvents();
    while (
      events.filter((event) => event.detail.week === week).length < rows.length &&
      Date.now() < deadline
    ) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      events = await inspectionEvents();
    }
    const ofWeek = events.filter((event) => event.detail.week === week);
    expect(ofWeek).toHaveLength(rows.length);
    expect(ofWeek.find((event) => event.detail.unitId === redUnit)?.detail).toMatchObject({
      id: `weekly-inspection/${week}/${redUnit}`,
      card: 'red',
    });

    // Act again: the same week.
    const again = await api('POST', '/jobs/weekly-inspection/runs', { token: admin, body: { asOf } });

    // Assess: the same report, no new events.
    expect(again.body).toMatchObject({ week, alreadyComplete: true, stored: 0, failures: [] });
    expect(await report(week)).toEqual(rows);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await inspectionEvents()).filter((event) => event.detail.week === week)).toHaveLength(
      rows.length,
    );
  });

  it('is for operators and leaders; unknown weeks are 404, malformed ones 400', async () => {
    const department = await tokenFor('department', { unitId: 'U1' });
    expect((await api('GET', '/inspections?week=2031-W05', { token: department })).status).toBe(403);
    expect((await api('GET', '/inspections?week=2031-W05', { token: operator })).status).toBe(404);
    const malformed = await api<Problem>('GET', '/inspections?week=2031-05', { token: leader });
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('VALIDATION_FAILED');
  });

  it('runs the consultation agenda by hand too', async () => {
    const run = await api('POST', '/jobs/consultation-agenda/runs', {
      token: admin,
      body: { asOf: '2026-12-16' },
    });
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({
      job: 'consultation-agenda',
      asOf: '2026-12-16',
      held: expect.any(Boolean),
    });
  });
});
