import type { CalendarDate } from '../calendar/calendar-date';

/**
 * A grid team's visit to an enterprise (走访). The visit is placed where the enterprise was on the day:
 * its grid and town are copied in, so lists and coverage by grid keep what the team actually covered
 * even if the enterprise moves later.
 */
export interface Visit {
  id: string;
  enterpriseId: string;
  teamId: string;
  gridId: string;
  townUnitId: string;
  date: CalendarDate;
  /** The cadre who logged it (a member of the team) and the account they used. */
  cadreId: string;
  recordedBy: { sub: string; role: 'cadre' };
  /** The questionnaire version the answers were checked against; null when none was filled in. */
  questionnaireVersion: number | null;
  questionnaire: Record<string, unknown>;
  /** Issues raised at the visit, in the order given. */
  issueIds: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

/**
 * A visit and the issues raised at it are one transaction (at most 100 writes): 10 issues are 20 writes
 * (issue + first ledger entry), leaving room for the visit, the coverage marker and counters.
 */
export const MAX_ISSUES_PER_VISIT = 10;

/** The program's first year (DOMAIN.md: 2018 figures); no visit is dated before it. */
export const PROGRAM_FIRST_YEAR = 2018;

/** Why a visit date cannot be recorded, or undefined when it can: not in the future, not before the program. */
export const visitDateProblem = (date: CalendarDate, today: CalendarDate): string | undefined => {
  if (date > today) return `A visit is logged once made: the date is after today (${today})`;
  if (date < `${PROGRAM_FIRST_YEAR}-01-01`) return `The program's visits start in ${PROGRAM_FIRST_YEAR}`;
  return undefined;
};

export const yearOf = (date: CalendarDate): number => Number(date.slice(0, 4));
