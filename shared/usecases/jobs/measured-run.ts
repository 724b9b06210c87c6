import type { CalendarDate } from '../../domain/calendar';
import { putMetrics } from '../../observability/metrics';
import type { JobRun, JobRunner } from './job-run';

/**
 * Runs a job and publishes the run's metrics under its name: runs, failures, duration and what the
 * job counted. Scheduled and manual runs (`POST /jobs/{job}/runs`) alike, so the dashboard and the
 * failures alarm see an operator's catch-up run as they see the schedule's.
 */
export const measuredRun = async (job: string, run: JobRunner, asOf: CalendarDate): Promise<JobRun> => {
  const startedAt = Date.now();
  const summary = await run(asOf);
  const dimension = { Job: job };
  putMetrics({ values: { JobRuns: 1, JobFailures: summary.failures.length, ...summary.metrics }, dimension });
  putMetrics({ values: { JobDuration: Date.now() - startedAt }, unit: 'Milliseconds', dimension });
  return summary;
};
