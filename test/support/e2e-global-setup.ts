import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureCalendarCovers } from './e2e-calendar';
import { startLocalServer } from './local-server';

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: { baseUrl: string; dataDir: string };
  }
}

/** One local server (`npm start -- --fresh`) on a temporary data directory for all e2e test files. */
export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(join(tmpdir(), 'qinqing-e2e-'));
  // Queue durations at 1/50: a notification's five attempts with backoff take seconds, not minutes.
  const server = await startLocalServer({ dataDir, fresh: true, env: { LOCAL_QUEUE_TIME_SCALE: '0.02' } });
  await ensureCalendarCovers(server.baseUrl);
  project.provide('e2e', { baseUrl: server.baseUrl, dataDir });
  return async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
