import { type CalendarDate, parseCalendarDate, requireCalendarDate } from './calendar/calendar-date';
import type { FieldProblem } from './errors';
import { type ProgramCounts, type RaisedBreakdown, raisedBreakdownFigures } from './program-stats';

/** A rate shown with what it is made of; `rate` is null when nothing was counted (never a fake 0 %). */
export interface Rate {
  rate: number | null;
  numerator: number;
  denominator: number;
}

/** numerator / denominator as a fraction 0–1 rounded to four places (a percentage to two). */
export const rateOf = (numerator: number, denominator: number): Rate => ({
  rate: denominator > 0 ? Math.round((numerator / denominator) * 10_000) / 10_000 : null,
  numerator,
  denominator,
});

/** Days from `from` to `to`, both included (0 or less when `to` is before `from`). */
export const daysInPeriod = (from: CalendarDate, to: CalendarDate): number =>
  requireCalendarDate(to).dayNumber - requireCalendarDate(from).dayNumber + 1;

/** Why a reporting period `from`–`to` cannot be served: real dates, `from` ≤ `to`, at most `maxDays`. */
export const periodProblems = (from: CalendarDate, to: CalendarDate, maxDays: number): FieldProblem[] => {
  const problems: FieldProblem[] = [];
  if (!parseCalendarDate(from)) problems.push({ path: 'query.from', message: 'Not a calendar date' });
  if (!parseCalendarDate(to)) problems.push({ path: 'query.to', message: 'Not a calendar date' });
  if (problems.length > 0) return problems;
  const days = daysInPeriod(from, to);
  if (days < 1) problems.push({ path: 'query.to', message: 'Must not be before from' });
  else if (days > maxDays) {
    problems.push({ path: 'query.to', message: `The period may span at most ${maxDays} days` });
  }
  return problems;
};

/**
 * The program's headline figures (`GET /stats`) from a period's summed day counters:
 * - issue satisfaction = (satisfied + basically satisfied verdicts) / all verdicts given in the period
 *   (no-response close-outs are not verdicts and are reported apart);
 * - service and fit satisfaction = evaluations scoring 4 or 5 of 5 / evaluations.
 */
export const headlineFigures = (counts: ProgramCounts & { raisedBreakdown?: RaisedBreakdown }) => {
  const verdicts = counts.verdictsSatisfied + counts.verdictsBasicallySatisfied + counts.verdictsUnsatisfied;
  return {
    residencies: counts.residencies,
    placements: counts.placements,
    visits: counts.visits,
    questionnaires: counts.questionnaires,
    issues: {
      // A duplicate is counted once: as the issue it duplicates.
      raised: counts.issuesRaised - counts.issuesDuplicate,
      duplicates: counts.issuesDuplicate,
      resolved: counts.issuesResolved,
      closed: counts.issuesClosed,
      closedByClosure: {
        satisfied: counts.closedSatisfied,
        basicallySatisfied: counts.closedBasicallySatisfied,
        noResponse: counts.closedNoResponse,
      },
      verdicts: {
        satisfied: counts.verdictsSatisfied,
        basicallySatisfied: counts.verdictsBasicallySatisfied,
        unsatisfied: counts.verdictsUnsatisfied,
        unsatisfiedByReason: {
          notResolved: counts.verdictsUnsatisfiedNotResolved,
          notUnderstood: counts.verdictsUnsatisfiedNotUnderstood,
        },
      },
      satisfaction: rateOf(counts.verdictsSatisfied + counts.verdictsBasicallySatisfied, verdicts),
      // As raised: an issue later closed as a duplicate stays in its category and type.
      ...raisedBreakdownFigures(counts.raisedBreakdown ?? {}),
    },
    serviceSatisfaction: rateOf(counts.evaluationsServiceSatisfied, counts.evaluations),
    fitSatisfaction: rateOf(counts.evaluationsFitSatisfied, counts.evaluations),
    serviceEntries: counts.serviceEntries,
    fundsCoordinatedFen: counts.fundsFen,
    trainings: { sessions: counts.trainings, attendances: counts.trainingAttendances },
    expertEngagements: counts.expertEngagements,
    accountabilityCases: counts.accountabilityCases,
    promotions: counts.promotions,
  };
};
export type HeadlineFigures = ReturnType<typeof headlineFigures>;
