import { NotFound } from '../../domain/errors';
import { findInspectionWeek, listInspectionReports } from '../../repositories/inspections';

/**
 * A page of a week's inspection report. A week whose inspection has not completed (not run yet, or a
 * run with failures not yet re-run) is 404: a partial report would read as "nothing to see" for the
 * units it lacks.
 */
export const readInspection = async (query: { week: string; limit: number; cursor?: string }) => {
  const week = await findInspectionWeek(query.week);
  if (!week) throw new NotFound(`The inspection of ${query.week}`);
  const page = await listInspectionReports(query.week, query);
  return { week: week.week, asOf: week.asOf, completedAt: week.completedAt, ...page };
};
