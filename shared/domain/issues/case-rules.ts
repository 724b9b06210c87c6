import type { CalendarDate, WorkingCalendar } from '../calendar';
import type { Assignment, CoUnitPart, FollowUp, ReturnDecider } from './issue';

/**
 * The rules of case handling as the office runs it (docs/case-handling.md): sign-for, co-handling,
 * return requests and follow-up calls. Pure; the lifecycle (lifecycle.ts) applies them.
 */

/** `workingDays` working days after `today`; a policy of 0 means `today` itself. */
export const workingDaysAfter = (today: CalendarDate, workingDays: number, calendar: WorkingCalendar) =>
  workingDays === 0 ? today : calendar.addWorkingDays(today, workingDays);

/** Each co-handling unit's part is due `workingDays` after the assignment is given. */
export const coUnitPartsFor = (
  coUnitIds: readonly string[],
  today: CalendarDate,
  workingDays: number,
  calendar: WorkingCalendar,
): CoUnitPart[] => {
  if (coUnitIds.length === 0) return [];
  const dueDate = workingDaysAfter(today, workingDays, calendar);
  return coUnitIds.map((unitId) => ({ unitId, dueDate }));
};

/** The co-units whose part the lead unit has not received yet. */
export const missingCoReports = (assignment: Assignment): string[] =>
  assignment.coUnitIds.filter(
    (unitId) => !(assignment.coReports ?? []).some((report) => report.unitId === unitId),
  );

/** The due date of a co-unit's part (assignments made before co-handling had dates: the lead's). */
export const coPartDueDate = (assignment: Assignment, unitId: string): CalendarDate =>
  assignment.coUnits?.find((part) => part.unitId === unitId)?.dueDate ?? assignment.dueDate;

/** Of the missing parts, those already past their due date: late for their own unit. */
export const lateMissingCoUnits = (assignment: Assignment, today: CalendarDate): string[] =>
  missingCoReports(assignment).filter((unitId) => coPartDueDate(assignment, unitId) < today);

/** The first return of an issue is decided by the office; any later one goes to a leader. */
export const returnDeciderFor = (ordinal: number): ReturnDecider => (ordinal >= 2 ? 'leader' : 'office');

/** Whether an assignment is unsigned past its sign-for window on `today`. */
export const unsignedPastWindow = (assignment: Assignment, today: CalendarDate): boolean =>
  assignment.signForBy !== undefined && assignment.signedForOn === undefined && assignment.signForBy < today;

/**
 * The distinct working days on which the office tried and failed to reach the enterprise: closing
 * as no_response before the deadline needs the policy's number of them (calls on one day count once).
 */
export const unreachedWorkingDays = (
  followUps: readonly FollowUp[],
  calendar: WorkingCalendar,
): CalendarDate[] => [
  ...new Set(
    followUps
      .filter((attempt) => attempt.outcome === 'not_reached' && calendar.isWorkingDay(attempt.on))
      .map((attempt) => attempt.on),
  ),
];
