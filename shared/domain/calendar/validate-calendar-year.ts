/**
 * Checks a year's holiday arrangement supplied by an operator (or built in) before the calendar uses
 * it. Every problem is reported at once, each with the path of the offending field, so an operator
 * can fix the whole notice in one go.
 */
import { type CalendarDate, isWeekend, parseCalendarDate } from './calendar-date';
import type { CalendarYear, CalendarYearProblem, HolidayArrangement } from './calendar-year';

export type CalendarYearValidation =
  | { readonly ok: true; readonly year: CalendarYear }
  | { readonly ok: false; readonly problems: readonly CalendarYearProblem[] };

const YEAR_KEYS = new Set(['year', 'notice', 'holidays']);
const HOLIDAY_KEYS = new Set(['holiday', 'daysOff', 'makeUpWorkingDays']);
const MAX_NAME_LENGTH = 200;

type DayKind = 'daysOff' | 'makeUpWorkingDays';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const joinPath = (...parts: (string | number)[]) => parts.join('.');

const isName = (value: unknown): value is string =>
  typeof value === 'string' && value.trim().length > 0 && value.length <= MAX_NAME_LENGTH;

/** Validates and returns a trimmed copy that shares nothing with the input. */
export const validateCalendarYear = (input: unknown): CalendarYearValidation => {
  const problems: CalendarYearProblem[] = [];
  const report = (path: string, message: string) => problems.push({ path, message });

  if (!isRecord(input)) {
    return { ok: false, problems: [{ path: '', message: 'Expected an object' }] };
  }
  const reportUnknownKeys = (record: Record<string, unknown>, known: Set<string>, path: string[]) => {
    for (const key of Object.keys(record))
      if (!known.has(key)) report(joinPath(...path, key), 'Unknown field');
  };
  reportUnknownKeys(input, YEAR_KEYS, []);

  const year = input.year;
  const yearIsValid = typeof year === 'number' && Number.isInteger(year) && year >= 1000 && year <= 9999;
  if (!yearIsValid) report('year', 'Expected a four-digit year');

  if (!isName(input.notice)) report('notice', 'Expected the notice that published this arrangement');

  if (!Array.isArray(input.holidays) || input.holidays.length === 0) {
    report('holidays', 'Expected at least one holiday');
  }
  const holidayInputs: unknown[] = Array.isArray(input.holidays) ? input.holidays : [];

  // Where each holiday name and each date was first seen, to report repeats with a pointer back.
  const namesSeen = new Map<string, string>();
  const datesSeen = new Map<string, { path: string; kind: DayKind }>();

  const checkDates = (value: unknown, path: string, kind: DayKind): CalendarDate[] => {
    if (!Array.isArray(value)) {
      report(path, 'Expected a list of dates');
      return [];
    }
    if (kind === 'daysOff' && value.length === 0) report(path, 'Expected at least one day off');
    const dates: CalendarDate[] = [];
    value.forEach((date: unknown, index) => {
      const datePath = joinPath(path, index);
      const parsed = parseCalendarDate(date);
      if (!parsed || typeof date !== 'string') {
        report(datePath, 'Expected a date YYYY-MM-DD');
        return;
      }
      dates.push(date);
      if (yearIsValid && parsed.year !== year) report(datePath, `Expected a date in ${year}`);
      if (kind === 'makeUpWorkingDays' && !isWeekend(parsed.dayNumber)) {
        report(datePath, 'A make-up working day must fall on a Saturday or Sunday');
      }
      const seen = datesSeen.get(date);
      if (!seen) datesSeen.set(date, { path: datePath, kind });
      else if (seen.kind === kind) report(datePath, `Date is listed twice (first at ${seen.path})`);
      else report(datePath, `Date is both a day off and a make-up working day (see ${seen.path})`);
    });
    return dates;
  };

  const holidays: HolidayArrangement[] = holidayInputs.map((holidayInput, index) => {
    const path = joinPath('holidays', index);
    if (!isRecord(holidayInput)) {
      report(path, 'Expected an object');
      return { holiday: '', daysOff: [], makeUpWorkingDays: [] };
    }
    reportUnknownKeys(holidayInput, HOLIDAY_KEYS, ['holidays', String(index)]);
    const name = holidayInput.holiday;
    let holiday = '';
    if (!isName(name)) report(joinPath(path, 'holiday'), "Expected the holiday's name");
    else {
      holiday = name.trim();
      const firstPath = namesSeen.get(holiday);
      if (firstPath) report(joinPath(path, 'holiday'), `Holiday is listed twice (first at ${firstPath})`);
      else namesSeen.set(holiday, joinPath(path, 'holiday'));
    }
    return {
      holiday,
      daysOff: checkDates(holidayInput.daysOff, joinPath(path, 'daysOff'), 'daysOff'),
      makeUpWorkingDays: checkDates(
        holidayInput.makeUpWorkingDays,
        joinPath(path, 'makeUpWorkingDays'),
        'makeUpWorkingDays',
      ),
    };
  });

  // The year and notice checks repeat only so TypeScript narrows their types.
  if (problems.length > 0 || !yearIsValid || typeof input.notice !== 'string') return { ok: false, problems };
  return { ok: true, year: { year, notice: input.notice.trim(), holidays } };
};
