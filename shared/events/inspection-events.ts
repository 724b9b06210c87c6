import type { InspectionReport } from '../repositories/inspections';
import type { ProgramEvent } from './event-bus';

export const INSPECTION_DETAIL_TYPE = 'WeeklyInspectionReported';

/**
 * What a subscriber hears about a unit's weekly inspection row: the numbers and the card (the issue
 * ids are in the report, `GET /inspections?week=`). The id is stable: the same row always makes the
 * same event id, so a subscriber can drop a re-delivery.
 */
export const inspectionEvent = (report: InspectionReport): ProgramEvent => ({
  detailType: INSPECTION_DETAIL_TYPE,
  id: `weekly-inspection/${report.week}/${report.unitId}`,
  time: new Date(`${report.asOf}T00:00:00+08:00`),
  detail: {
    week: report.week,
    asOf: report.asOf,
    quarter: report.quarter,
    unitId: report.unitId,
    card: report.card,
    open: report.open.count,
    overdue: report.overdue.count,
    dueSoon: report.dueSoon.count,
    workingDaysOverdue: report.workingDaysOverdue,
    returns: report.returns.count,
    reReviews: report.reReviews.count,
    cards: {
      blue: report.cards.blue.count,
      yellow: report.cards.yellow.count,
      red: report.cards.red.count,
    },
  },
});
