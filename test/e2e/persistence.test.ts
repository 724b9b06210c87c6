import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../shared/contract/units';
import { apiClient } from '../support/e2e';
import { startLocalServer } from '../support/local-server';

/** Starts a server on `dataDir`, runs `use` against it, and always stops it again. */
const withServer = async <T>(
  dataDir: string,
  fresh: boolean,
  use: (call: ReturnType<typeof apiClient>, token: string) => Promise<T>,
): Promise<T> => {
  const server = await startLocalServer({ dataDir, fresh });
  try {
    const call = apiClient(() => server.baseUrl);
    const issued = await call<{ token: string }>('POST', '/_local/token', { body: { role: 'operator' } });
    return await use(call, issued.body.token);
  } finally {
    await server.stop();
  }
};

describe('local mode keeps data under its data directory', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'qinqing-persistence-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('across a restart, and starts empty with --fresh', { timeout: 360_000 }, async () => {
    const unit = await withServer(dataDir, true, async (call, token) => {
      const created = await call<Unit>('POST', '/units', {
        token,
        body: { code: 'PERSIST-1', name: '海宁市经济和信息化局', kind: 'department', category: 'class1' },
      });
      expect(created.status).toBe(201);
      return created.body;
    });

    const afterRestart = await withServer(dataDir, false, (call, token) =>
      call<Unit>('GET', `/units/${unit.id}`, { token }),
    );
    const afterFresh = await withServer(dataDir, true, (call, token) =>
      call('GET', `/units/${unit.id}`, { token }),
    );

    expect(afterRestart).toMatchObject({ status: 200, body: { id: unit.id, code: 'PERSIST-1' } });
    expect(afterFresh.status).toBe(404);
  });
});
