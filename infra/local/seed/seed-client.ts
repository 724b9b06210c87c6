import type { Role } from '../../../shared/domain/roles';

export interface Scope {
  enterpriseId?: string;
  unitId?: string;
  cadreId?: string;
}

/** Keys name the record within the demo set, so a second run replays instead of creating. */
export const seedKey = (kind: string, n: number | string) => `seed-v1-${kind}-${n}`;

export const asOperator = { role: 'operator' } as const;

export class SeedRequestError extends Error {
  override readonly name = 'SeedRequestError';
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The seed talks to local mode over HTTP, as a client app would: every record goes through the same
 * validation and use cases, and creations carry a stable Idempotency-Key so a second run replays them.
 */
export const seedClient = (baseUrl: string) => {
  const tokens = new Map<string, Promise<string>>();

  const tokenFor = (role: Role, scope: Scope = {}): Promise<string> => {
    const cacheKey = JSON.stringify([role, scope]);
    let token = tokens.get(cacheKey);
    if (!token) {
      token = fetch(`${baseUrl}/_local/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ role, sub: `seed-${role}`, ...scope }),
      }).then(async (response) => {
        if (!response.ok) throw new Error(`POST /_local/token answered ${response.status}`);
        return ((await response.json()) as { token: string }).token;
      });
      tokens.set(cacheKey, token);
    }
    return token;
  };

  const call = async <T>(
    method: string,
    path: string,
    as: { role: Role; scope?: Scope },
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${await tokenFor(as.role, as.scope)}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      const parsed = text ? JSON.parse(text) : undefined;
      if (response.ok) return parsed as T;
      // An earlier, interrupted run may still hold the key for a moment (409 in progress): try again.
      if (response.status === 409 && parsed?.code === 'IDEMPOTENCY_IN_PROGRESS' && attempt < 5) {
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
        continue;
      }
      // DynamoDB Local on a loaded machine can answer too late (503 SERVICE_BUSY): wait as told and
      // retry what is safe to repeat (a read, or a request under an Idempotency-Key); a plain POST may
      // have been applied.
      const repeatable = method === 'GET' || headers['idempotency-key'] !== undefined;
      if (response.status === 503 && parsed?.code === 'SERVICE_BUSY' && repeatable && attempt < 5) {
        const seconds = Number(response.headers.get('retry-after') ?? '1');
        await new Promise((resolve) => setTimeout(resolve, 1000 * seconds));
        continue;
      }
      throw new SeedRequestError(
        response.status,
        parsed?.code,
        `${method} ${path} answered ${response.status} ${parsed?.code ?? ''}: ${parsed?.detail ?? text}`,
      );
    }
  };

  return {
    post: <T>(path: string, as: { role: Role; scope?: Scope }, body: unknown, idempotencyKey?: string) =>
      call<T>('POST', path, as, body, idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
    call,
    get: <T>(path: string, as: { role: Role; scope?: Scope }) => call<T>('GET', path, as),
  };
};

export type SeedClient = ReturnType<typeof seedClient>;

/** Runs `work` over `items` with at most `concurrency` in flight; answers results in item order. */
export const inParallel = async <T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> => {
  const results: R[] = new Array(items.length);
  let nextIndex = 0;
  const worker = async () => {
    while (nextIndex < items.length) {
      const index = nextIndex++;
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
};
