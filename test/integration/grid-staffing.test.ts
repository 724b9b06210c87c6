import { beforeAll, describe, expect, it } from 'vitest';
import { handler as cadres } from '../../functions/api/cadres/handler';
import { handler as grids } from '../../functions/api/grids/handler';
import { handler as units } from '../../functions/api/units/handler';
import { findTeamMembership } from '../../shared/repositories/team-memberships';
import { claimsFor } from '../../tools/lambda-events';
import { createGrid, createTown, operator, type RouteReply, send, unique } from './master-data-fixtures';

type Body = RouteReply['body'];

const department = async (category: 'class1' | 'class2') =>
  (
    await send(units, 'POST /units', {
      body: {
        code: unique('D'),
        name: category === 'class1' ? '经信局' : '市场监管局',
        kind: 'department',
        category,
      },
    })
  ).body.id;

const cadre = async (unitId: string, name: string, enterpriseFacing?: boolean) =>
  (
    await send(cadres, 'POST /cadres', {
      body: {
        name,
        unitId,
        inPool: false,
        experience: [],
        serviceSkills: [],
        ...(enterpriseFacing === undefined ? {} : { enterpriseFacing }),
      },
    })
  ).body.id;

const staffing = (unitId: string, claims = operator) =>
  send(grids, 'GET /units/{unitId}/grid-staffing', { pathParameters: { unitId }, claims });

let class1: string;
let class2: string;
let town: string;
let gridId: string;
let c1: string[];
let c2: string[];
let townFacing: string[];
let team: Body;

beforeAll(async () => {
  // Prepare: a class-1 department of 6, a class-2 of 4, a town with 3 enterprise-facing cadres and one
  // other; one team holding 2 + 1 + 2 of them.
  [class1, class2, town] = await Promise.all([
    department('class1'),
    department('class2'),
    createTown().then((t) => t.id),
  ]);
  gridId = (await createGrid(town)).id;
  c1 = await Promise.all(Array.from({ length: 6 }, (_, i) => cadre(class1, `经信${i}`)));
  c2 = await Promise.all(Array.from({ length: 4 }, (_, i) => cadre(class2, `监管${i}`)));
  townFacing = await Promise.all(Array.from({ length: 3 }, (_, i) => cadre(town, `属地${i}`, true)));
  await cadre(town, '镇文书', false);
  const created = await send(grids, 'POST /grids/{gridId}/teams', {
    pathParameters: { gridId },
    body: { name: '一组', memberCadreIds: [c1[0], c1[1], c2[0], townFacing[0], townFacing[1]] },
  });
  expect(created.status).toBe(201);
  team = created.body;
});

describe('grid staffing (全部下沉) against DynamoDB Local', () => {
  it('reports each unit against its rule with the names missing', async () => {
    const [one, two, ofTown] = await Promise.all([staffing(class1), staffing(class2), staffing(town)]);
    expect(one.body).toMatchObject({ rule: 'two_thirds', staff: 6, required: 4, placed: 2, shortfall: 2 });
    expect((one.body.missing as { cadreId: string }[]).map((m) => m.cadreId).sort()).toEqual(
      c1.slice(2).sort(),
    );
    expect(two.body).toMatchObject({ rule: 'one_third', staff: 4, required: 2, placed: 1, shortfall: 1 });
    expect(ofTown.body).toMatchObject({
      rule: 'every_enterprise_facing',
      staff: 4,
      enterpriseFacing: 3,
      required: 3,
      placed: 2,
      shortfall: 1,
      missing: [{ cadreId: townFacing[2], name: '属地2', unitId: town }],
    });
    const unplaced = await send(grids, 'GET /grid-staffing/unplaced', { query: { unitId: town } });
    expect(unplaced.body).toEqual({
      items: [{ cadreId: townFacing[2], name: '属地2', unitId: town }],
      nextCursor: null,
    });
  });

  it('lets a department read its own unit only', async () => {
    const own = await staffing(class1, claimsFor('department', { unitId: class1 }));
    const other = await staffing(class2, claimsFor('department', { unitId: class1 }));
    expect(own.status).toBe(200);
    expect(other.status).toBe(404);
  });

  it('lists a department its own unplaced cadres, and none of another unit it names', async () => {
    const unplaced = (claims: ReturnType<typeof claimsFor>, query: Record<string, string> = {}) =>
      send(grids, 'GET /grid-staffing/unplaced', { query, claims });
    const ofTown = claimsFor('department', { unitId: town });
    // Act
    const [own, named, other] = await Promise.all([
      unplaced(ofTown),
      unplaced(ofTown, { unitId: town }),
      unplaced(claimsFor('department', { unitId: class1 }), { unitId: town }),
    ]);
    // Assert: the town's third enterprise-facing cadre is in no team, and not class-1's to see
    const townOnly = { items: [{ cadreId: townFacing[2], name: '属地2', unitId: town }], nextCursor: null };
    expect([own.status, named.status, other.status]).toEqual([200, 200, 200]);
    expect(own.body).toEqual(townOnly);
    expect(named.body).toEqual(townOnly);
    expect(other.body).toEqual({ items: [], nextCursor: null });
  });

  it('fixes the gaps with a team edit, moves the memberships with it and keeps the history', async () => {
    const path = { gridId, teamId: team.id };
    // Act
    const refused = await send(grids, 'PATCH /grids/{gridId}/teams/{teamId}', {
      pathParameters: path,
      body: { addCadreIds: [c1[0]], reason: '重复' },
      version: 1,
    });
    const edited = await send(grids, 'PATCH /grids/{gridId}/teams/{teamId}', {
      pathParameters: path,
      body: {
        addCadreIds: [townFacing[2], c1[2], c1[3]],
        removeCadreIds: [c2[0]],
        leaderCadreId: c1[0],
        reason: '按全部下沉要求补齐',
      },
      version: 1,
    });
    const stale = await send(grids, 'PATCH /grids/{gridId}/teams/{teamId}', {
      pathParameters: path,
      body: { leaderCadreId: null, reason: '过期' },
      version: 1,
    });
    const second = await send(grids, 'PATCH /grids/{gridId}/teams/{teamId}', {
      pathParameters: path,
      body: { addCadreIds: [c2[1]], reason: '监管局补员' },
      version: 2,
    });
    const history = await send(grids, 'GET /grids/{gridId}/teams/{teamId}/history', { pathParameters: path });

    // Assess
    expect(refused.status).toBe(400);
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ version: 2, leaderCadreId: c1[0] });
    expect(stale.status).toBe(412);
    expect(second.body.version).toBe(3);
    expect(await findTeamMembership(c2[0] as string, team.id)).toBeUndefined();
    expect(await findTeamMembership(townFacing[2] as string, team.id)).toEqual({ teamId: team.id, gridId });
    const [one, two, ofTown] = await Promise.all([staffing(class1), staffing(class2), staffing(town)]);
    expect(one.body).toMatchObject({ placed: 4, shortfall: 0, missing: [] });
    expect(two.body).toMatchObject({ placed: 1, shortfall: 1 });
    expect(ofTown.body).toMatchObject({ placed: 3, shortfall: 0, missing: [] });
    expect((history.body as unknown as { items: Record<string, unknown>[] }).items).toEqual([
      expect.objectContaining({
        version: 2,
        added: [townFacing[2], c1[2], c1[3]],
        removed: [c2[0]],
        leaderFrom: null,
        leaderTo: c1[0],
        reason: '按全部下沉要求补齐',
        by: { sub: 'test-operator', role: 'operator' },
      }),
      expect.objectContaining({
        version: 3,
        added: [c2[1]],
        removed: [],
        leaderFrom: c1[0],
        leaderTo: c1[0],
      }),
    ]);
  });

  it('refuses an unknown cadre with 400 and writes nothing', async () => {
    const before = await send(grids, 'GET /grids/{gridId}/teams/{teamId}', {
      pathParameters: { gridId, teamId: team.id },
    });
    const unknown = await send(grids, 'PATCH /grids/{gridId}/teams/{teamId}', {
      pathParameters: { gridId, teamId: team.id },
      body: { addCadreIds: ['NO-SUCH-CADRE'], reason: '误填' },
      version: before.body.version,
    });
    const after = await send(grids, 'GET /grids/{gridId}/teams/{teamId}', {
      pathParameters: { gridId, teamId: team.id },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('UNKNOWN_REFERENCE');
    expect(after.body).toEqual(before.body);
  });
});
