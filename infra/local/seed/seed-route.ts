import * as z from 'zod/mini';
import { Conflict } from '../../../shared/domain/errors';
import { parseJsonBody } from '../http/json-body';
import type { LocalRoute } from '../local-module';
import { demoSize } from './demo-data';
import { SeedRequestError, seedClient } from './seed-client';
import { countRecords } from './seed-counts';

const seedRequest = z.strictObject({
  /** 1 is sized like the program; tests seed a fraction. */
  scale: z._default(z.number().check(z.gt(0), z.lte(1)), 1),
});

/**
 * `POST /_local/seed` `{ scale? }`: loads the demo data set into this local mode (`npm run seed` calls
 * it) and answers how long each part took and what the data now holds.
 */
export const seedRoute = (baseUrl: string): LocalRoute => ({
  method: 'POST',
  path: '/_local/seed',
  async handle(request) {
    const { scale } = parseJsonBody(request, seedRequest);
    const client = seedClient(baseUrl);
    const started = performance.now();
    // Imported on the first seed, not with local mode: the seed calls use cases in-process, and
    // shared/config reads the functions' variables at load, which local mode sets only once the
    // template is read (a static import left every table name unset: 500 on every request).
    const { seedDemo } = await import('./seed');
    const report = await seedDemo(client, demoSize(scale)).catch((error: unknown) => {
      // Demo records are numbered within one size: other sizes send other bodies under the same keys.
      if (error instanceof SeedRequestError && error.code === 'IDEMPOTENCY_KEY_REUSED') {
        throw new Conflict(
          'SEEDED_AT_ANOTHER_SCALE',
          'This data was seeded at another scale; seed it again at that scale, or start with --fresh.',
        );
      }
      throw error;
    });
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    const counts = await countRecords(client);
    return {
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scale, seconds, ...report, counts }),
    };
  },
});
