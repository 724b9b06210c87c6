import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../../shared/contract/routes';
import type { Role } from '../../shared/domain/roles';
import { type RouteSpec, routeKeyOf } from '../../shared/http/contract';
import { baseUrl, observe } from '../support/e2e';
import { type HostileRequest, hostileRequests } from '../support/hostile/hostile-requests';
import { countStoredItems } from '../support/hostile/stored-items';
import { buildWorld, type World } from '../support/hostile/world';

/**
 * Fuzzing every route from its contract schemas, over HTTP against local mode: FUZZ_RUNS hostile
 * requests per route (npm test: 25; `npm run fuzz -- --runs 1000` for the long run), seeded by
 * FUZZ_SEED or at random, the seed printed so that a failure can be replayed. What must hold: no
 * answer ≥ 500, every refusal problem+json (or the gateway's own JSON), no request over 10 s, no write
 * route accepting a request that breaks its contract, and nothing stored by what was refused.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const HANG_MS = 10_000;
const SLOW_ROUTE_MS = Number(process.env.FUZZ_SLOW_ROUTE_MS ?? 5_000);

/** Answers API Gateway gives itself (no function runs), in its own `{"message"}` JSON. */
const GATEWAY_STATUSES = new Set([401, 413, 431]);

let world: World;
const findings: string[] = [];
let sent = 0;

const tokenFor = (route: RouteSpec): string => {
  const role: Role | undefined = route.roles.includes('admin') ? 'admin' : route.roles[0];
  switch (role) {
    case 'enterprise':
      return world.a.tokens.enterprise;
    case 'cadre':
      return world.a.tokens.visitCadre;
    case 'department':
      return world.a.tokens.department;
    case undefined:
      return world.tokens.operator;
    default:
      return world.tokens[role];
  }
};

const send = async (request: HostileRequest) => {
  sent += 1;
  const started = Date.now();
  try {
    const response = await fetch(`${baseUrl()}${request.url}`, {
      method: request.method,
      headers: request.headers,
      ...(request.body !== undefined ? { body: request.body } : {}),
      signal: AbortSignal.timeout(HANG_MS),
    });
    const text = await response.text();
    const contentType = response.headers.get('content-type') ?? '';
    if (response.status < 500) {
      const parsed = /json/.test(contentType) && text ? (JSON.parse(text) as unknown) : text;
      observe(request.method, request.url, response.status, contentType, parsed);
    }
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      text,
      ms: Date.now() - started,
    };
  } catch (error) {
    return { status: 0, contentType: '', text: String(error), ms: Date.now() - started };
  }
};

/** What is wrong with one answer, or undefined. */
const judge = (route: RouteSpec, request: HostileRequest, answer: Awaited<ReturnType<typeof send>>) => {
  if (answer.status === 0) return `no answer within ${HANG_MS} ms (${answer.text})`;
  if (answer.status >= 500) return `answered ${answer.status}`;
  if (answer.status >= 400) {
    if (GATEWAY_STATUSES.has(answer.status) && answer.contentType === 'application/json') return undefined;
    if (answer.contentType !== 'application/problem+json') return `${answer.status} as ${answer.contentType}`;
    const problem = JSON.parse(answer.text) as { status?: number; code?: unknown };
    if (problem.status !== answer.status || typeof problem.code !== 'string')
      return `malformed problem ${answer.text}`;
    return undefined;
  }
  if (route.method !== 'GET') return `accepted (${answer.status}) a request with ${request.violation}`;
  return undefined;
};

beforeAll(async () => {
  world = await buildWorld();
}, 120_000);

describe(`fuzzing every route from its contract (${RUNS} per route, seed ${SEED})`, () => {
  it(
    'answers hostile input with a 4xx problem, in time, and stores nothing it refused',
    async () => {
      console.log(`fuzz: seed ${SEED} (FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS} replays this run)`);
      const before = await countStoredItems();
      const routes = apiRoutes.filter((route) => route.access !== 'public');
      let slowest = 0;
      for (const [index, route] of routes.entries()) {
        const routeStarted = Date.now();
        const cases = fc.sample(hostileRequests(route, world, tokenFor(route)), {
          numRuns: RUNS,
          seed: SEED + index,
        });
        for (const request of cases) {
          const answer = await send(request);
          slowest = Math.max(slowest, answer.ms);
          const finding = judge(route, request, answer);
          if (finding) {
            findings.push(
              `${routeKeyOf(route)} ${request.method} ${request.url.slice(0, 160)} [${request.violation.slice(0, 80)}] → ${finding}: ${answer.text.slice(0, 200)}`,
            );
          }
        }
        const routeMs = Date.now() - routeStarted;
        if (routeMs > SLOW_ROUTE_MS)
          console.log(`fuzz: ${routeKeyOf(route)} took ${routeMs} ms for ${RUNS} requests`);
      }
      const after = await countStoredItems();
      console.log(
        `fuzz: ${sent} requests over ${routes.length} routes, ${findings.length} findings, slowest ${slowest} ms; stored items ${JSON.stringify(before)} → ${JSON.stringify(after)}`,
      );
      expect(findings).toEqual([]);
      expect(after).toEqual(before);
    },
    60 * 60_000,
  );
});
