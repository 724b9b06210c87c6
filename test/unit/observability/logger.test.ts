import { afterEach, describe, expect, it, vi } from 'vitest';

const loadLogger = async (level: string) => {
  vi.resetModules();
  vi.stubEnv('LOG_LEVEL', level);
  vi.stubEnv('SERVICE_NAME', 'Qinqing-test-Api');
  return (await import('../../../shared/observability/logger')).logger;
};

const captureLines = () => {
  const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  return () => write.mock.calls.map(([line]) => JSON.parse(String(line)) as Record<string, unknown>);
};

describe('logger', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  });

  it('writes one JSON line per record with level, service, correlation id and fields', async () => {
    const logger = await loadLogger('INFO');
    const lines = captureLines();
    logger.setCorrelationId('req-1');
    logger.appendKeys({ job: 'daily-sweep' });
    logger.info('request', { routeKey: 'POST /units', status: 201 });
    expect(lines()).toEqual([
      {
        level: 'INFO',
        message: 'request',
        service: 'Qinqing-test-Api',
        timestamp: expect.any(String),
        correlationId: 'req-1',
        job: 'daily-sweep',
        routeKey: 'POST /units',
        status: 201,
      },
    ]);
  });

  it('drops records below the configured level and serializes errors', async () => {
    const logger = await loadLogger('WARN');
    const lines = captureLines();
    logger.info('not shown');
    logger.error('failed', { error: new TypeError('boom') });
    const written = lines();
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({ level: 'ERROR', error: { name: 'TypeError', message: 'boom' } });
  });
});
