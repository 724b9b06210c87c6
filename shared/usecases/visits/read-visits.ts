import type { Page } from '../../db/records';
import { programDateOf } from '../../domain/calendar/program-date';
import type { Visit } from '../../domain/visits/visit';
import { notFound, validationFailed } from '../../http/errors';
import type { Principal } from '../../http/principal';
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
export const visitScopeOf = async (principal: Principal): Promise<VisitScope> => {
  if (principal.roles.some((role) => role === 'leader' || role === 'operator' || role === 'admin')) {
    return { kind: 'all' };
  }
  return { kind: 'grids', gridIds: principal.cadreId ? await listGridIdsOfCadre(principal.cadreId) : [] };
};

const inScope = (scope: VisitScope, visit: Visit) =>
  scope.kind === 'all' || scope.gridIds.includes(visit.gridId);

/** One visit, or 404 alike for a missing one and one outside the caller's grids. */
export const readVisit = async (principal: Principal, visitId: string): Promise<Visit> => {
  const visit = await findVisit(visitId);
  if (!visit || !inScope(await visitScopeOf(principal), visit)) throw notFound('The visit');
  return visit;
};

/**
 * The visits in the caller's scope that pass the filters, newest first by visit date: index queries
 * only (by enterprise, grid or year), the date range in the key condition.
 */
export const listVisibleVisits = async (
  principal: Principal,
  filter: VisitFilter,
  page: { limit: number; cursor?: string },
): Promise<Page<Visit>> => {
  if (filter.from && filter.to && filter.from > filter.to) {
    throw validationFailed([{ path: 'query.from', message: 'from is after to' }]);
  }
  const scope = await visitScopeOf(principal);
  const currentYear = Number(programDateOf(new Date()).slice(0, 4));
  return listVisitsIn(visitListPlan(scope, filter, currentYear), filter, page);
};
