import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JobRun } from '../../../../shared/usecases/jobs/job-run';
import { measuredRun } from '../../../../shared/usecases/jobs/measured-run';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

const metricLines = (write: { mock: { calls: unknown[][] } }) =>
  write.mock.calls.map(([line]) => JSON.parse(String(line)) as Record<string, unknown>);

describe('a measured job run (scheduled or POST /jobs/{job}/runs)', () => {
  it('publishes runs, failures, what the job counted and its duration under the job’s name', async () => {
    vi.stubEnv('LOG_LEVEL', 'INFO');
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const summary: JobRun = {
      job: 'daily-sweep',
      asOf: '2026-12-07',
      failures: [{ recordId: 'i-1', step: 'supervise', error: 'IssueBusy' }],
      metrics: { NewlyOverdue: 3 },
    };

    await expect(measuredRun('daily-sweep', async () => summary, '2026-12-07')).resolves.toBe(summary);

    const [counts, duration] = metricLines(write);
    expect(counts).toMatchObject({ Job: 'daily-sweep', JobRuns: 1, JobFailures: 1, NewlyOverdue: 3 });
    expect(duration).toMatchObject({ Job: 'daily-sweep', JobDuration: expect.any(Number) });
  });

  it('publishes nothing for a run that threw: the invocation’s error is the signal', async () => {
    vi.stubEnv('LOG_LEVEL', 'INFO');
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    await expect(
      measuredRun('daily-sweep', async () => Promise.reject(new Error('boom')), '2026-12-07'),
    ).rejects.toThrow('boom');
    expect(write).not.toHaveBeenCalled();
  });
});
