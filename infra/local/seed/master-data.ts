import { cadreRoutes } from '../../../shared/contract/cadres';
import { enterpriseRoutes } from '../../../shared/contract/enterprises';
import { gridRoutes } from '../../../shared/contract/grids';
import { unitRoutes } from '../../../shared/contract/units';
import type { IdempotencyToken } from '../../../shared/db/creation-guard';
import type { RouteSpec } from '../../../shared/http/contract';
import { idempotencyToken, replayingCreation } from '../../../shared/http/idempotency-token';
import { parseWith } from '../../../shared/http/validation';
import { createCadre } from '../../../shared/usecases/cadres/create-cadre';
import { createEnterprise } from '../../../shared/usecases/enterprises/create-enterprise';
import { createGrid } from '../../../shared/usecases/grids/create-grid';
import { createTeam } from '../../../shared/usecases/grids/create-team';
import { createUnit } from '../../../shared/usecases/units/create-unit';
import { seedCategories } from './categories';
import type { DemoData } from './demo-data';
import { inParallel, seedKey } from './seed-client';

/** Master data is written by this many creations at a time: DynamoDB Local's sweet spot here. */
const CONCURRENCY = 16;

/**
 * Calls a creation use case in-process, as its route would after validation: the body is parsed by the
 * route's own schema, and the Idempotency-Key names the demo record, so a second run replays the first
 * reply (same id) and writes nothing. Bulk master data skips HTTP: thousands of records in seconds.
 */
const creator =
  (route: RouteSpec) =>
  async <B>(
    kind: string,
    n: number,
    body: unknown,
    create: (body: B, idempotency: IdempotencyToken) => Promise<{ id: string }>,
    params: Record<string, string> = {},
  ): Promise<string> => {
    const parsed = parseWith(route.body as NonNullable<RouteSpec['body']>, body, 'body');
    if (!parsed.success) throw new Error(`Demo ${kind} ${n} is invalid: ${JSON.stringify(parsed.errors)}`);
    const token = idempotencyToken('seed', route, seedKey(kind, n), {
      params,
      body: parsed.data,
    });
    const reply = await replayingCreation(async () => ({ body: await create(parsed.data as B, token) }));
    return (reply.body as { id: string }).id;
  };

export interface MasterDataIds {
  unitIds: string[];
  gridIds: string[];
  cadreIds: string[];
  teamIds: string[];
  enterpriseIds: string[];
}

export const loadMasterData = async (
  data: DemoData,
  timed: <T>(what: string, work: () => Promise<T>) => Promise<T>,
): Promise<MasterDataIds> => {
  const unitIds = await timed('units', () =>
    inParallel(data.units, CONCURRENCY, (unit, i) =>
      creator(unitRoutes.createUnit)('unit', i, unit, createUnit),
    ),
  );
  await timed('categories', () => seedCategories(data, unitIds));
  const gridIds = await timed('grids', () =>
    inParallel(data.grids, CONCURRENCY, (grid, i) =>
      creator(gridRoutes.createGrid)(
        'grid',
        i,
        { code: grid.code, name: grid.name, townUnitId: unitIds[grid.town] },
        createGrid,
      ),
    ),
  );
  const cadreIds = await timed('cadres', () =>
    inParallel(data.cadres, CONCURRENCY, ({ unit, ...cadre }, i) =>
      creator(cadreRoutes.createCadre)('cadre', i, { ...cadre, unitId: unitIds[unit] }, createCadre),
    ),
  );
  const teamIds = await timed('teams', () =>
    inParallel(data.teams, CONCURRENCY, (team, i) => {
      const gridId = gridIds[team.grid] as string;
      const body = { name: team.name, memberCadreIds: team.members.map((m) => cadreIds[m]) };
      return creator(gridRoutes.createTeam)(
        'team',
        i,
        body,
        (input, token) => createTeam(gridId, input as Parameters<typeof createTeam>[1], token),
        { gridId },
      );
    }),
  );
  const enterpriseIds = await timed('enterprises', () =>
    inParallel(data.enterprises, CONCURRENCY, ({ grid, ...enterprise }, i) => {
      const townUnitId = unitIds[data.grids[grid]?.town ?? -1];
      const body = { ...enterprise, gridId: gridIds[grid], townUnitId };
      return creator(enterpriseRoutes.createEnterprise)('enterprise', i, body, createEnterprise);
    }),
  );
  return { unitIds, gridIds, cadreIds, teamIds, enterpriseIds };
};
