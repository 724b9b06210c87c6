import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../../smoke/api-client';
import { smokeSteps } from '../../smoke/steps';
import { detectTarget } from '../../smoke/target';
import { ensureCalendarCovers } from '../support/e2e-calendar';
import { startLocalServer } from '../support/local-server';

interface Health {
  status: string;
  components: { component: string; status: string; summary: string }[];
}

/**
 * The newcomer's literal path: `npm start` (here its process, with only a data directory and a
 * port), then one issue through escalation, the workflow, an overdue sweep, resolution, the verdict
 * and closure — the smoke's steps. The first write goes to the idempotency table, before the
 * program table's stream shard has held any record: DynamoDB Local then numbers that shard's first
 * record past the iterator's position and answers TrimmedDataAccessException, which once stopped
 * the workflow from ever starting on a new data directory.
 */
const walkTheNewcomersPath = async (dataDir: string, fresh: boolean) => {
  const server = await startLocalServer({ dataDir, fresh });
  try {
    const api = apiClient(() => server.baseUrl);
    const target = await detectTarget(api, {});
    await api('POST', '/units', {
      token: await target.token('operator'),
      headers: { 'Idempotency-Key': `first-write-${Date.now()}` },
      body: { code: `FIRST-${Date.now()}`, name: '首次写入局', kind: 'department', category: 'class2' },
    });
    await ensureCalendarCovers(server.baseUrl);

    const outcomes: string[] = [];
    for (const step of smokeSteps(api, target)) outcomes.push(`${step.name}: ${await step.run()}`);

    const health = await api<Health>('GET', '/_local/health');
    return { outcomes, health: health.body };
  } finally {
    await server.stop();
  }
};

describe('the first run', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = join(await mkdtemp(join(tmpdir(), 'qinqing-first-run-')), 'never-used');
  });
  afterAll(() => rm(join(dataDir, '..'), { recursive: true, force: true }));

  it('drives an issue to closure on a new data directory, after a restart, and after --fresh', {
    timeout: 600_000,
  }, async () => {
    const runs = [
      await walkTheNewcomersPath(dataDir, false),
      await walkTheNewcomersPath(dataDir, false),
      await walkTheNewcomersPath(dataDir, true),
    ];

    for (const { outcomes, health } of runs) {
      expect(outcomes.map((outcome) => outcome.split(':')[0])).toEqual([
        'health',
        'master data',
        'raise',
        'escalate',
        'workflow started',
        'overdue → supervised',
        'resolved',
        'verdict',
        'closed',
      ]);
      expect(outcomes.join('\n')).not.toContain('skipped');
      expect(health.status).toBe('ok');
      const streams = health.components.find((component) => component.component === 'streams');
      expect(streams?.status).toBe('ok');
    }
  });
});
