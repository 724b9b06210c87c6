import { DeleteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { handler as consultations } from '../../functions/api/consultations/handler';
import { handler as inspections } from '../../functions/api/inspections/handler';
import { tableNames } from '../../shared/config';
import { documentClient } from '../../shared/db/client';
import { inspectionKeys, scoringKeys } from '../../shared/db/keys';
import { type CalendarDate, programDateOf, type WorkingCalendar } from '../../shared/domain/calendar';
import { dateOfDayNumber, requireCalendarDate } from '../../shared/domain/calendar/calendar-date';
import { quarterOf } from '../../shared/domain/issues/quarter';
import { consultationDayOf, isConsultationWeek } from '../../shared/domain/rhythm/consultation-rhythm';
import { isoWeekOf } from '../../shared/domain/rhythm/iso-week';
import { programCalendar } from '../../shared/usecases/calendar/program-calendar';
import { runConsultationAgenda } from '../../shared/usecases/jobs/consultation-agenda';
import { runWeeklyInspection } from '../../shared/usecases/jobs/weekly-inspection';
import { claimsFor, invoke } from '../../tools/lambda-events';
import { act, createEnterprise, departmentOf, issueAwaitingConsultation, raiseIssue } from './issue-fixtures';
import { createDepartment, operator } from './master-data-fixtures';

const leader = claimsFor('leader');

type Tally = { count: number; issueIds: string[] };
type Row = {
  unitId: string;
  week: string;
  asOf: string;
  card: string | null;
  open: Tally;
  overdue: Tally;
  dueSoon: Tally;
  returns: Tally;
  reReviews: Tally;
  workingDaysOverdue: { total: number; max: number };
  cards: { blue: Tally; yellow: Tally; red: Tally };
};

let calendar: WorkingCalendar;
let today: CalendarDate;
let enterpriseId: string;

const plusDays = (date: CalendarDate, days: number) =>
  dateOfDayNumber(requireCalendarDate(date).dayNumber + days);

/** An issue raised and escalated to `unitId`, due in `dueWorkingDays` working days from today. */
const assigned = async (unitId: string, dueWorkingDays: number) => {
  const { id } = await raiseIssue(enterpriseId);
  await act(id, 'escalate', operator, { unitId, dueWorkingDays });
  return id;
};

/** Every row of a week's report, page by page through the API, as an operator reads it. */
const readReport = async (week: string, claims = operator) => {
  const rows: Row[] = [];
  let cursor: string | undefined;
  do {
    const { status, body } = await invoke(inspections, {
      routeKey: 'GET /inspections',
      query: { week, limit: '100', ...(cursor ? { cursor } : {}) },
      claims,
    });
    expect(status, JSON.stringify(body)).toBe(200);
    const page = body as { items: Row[]; nextCursor: string | null };
    rows.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return rows;
};

const cardCounters = async (unitId: string, quarter: string) => {
  const { Item } = await documentClient.send(
    new GetCommand({ TableName: tableNames.program, Key: scoringKeys.unitQuarterCounters(unitId, quarter) }),
  );
  return { cardsBlue: Item?.cardsBlue, cardsYellow: Item?.cardsYellow, cardsRed: Item?.cardsRed };
};

beforeAll(async () => {
  calendar = await programCalendar();
  today = programDateOf(new Date());
  enterpriseId = (await createEnterprise()).id;
});

describe('the weekly inspection against DynamoDB Local', () => {
  it('reports each unit’s open, overdue, due-soon, returned and re-reviewed work with its cards, once per week', async () => {
    // Prepare: five working days from today, unit A has one assignment of each card, a calm one, a
    // re-review and a return; unit B one yellow; unit C nothing.
    const [unitA, unitB, unitC] = await Promise.all([1, 2, 3].map(async () => (await createDepartment()).id));
    const own = claimsFor('enterprise', { enterpriseId });
    const red = await assigned(unitA as string, 1); // 4 working days overdue: level 2, the limit
    const blue = await assigned(unitA as string, 5); // due on asOf
    const calm = await assigned(unitA as string, 10);
    const returned = await assigned(unitA as string, 5);
    await act(returned, 'return', departmentOf(unitA as string), {
      reasonCode: 'not_our_remit',
      note: '非本部门职责',
    });
    const reReview = await assigned(unitA as string, 3);
    await act(reReview, 'resolution', departmentOf(unitA as string), { resolution: '已协调' });
    await act(reReview, 'feedback', own, { verdict: 'unsatisfied', comment: '未解决' });
    const yellow = await assigned(unitB as string, 2); // 3 working days overdue: level 1
    const asOf = calendar.addWorkingDays(today, 5);
    const week = isoWeekOf(asOf);
    const quarter = quarterOf(asOf);

    // Act
    const run = await runWeeklyInspection(asOf);

    // Assess
    expect(run).toMatchObject({
      job: 'weekly-inspection',
      asOf,
      week,
      quarter,
      alreadyComplete: false,
      failures: [],
    });
    const rows = await readReport(week);
    const rowOf = (unitId: string | undefined) => rows.find((row) => row.unitId === unitId);
    const sorted = (...ids: string[]) => ids.sort();
    expect(rowOf(unitA)).toMatchObject({
      week,
      asOf,
      card: 'red',
      open: { count: 4, issueIds: sorted(red, blue, calm, reReview) },
      overdue: { count: 2, issueIds: sorted(red, reReview) },
      dueSoon: { count: 1, issueIds: [blue] },
      workingDaysOverdue: { total: 4 + 2, max: 4 },
      returns: { count: 1, issueIds: [returned] },
      reReviews: { count: 1, issueIds: [reReview] },
      cards: {
        blue: { count: 1, issueIds: [blue] },
        yellow: { count: 1, issueIds: [reReview] },
        red: { count: 1, issueIds: [red] },
      },
    });
    expect(rowOf(unitB)).toMatchObject({ card: 'yellow', overdue: { count: 1, issueIds: [yellow] } });
    expect(rowOf(unitC)).toMatchObject({ card: null, open: { count: 0, issueIds: [] } });
    expect(await cardCounters(unitA as string, quarter)).toEqual({
      cardsBlue: 1,
      cardsYellow: 1,
      cardsRed: 1,
    });
    expect(await cardCounters(unitB as string, quarter)).toEqual({
      cardsBlue: 0,
      cardsYellow: 1,
      cardsRed: 0,
    });
    expect(await cardCounters(unitC as string, quarter)).toEqual({});

    // Act again: the same week, on another day of it and after the work moved on.
    await act(blue, 'resolution', departmentOf(unitA as string), { resolution: '已办结' });
    const rerun = await runWeeklyInspection(asOf);
    const otherDay = await runWeeklyInspection(
      isoWeekOf(plusDays(asOf, 1)) === week ? plusDays(asOf, 1) : plusDays(asOf, -1),
    );
    // A run that stopped after storing the rows, before marking the week complete:
    await documentClient.send(
      new DeleteCommand({ TableName: tableNames.program, Key: inspectionKeys.week(week) }),
    );
    const interrupted = await runWeeklyInspection(asOf);

    // Assess: nothing changed
    expect(rerun).toMatchObject({ alreadyComplete: true, stored: 0, failures: [] });
    expect(otherDay).toMatchObject({ week, alreadyComplete: true, stored: 0 });
    expect(interrupted).toMatchObject({ week, alreadyComplete: false, failures: [] });
    expect(interrupted.alreadyStored).toBeGreaterThanOrEqual(3);
    const rowsAfter = await readReport(week);
    for (const unitId of [unitA, unitB, unitC]) {
      expect(rowsAfter.find((row) => row.unitId === unitId)).toEqual(rowOf(unitId));
    }
    expect(await cardCounters(unitA as string, quarter)).toEqual({
      cardsBlue: 1,
      cardsYellow: 1,
      cardsRed: 1,
    });
    expect(await cardCounters(unitB as string, quarter)).toEqual({
      cardsBlue: 0,
      cardsYellow: 1,
      cardsRed: 0,
    });
  });

  it('answers 404 for a week not inspected, 400 for a week that does not exist, 403 to departments', async () => {
    const read = (week: string, claims = operator) =>
      invoke(inspections, { routeKey: 'GET /inspections', query: { week }, claims });
    expect((await read('2031-W02')).status).toBe(404);
    expect((await read('2025-W53')).body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect((await read('2031-W02', claimsFor('department', { unitId: 'U1' }))).status).toBe(403);
    expect((await read('2031-W02', leader)).status).toBe(404);
  });
});

describe('the consultation agenda against DynamoDB Local', () => {
  it('calls the fortnight’s consultation with issues awaiting consultation and red cards, once', async () => {
    // Prepare: one issue awaiting consultation, one red-card assignment; asOf in a consultation week.
    const unitId = (await createDepartment()).id;
    const waiting = await issueAwaitingConsultation(enterpriseId, unitId);
    const red = await assigned(unitId, 1);
    let asOf = calendar.addWorkingDays(today, 6);
    if (!isConsultationWeek(asOf)) asOf = plusDays(asOf, 7);
    const day = consultationDayOf(asOf, calendar);
    expect(day.held).toBe(true);

    // Act
    const run = await runConsultationAgenda(asOf);
    const again = await runConsultationAgenda(asOf);
    const offWeek = await runConsultationAgenda(plusDays(asOf, 7));

    // Assess
    expect(run).toMatchObject({ job: 'consultation-agenda', held: true, created: true, failures: [] });
    expect(day.held && run.date).toBe(day.held ? day.date : undefined);
    expect(again).toMatchObject({ held: true, created: false, consultationId: run.consultationId });
    expect(offWeek).toMatchObject({ held: false, reason: 'not_a_consultation_week', created: false });
    const { status, body } = await invoke(consultations, {
      routeKey: 'GET /consultations/{consultationId}',
      pathParameters: { consultationId: run.consultationId as string },
      claims: leader,
    });
    expect(status).toBe(200);
    const view = body as {
      agendaIssueIds: string[];
      redCardIssueIds: string[];
      agenda: { issueId: string; status: string; summary: string }[];
    };
    expect(view.agendaIssueIds).toEqual(expect.arrayContaining([waiting, red]));
    expect(view.redCardIssueIds).toContain(red);
    expect(view.redCardIssueIds).not.toContain(waiting);
    const summaryOf = (issueId: string) => view.agenda.find((item) => item.issueId === issueId)?.summary;
    expect(summaryOf(waiting)).toMatch(/^Raised on .* Consultation requested on/);
    expect(summaryOf(red)).toMatch(/^Raised on .*assigned to 测试局/);
  });
});
