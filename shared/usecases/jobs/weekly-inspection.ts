import type { CalendarDate } from '../../domain/calendar';
import { nowIso } from '../../domain/ids';
import { quarterOf } from '../../domain/issues/quarter';
import {
  cardCounters,
  inspectUnits,
  type OpenAssignment,
  type PendingReturn,
  type Tally,
  type UnitInspection,
} from '../../domain/rhythm/inspection';
import { isoWeekOf } from '../../domain/rhythm/iso-week';
import { logger } from '../../observability/logger';
import {
  findInspectionReport,
  findInspectionWeek,
  type InspectionReport,
  markInspectionWeekComplete,
  storeInspectionReport,
} from '../../repositories/inspections';
import { returningUnitOf } from '../../repositories/issues';
import { allUnits } from '../../repositories/units';
import { allAwaitingDispatch, allOpenAssignments } from '../../repositories/work-queues';
import { programCalendar } from '../calendar/program-calendar';
import { issuePolicy } from '../issues/issue-policy';
import type { JobRun } from './job-run';

/** Ids kept per number of a row: a DynamoDB item holds 400 KB; the count is always exact. */
export const MAX_IDS_PER_TALLY = 1000;

export interface WeeklyInspectionRun extends JobRun {
  job: 'weekly-inspection';
  week: string;
  quarter: string;
  /** True when the week was complete before this run: nothing was read, written or sent. */
  alreadyComplete: boolean;
  units: number;
  /** Rows this run stored (and counted in the quarter's counters) vs rows an earlier run had stored. */
  stored: number;
  alreadyStored: number;
}

const capped = (tally: Tally): Tally & { truncated?: true } =>
  tally.issueIds.length > MAX_IDS_PER_TALLY
    ? { count: tally.count, issueIds: tally.issueIds.slice(0, MAX_IDS_PER_TALLY), truncated: true }
    : tally;

const cappedRow = (row: UnitInspection): UnitInspection => ({
  ...row,
  open: capped(row.open),
  overdue: capped(row.overdue),
  dueSoon: capped(row.dueSoon),
  returns: capped(row.returns),
  reReviews: capped(row.reReviews),
  cards: { blue: capped(row.cards.blue), yellow: capped(row.cards.yellow), red: capped(row.cards.red) },
});

const allUnitIds = async (): Promise<string[]> => (await allUnits()).map((unit) => unit.id);

/** The work in hand now: open assignments (IGSI3, all shards) and returns awaiting re-dispatch. */
const snapshot = async () => {
  const assignments: OpenAssignment[] = [];
  for await (const issue of allOpenAssignments()) {
    // An unreasonable demand (不合理诉求) is not held against its unit: no row numbers, no cards.
    if (issue.status === 'assigned' && issue.assignment && !issue.unreasonable) {
      assignments.push({
        issueId: issue.id,
        reReviewCount: issue.reReviewCount,
        assignment: issue.assignment,
      });
    }
  }
  const returns: PendingReturn[] = [];
  for await (const issue of allAwaitingDispatch()) {
    if (issue.status !== 'awaiting_dispatch') continue;
    const unitId = await returningUnitOf(issue.id);
    if (unitId) returns.push({ issueId: issue.id, unitId });
  }
  return { assignments, returns };
};

/**
 * The weekly inspection (每周督查) for the ISO week holding `asOf`: per unit, its open assignments,
 * overdue ones (with working days overdue), due-soon ones, returns awaiting re-dispatch, re-reviews and
 * colour cards, each with the issue ids behind it, as of `asOf`. Reads only the sparse work queues
 * (open assignments, awaiting dispatch) and the unit list: O(open work + units), never a scan.
 *
 * Idempotent per week: each unit's row is stored once (conditional put), and the transaction that
 * stores it adds the unit's card counts to its quarter counters (`cardsBlue/Yellow/Red`), so the
 * counters see each week once. Once every row is stored the week is marked complete, and a later run
 * does nothing at all. Storing a row is also its event's outbox: the table's stream hands each new row
 * to the publisher (functions/events/publish-reports), which puts a `WeeklyInspectionReported` event
 * with the stable id `weekly-inspection/<week>/<unit>` on the program's bus.
 */
export const runWeeklyInspection = async (asOf: CalendarDate): Promise<WeeklyInspectionRun> => {
  const week = isoWeekOf(asOf);
  const quarter = quarterOf(asOf);
  const run: WeeklyInspectionRun = {
    job: 'weekly-inspection',
    asOf,
    week,
    quarter,
    alreadyComplete: false,
    units: 0,
    stored: 0,
    alreadyStored: 0,
    failures: [],
  };
  const done = await findInspectionWeek(week);
  if (done) return { ...run, alreadyComplete: true, units: done.units };

  const calendar = await programCalendar();
  // Fails at once (CALENDAR_YEAR_MISSING) when asOf lies in a year the calendar lacks.
  calendar.isWorkingDay(asOf);
  const [unitIds, work] = await Promise.all([allUnitIds(), snapshot()]);
  const rows = inspectUnits(unitIds, work.assignments, work.returns, asOf, calendar, issuePolicy);
  run.units = rows.length;
  const createdAt = nowIso();
  // The week's asOf and quarter are the first run's, also when this run only completes the week.
  let taken = { asOf, quarter };
  for (const row of rows) {
    try {
      const report: InspectionReport = { ...cappedRow(row), week, asOf, quarter, createdAt };
      if (await storeInspectionReport(report, cardCounters(row))) {
        run.stored++;
      } else {
        run.alreadyStored++;
        const earlier = await findInspectionReport(week, row.unitId);
        if (earlier) taken = { asOf: earlier.asOf, quarter: earlier.quarter };
      }
    } catch (error) {
      logger.error('weekly inspection row failed', { unitId: row.unitId, error: error as Error });
      run.failures.push({ recordId: row.unitId, step: 'store_report', error: (error as Error).name });
    }
  }
  if (run.failures.length === 0) {
    await markInspectionWeekComplete({ week, ...taken, units: rows.length, completedAt: nowIso() });
  }
  return { ...run, metrics: { InspectionUnits: rows.length, InspectionRowsStored: run.stored } };
};
