import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { apiRoutes } from '../../shared/contract/routes';
import { type RouteSpec, routeKeyOf } from '../../shared/http/contract';
import { api, type Problem } from '../support/e2e';
import { SERVER_OWNED_FIELDS } from '../support/hostile/hostile-requests';
import { pathFor, requiredHeaders, SCOPED_WRITE_BODIES } from '../support/hostile/requests';
import { countStoredItems } from '../support/hostile/stored-items';
import { buildWorld, type World } from '../support/hostile/world';

/**
 * Mass assignment: every server-owned field injected into every write. The contract declares none of
 * them, and each injection answers 400 naming the field, with nothing stored.
 */
let world: World;
const writes = apiRoutes.filter((route) => route.body);
const declared = (route: RouteSpec) =>
  Object.keys(
    (
      z.toJSONSchema(route.body as NonNullable<RouteSpec['body']>, {
        io: 'input',
        unrepresentable: 'any',
      }) as {
        properties?: object;
      }
    ).properties ?? {},
  );

/**
 * A token of a role the route lists, so that the body is what gets refused: the route's role check
 * comes before validation. Leader only for the leader-only write (the city leader's opinion on a grade).
 */
const tokenFor = (route: RouteSpec) =>
  route.roles.includes('admin')
    ? world.tokens.admin
    : route.roles.includes('cadre')
      ? world.a.tokens.visitCadre
      : route.roles.includes('department')
        ? world.a.tokens.department
        : route.roles.includes('leader')
          ? world.tokens.leader
          : world.a.tokens.enterprise;

beforeAll(async () => {
  world = await buildWorld();
}, 120_000);

describe('mass assignment', () => {
  it('no write declares a server-owned field, apart from the few a client legitimately names', () => {
    // A client names the resolution text; it never sets ids or versions, and state only where moving
    // it is the client's decision, named here per route so that no other write may declare it.
    const allowed = new Set(['resolution']);
    const allowedOn: Record<string, readonly string[]> = {
      // A batch starts and ends when the office says so: nothing on the server moves its status, and the
      // use case lets it only move forward (docs/batches.md, 409 INVALID_TRANSITION).
      'PATCH /batches/{batch}': ['status'],
      // An agency step starts and finishes when its agent cadre (or the office) says so; forward only
      // (docs/key-enterprises.md, 409 INVALID_TRANSITION).
      'PATCH /agency-cases/{agencyCaseId}/steps/{stepId}': ['status'],
    };
    const offending = writes.flatMap((route) =>
      declared(route)
        .filter(
          (name) =>
            (SERVER_OWNED_FIELDS as readonly string[]).includes(name) &&
            !allowed.has(name) &&
            !allowedOn[routeKeyOf(route)]?.includes(name),
        )
        .map((name) => `${routeKeyOf(route)} declares ${name}`),
    );
    expect(offending).toEqual([]);
  });

  it('answers every server-owned field injected into every write with 400 naming it, storing nothing', async () => {
    const before = await countStoredItems();
    const wrong: string[] = [];
    let sent = 0;
    for (const route of writes) {
      const base = (SCOPED_WRITE_BODIES[routeKeyOf(route)] as object | undefined) ?? {};
      for (const field of SERVER_OWNED_FIELDS.filter((name) => !declared(route).includes(name))) {
        sent += 1;
        const { status, body } = await api<Problem>(route.method, pathFor(route, world.a), {
          token: tokenFor(route),
          headers: requiredHeaders(route),
          body: { ...base, [field]: field === 'version' ? 99 : 'server-owned' },
        });
        const named = status === 400 && body.errors?.some((error) => error.path === `body.${field}`);
        if (!named)
          wrong.push(`${routeKeyOf(route)} + ${field} → ${status} ${JSON.stringify(body).slice(0, 160)}`);
      }
    }
    const after = await countStoredItems();
    console.log(
      `mass assignment: ${sent} injections over ${writes.length} writes, ${wrong.length} not refused`,
    );
    expect(wrong).toEqual([]);
    expect(after).toEqual(before);
  });
});
