import { cadreVisibility } from '../../domain/cadre-visibility';
import { NotFound } from '../../domain/errors';
import { assessStaffing } from '../../domain/grid-staffing';
import type { Viewer } from '../../domain/viewer';
import { allCadres } from '../../repositories/cadres';
import { allGrids, allTeamsOf } from '../../repositories/grids';
import type { CadreRecord } from '../../repositories/records/cadres';
import { allUnits, findUnit } from '../../repositories/units';

/**
 * Who sits in a visit team: the members of every team of every grid (one query for the grids, one
 * per grid for its teams: a city's 28 grids are 29 queries). A team's member list is written in the
 * same transaction as the memberships, so it is as good as reading them cadre by cadre, and cheaper.
 */
const placedCadreIds = async (): Promise<Set<string>> => {
  const grids = await allGrids();
  const teams = await Promise.all(grids.map((grid) => allTeamsOf(grid.id)));
  return new Set(teams.flat().flatMap((team) => team.memberCadreIds));
};

/** A department sees its own unit's staffing; leaders and the office see every unit's. */
const assertMayRead = (viewer: Viewer, unitId: string) => {
  const scope = cadreVisibility(viewer);
  if (scope.kind === 'all') return;
  if (scope.kind === 'unit' && scope.unitId === unitId) return;
  throw new NotFound('The unit');
};

const person = (cadre: CadreRecord) => ({ cadreId: cadre.id, name: cadre.name, unitId: cadre.unitId });

/** A unit's staffing against the rule (shared/domain/grid-staffing.ts), with the names missing. */
export const unitStaffing = async (viewer: Viewer, unitId: string) => {
  assertMayRead(viewer, unitId);
  const unit = await findUnit(unitId);
  if (!unit) throw new NotFound('The unit');
  const [cadres, placed] = await Promise.all([allCadres({ unitId }), placedCadreIds()]);
  const report = assessStaffing(
    unit,
    cadres.map((cadre) => ({
      id: cadre.id,
      enterpriseFacing: cadre.enterpriseFacing ?? false,
      placed: placed.has(cadre.id),
    })),
  );
  const byId = new Map(cadres.map((cadre) => [cadre.id, cadre]));
  return {
    unitId,
    unitName: unit.name,
    kind: unit.kind,
    ...(unit.category ? { category: unit.category } : {}),
    rule: report.rule,
    staff: report.staff,
    enterpriseFacing: cadres.filter((cadre) => cadre.enterpriseFacing).length,
    required: report.required,
    placed: report.placed,
    shortfall: report.shortfall,
    missing: report.missingCadreIds.flatMap((id) => {
      const cadre = byId.get(id);
      return cadre ? [person(cadre)] : [];
    }),
  };
};

/**
 * The units whose cadres a list may show: the one named, if the viewer may read it, else every unit
 * the viewer may read. A list names no record, so a filter outside the viewer's scope finds nothing
 * (as `GET /cadres?unitId=` does) rather than answering 404 like a unit's own page.
 */
const listedUnitIds = async (viewer: Viewer, unitId?: string): Promise<string[]> => {
  const scope = cadreVisibility(viewer);
  if (scope.kind === 'all') return unitId ? [unitId] : (await allUnits()).map((unit) => unit.id);
  if (scope.kind !== 'unit') return [];
  return unitId === undefined || unitId === scope.unitId ? [scope.unitId] : [];
};

/**
 * Cadres marked enterprise-facing (涉企干部) who sit in no visit team, of one unit or of every unit
 * the viewer may read (one cadre query per unit).
 */
export const unplacedCadres = async (viewer: Viewer, unitId?: string) => {
  const unitIds = await listedUnitIds(viewer, unitId);
  if (unitIds.length === 0) return { items: [], nextCursor: null };
  const [cadres, placed] = await Promise.all([
    Promise.all(unitIds.map((id) => allCadres({ unitId: id }))),
    placedCadreIds(),
  ]);
  return {
    items: cadres
      .flat()
      .filter((cadre) => cadre.enterpriseFacing && !placed.has(cadre.id))
      .map(person),
    nextCursor: null,
  };
};
