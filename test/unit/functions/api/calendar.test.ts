import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../../../functions/api/calendar/handler';
import { BUILT_IN_YEARS, type CalendarYear } from '../../../../shared/domain/calendar';
import { calendarHealth } from '../../../../shared/usecases/calendar/calendar-years';
import { forgetProgramCalendar } from '../../../../shared/usecases/calendar/program-calendar';
import { claimsFor, invoke } from '../../../../tools/lambda-events';
import { mockProgramTable } from '../../../support/dynamo-mock';

const { ddb, serve } = mockProgramTable();
const operator = claimsFor('operator', { sub: 'operator-1' });

/** 2027 as an operator would type it from the notice (dates illustrative: the notice is not out yet). */
const year2027: CalendarYear = {
  year: 2027,
  notice: '国务院办公厅关于2027年部分节假日安排的通知',
  holidays: [
    { holiday: 'New Year', daysOff: ['2027-01-01', '2027-01-02', '2027-01-03'], makeUpWorkingDays: [] },
    {
      holiday: 'Spring Festival',
      daysOff: ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10'],
      makeUpWorkingDays: ['2027-02-13'],
    },
  ],
};

const putYear = (year: string, body: unknown, query?: Record<string, string>, claims = operator) =>
  invoke(handler, {
    routeKey: 'PUT /calendar/years/{year}',
    pathParameters: { year },
    body,
    query,
    claims,
  });

const loaded = (data: CalendarYear) => ({
  pk: 'CALENDAR',
  sk: `YEAR#${data.year}`,
  entity: 'calendarYear',
  data,
  loadedBy: 'operator-0',
  loadedAt: '2026-11-20T02:00:00.000Z',
});

beforeEach(() => serve([]));

describe('GET /calendar/years', () => {
  it('shows every role the built-in years and the loaded ones, a loaded year standing in for a built-in one', async () => {
    const corrected2026 = { ...(BUILT_IN_YEARS[1] as CalendarYear), notice: '更正通知' };
    ddb.on(QueryCommand).resolves({ Items: [loaded(year2027), loaded(corrected2026)] });

    const { status, body } = await invoke(handler, {
      routeKey: 'GET /calendar/years',
      claims: claimsFor('enterprise'),
    });

    expect(status).toBe(200);
    expect(
      body?.items?.map(({ year, source, replacesBuiltIn }) => ({ year, source, replacesBuiltIn })),
    ).toEqual([
      { year: 2025, source: 'built_in', replacesBuiltIn: false },
      { year: 2026, source: 'loaded', replacesBuiltIn: true },
      { year: 2027, source: 'loaded', replacesBuiltIn: false },
    ]);
    expect(body?.items?.[1]).toMatchObject({ notice: '更正通知', loadedBy: 'operator-0' });
    expect(body?.items?.[0]?.holidays).toEqual(BUILT_IN_YEARS[0]?.holidays);
    expect(body?.nextCursor).toBeNull();
  });
});

describe('PUT /calendar/years/{year}', () => {
  it('loads a new year (201), guarded against a concurrent load of the same year', async () => {
    const { status, body } = await putYear('2027', year2027);

    expect(status).toBe(201);
    expect(body).toMatchObject({
      ...year2027,
      source: 'loaded',
      replacesBuiltIn: false,
      loadedBy: 'operator-1',
    });
    expect(ddb).toHaveReceivedCommandWith(PutCommand, {
      Item: expect.objectContaining({ pk: 'CALENDAR', sk: 'YEAR#2027', data: year2027 }),
      ConditionExpression: 'attribute_not_exists(pk)',
    });
  });

  it('reports every rule the arrangement breaks at once, at body paths', async () => {
    const broken = {
      ...year2027,
      holidays: [
        { holiday: 'New Year', daysOff: ['2027-01-01', '2026-12-31'], makeUpWorkingDays: ['2027-01-04'] },
        { holiday: 'New Year', daysOff: ['2027-01-01'], makeUpWorkingDays: [] },
      ],
    };

    const { status, body } = await putYear('2027', broken);

    expect(status).toBe(400);
    expect(body?.code).toBe('VALIDATION_FAILED');
    expect(body?.errors?.map((error) => error.path)).toEqual([
      'body.holidays.0.daysOff.1',
      'body.holidays.0.makeUpWorkingDays.0',
      'body.holidays.1.holiday',
      'body.holidays.1.daysOff.0',
    ]);
    expect(ddb).not.toHaveReceivedCommand(PutCommand);
  });

  it('refuses a body for another year than the path names', async () => {
    const { status, body } = await putYear('2028', year2027);

    expect(status).toBe(400);
    expect(body?.errors).toEqual([{ path: 'body.year', message: 'Must be the year in the path (2028)' }]);
  });

  it('refuses a shape the calendar cannot read before its own rules run', async () => {
    const { status, body } = await putYear('2027', { ...year2027, holidays: [{ holiday: 'x' }], extra: 1 });

    expect(status).toBe(400);
    expect(body?.errors?.map((error) => error.path).sort()).toEqual([
      'body.extra',
      'body.holidays.0.daysOff',
      'body.holidays.0.makeUpWorkingDays',
    ]);
  });

  it('answers 409 CALENDAR_YEAR_EXISTS for a year in force, built-in or loaded, unless asked to replace', async () => {
    const builtIn = await putYear('2026', BUILT_IN_YEARS[1]);
    ddb.on(QueryCommand).resolves({ Items: [loaded(year2027)] });
    const loadedBefore = await putYear('2027', year2027, { replace: 'false' });

    expect([builtIn.status, loadedBefore.status]).toEqual([409, 409]);
    expect([builtIn.body?.code, loadedBefore.body?.code]).toEqual([
      'CALENDAR_YEAR_EXISTS',
      'CALENDAR_YEAR_EXISTS',
    ]);
    expect(ddb).not.toHaveReceivedCommand(PutCommand);
  });

  it('replaces a year in force with ?replace=true (200), a built-in one included', async () => {
    const corrected = { ...(BUILT_IN_YEARS[1] as CalendarYear), notice: '更正通知' };

    const { status, body } = await putYear('2026', corrected, { replace: 'true' });

    expect(status).toBe(200);
    expect(body).toMatchObject({ year: 2026, notice: '更正通知', source: 'loaded', replacesBuiltIn: true });
    const put = ddb.commandCalls(PutCommand)[0]?.args[0].input;
    expect(put?.ConditionExpression).toBeUndefined();
  });

  it('answers 409 when another operator loaded the year between the check and the write', async () => {
    ddb.on(PutCommand).rejects(new ConditionalCheckFailedException({ message: 'taken', $metadata: {} }));

    const { status, body } = await putYear('2027', year2027);

    expect(status).toBe(409);
    expect(body?.code).toBe('CALENDAR_YEAR_EXISTS');
  });

  it('is for operators and admins', async () => {
    const { status } = await putYear('2027', year2027, undefined, claimsFor('leader'));
    expect(status).toBe(403);
    expect(ddb).not.toHaveReceivedAnyCommand();
  });
});

describe('GET /health/calendar', () => {
  beforeEach(() => forgetProgramCalendar());

  it('tells operators, from 1 November, that next year is not loaded', async () => {
    expect(await calendarHealth(new Date('2026-11-02T09:00:00+08:00'))).toEqual({
      asOf: '2026-11-02',
      yearsLoaded: [2025, 2026],
      nextYearMissing: 2027,
    });
  });

  it('is quiet once next year is loaded, and names a missing current year', async () => {
    ddb.on(QueryCommand).resolves({ Items: [loaded(year2027)] });
    expect(await calendarHealth(new Date('2026-12-31T09:00:00+08:00'))).toEqual({
      asOf: '2026-12-31',
      yearsLoaded: [2025, 2026, 2027],
    });
    forgetProgramCalendar();
    expect(await calendarHealth(new Date('2028-03-01T09:00:00+08:00'))).toMatchObject({ missingYear: 2028 });
  });

  it('answers operators through the route, and refuses other roles', async () => {
    const answer = await invoke(handler, { routeKey: 'GET /health/calendar', claims: operator });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ yearsLoaded: [2025, 2026] });
    const refused = await invoke(handler, {
      routeKey: 'GET /health/calendar',
      claims: claimsFor('enterprise'),
    });
    expect(refused.status).toBe(403);
  });
});
