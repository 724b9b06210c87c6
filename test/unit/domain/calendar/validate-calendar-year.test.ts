import { describe, expect, it } from 'vitest';
import { validateCalendarYear } from '../../../../shared/domain/calendar';

const valid = () => ({
  year: 2027,
  notice: 'test fixture',
  holidays: [
    { holiday: 'New Year', daysOff: ['2027-01-01'], makeUpWorkingDays: [] },
    { holiday: 'Spring Festival', daysOff: ['2027-02-05', '2027-02-08'], makeUpWorkingDays: ['2027-02-20'] },
  ],
});

const problemsOf = (input: unknown) => {
  const result = validateCalendarYear(input);
  return result.ok ? [] : result.problems;
};

describe('validateCalendarYear', () => {
  it('accepts a well-formed year and returns a trimmed copy', () => {
    const input = {
      ...valid(),
      notice: '  test fixture ',
      holidays: [{ ...valid().holidays[0], holiday: ' New Year ' }],
    };
    const result = validateCalendarYear(input);
    expect(result).toEqual({
      ok: true,
      year: {
        year: 2027,
        notice: 'test fixture',
        holidays: [{ holiday: 'New Year', daysOff: ['2027-01-01'], makeUpWorkingDays: [] }],
      },
    });
    expect(result.ok && result.year.holidays[0]?.daysOff).not.toBe(input.holidays[0]?.daysOff);
  });

  it.each([null, 2027, 'year', []])('rejects %j as a whole', (input) => {
    expect(problemsOf(input)).toEqual([{ path: '', message: 'Expected an object' }]);
  });

  it('reports a missing or malformed top level', () => {
    expect(problemsOf({ year: 27, notice: ' ', holidays: [], source: 'x' })).toEqual([
      { path: 'source', message: 'Unknown field' },
      { path: 'year', message: 'Expected a four-digit year' },
      { path: 'notice', message: 'Expected the notice that published this arrangement' },
      { path: 'holidays', message: 'Expected at least one holiday' },
    ]);
    expect(problemsOf({})).toEqual([
      { path: 'year', message: 'Expected a four-digit year' },
      { path: 'notice', message: 'Expected the notice that published this arrangement' },
      { path: 'holidays', message: 'Expected at least one holiday' },
    ]);
    expect(problemsOf({ ...valid(), year: 2027.5 })).toEqual([
      { path: 'year', message: 'Expected a four-digit year' },
    ]);
  });

  it('reports every problem of every holiday at once', () => {
    expect(
      problemsOf({
        year: 2027,
        notice: 'test fixture',
        holidays: [
          {
            holiday: 'New Year',
            daysOff: ['2027-01-01', '2026-12-31', '2027-02-30', 20270102],
            makeUpWorkingDays: ['2027-01-04'],
            note: 'x',
          },
          { holiday: '', daysOff: [], makeUpWorkingDays: ['2027-01-02', '2027-01-01'] },
          'Spring Festival',
          { holiday: 'New Year', daysOff: ['2027-01-01'] },
        ],
      }),
    ).toEqual([
      { path: 'holidays.0.note', message: 'Unknown field' },
      { path: 'holidays.0.daysOff.1', message: 'Expected a date in 2027' },
      { path: 'holidays.0.daysOff.2', message: 'Expected a date YYYY-MM-DD' },
      { path: 'holidays.0.daysOff.3', message: 'Expected a date YYYY-MM-DD' },
      {
        path: 'holidays.0.makeUpWorkingDays.0',
        message: 'A make-up working day must fall on a Saturday or Sunday',
      },
      { path: 'holidays.1.holiday', message: "Expected the holiday's name" },
      { path: 'holidays.1.daysOff', message: 'Expected at least one day off' },
      {
        path: 'holidays.1.makeUpWorkingDays.1',
        message: 'A make-up working day must fall on a Saturday or Sunday',
      },
      {
        path: 'holidays.1.makeUpWorkingDays.1',
        message: 'Date is both a day off and a make-up working day (see holidays.0.daysOff.0)',
      },
      { path: 'holidays.2', message: 'Expected an object' },
      { path: 'holidays.3.holiday', message: 'Holiday is listed twice (first at holidays.0.holiday)' },
      { path: 'holidays.3.daysOff.0', message: 'Date is listed twice (first at holidays.0.daysOff.0)' },
      { path: 'holidays.3.makeUpWorkingDays', message: 'Expected a list of dates' },
    ]);
  });

  it('reports a date repeated within one list', () => {
    const input = valid();
    input.holidays[1]?.daysOff.push('2027-02-05');
    expect(problemsOf(input)).toEqual([
      { path: 'holidays.1.daysOff.2', message: 'Date is listed twice (first at holidays.1.daysOff.0)' },
    ]);
  });

  it('does not check dates against the year when the year itself is invalid', () => {
    expect(problemsOf({ ...valid(), year: '2027' })).toEqual([
      { path: 'year', message: 'Expected a four-digit year' },
    ]);
  });
});
