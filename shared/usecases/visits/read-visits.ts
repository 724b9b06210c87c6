import type { Page } from '../../db/queries';
import { programDateOf } from '../../domain/calendar/program-date';
import { NotFound, ValidationFailed } from '../../domain/errors';
import type { Viewer } from '../../domain/viewer';
import type { Visit } from '../../domain/visits/visit';
import { listGridIdsOfCadre } from '../../repositories/team-memberships';
import {
  findVisit,
  listVisitsIn,
  type VisitFilter,
  type VisitScope,
  visitListPlan,
} from '../../repositories/visits';

/**
 * Leaders and the service centre see every visit; a cadre sees the visits of its teams' grids (who
 * logged them does not matter: a team shares its work).
 */
export const visitScopeOf = async (viewer: Viewer): Promise<VisitScope> => {
  if (viewer.roles.some((role) => role === 'leader' || role === 'operator' || role === 'admin')) {
    return { kind: 'all' };
  }
  return { kind: 'grids', gridIds: viewer.cadreId ? await listGridIdsOfCadre(viewer.cadreId) : [] };
};

const inScope = (scope: VisitScope, visit: Visit) =>
  scope.kind === 'all' || scope.gridIds.includes(visit.gridId);

/** One visit, or 404 alike for a missing one and one outside the caller's grids. */
export const readVisit = async (viewer: Viewer, visitId: string): Promise<Visit> => {
  const visit = await findVisit(visitId);
  if (!visit || !inScope(await visitScopeOf(viewer), visit)) throw new NotFound('The visit');
  return visit;
};

/**
 * The visits in the caller's scope that pass the filters, newest first by visit date: index queries
 * only (by enterprise, grid or year), the date range in the key condition.
 */
export const listVisibleVisits = async (
  viewer: Viewer,
  filter: VisitFilter,
  page: { limit: number; cursor?: string },
): Promise<Page<Visit>> => {
  if (filter.from && filter.to && filter.from > filter.to) {
    throw new ValidationFailed([{ path: 'query.from', message: 'from is after to' }]);
  }
  const scope = await visitScopeOf(viewer);
  const currentYear = Number(programDateOf(new Date()).slice(0, 4));
  return listVisitsIn(visitListPlan(scope, filter, currentYear), filter, page);
};
