import { afterEach, describe, expect, it, vi } from 'vitest';
import { emfDocument, PROGRAM_METRICS_NAMESPACE, putMetrics } from '../../../shared/observability/metrics';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('program metrics (EMF)', () => {
  it('declares every value as a metric of the namespace, by service and the one extra dimension', () => {
    const document = emfDocument(
      { values: { JobRuns: 1, JobFailures: 0 }, dimension: { Job: 'daily-sweep' } },
      'Qinqing-prod-Api',
      1_700_000_000_000,
    );
    expect(document).toEqual({
      _aws: {
        Timestamp: 1_700_000_000_000,
        CloudWatchMetrics: [
          {
            Namespace: PROGRAM_METRICS_NAMESPACE,
            Dimensions: [['Service', 'Job']],
            Metrics: [
              { Name: 'JobRuns', Unit: 'Count' },
              { Name: 'JobFailures', Unit: 'Count' },
            ],
          },
        ],
      },
      Service: 'Qinqing-prod-Api',
      Job: 'daily-sweep',
      JobRuns: 1,
      JobFailures: 0,
    });
  });

  it('writes one raw JSON line to stdout, so Lambda’s JSON log format leaves it as it is', () => {
    vi.stubEnv('LOG_LEVEL', 'INFO');
    vi.stubEnv('SERVICE_NAME', 'Qinqing-test-Api');
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    putMetrics({ values: { JobDuration: 1234 }, unit: 'Milliseconds' });
    expect(write).toHaveBeenCalledTimes(1);
    const line = String(write.mock.calls[0]?.[0]);
    expect(line.endsWith('\n')).toBe(true);
    expect(JSON.parse(line)).toMatchObject({ Service: 'Qinqing-test-Api', JobDuration: 1234 });
  });

  it('stays silent with LOG_LEVEL=SILENT, as the logger does', () => {
    vi.stubEnv('LOG_LEVEL', 'SILENT');
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    putMetrics({ values: { IssuesRaised: 1 } });
    expect(write).not.toHaveBeenCalled();
  });
});
