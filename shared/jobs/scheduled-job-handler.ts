import type { ScheduledEvent } from 'aws-lambda';
import { type CalendarDate, programDateOf } from '../domain/calendar';
import { logger } from '../observability/logger';
import { putMetrics } from '../observability/metrics';
import type { JobRunner } from '../usecases/jobs/job-run';

/**
 * The program date a scheduled event stands for: the Asia/Shanghai date of its time. Rules fire in
 * UTC, so 00:30 in Shanghai is 16:30 UTC of the day before, and this gives the Shanghai day.
 */
export const asOfOfScheduledEvent = (event: Pick<ScheduledEvent, 'time'>): CalendarDate =>
  programDateOf(event.time);

/** Some items failed; thrown so Lambda retries the run (idempotent) and, in the end, dead-letters it. */
export class JobIncomplete extends Error {
  override readonly name = 'JobIncomplete';
}

/**
 * A job Lambda for an EventBridge schedule: derives asOf from the event time, runs the job for it and
 * publishes the run's metrics (runs, failures, duration and what the job counted) under its name.
 */
export const scheduledJobHandler =
  (job: string, run: JobRunner) =>
  async (event: ScheduledEvent): Promise<unknown> => {
    const asOf = asOfOfScheduledEvent(event);
    logger.appendKeys({ job, asOf, eventId: event.id });
    const startedAt = Date.now();
    const summary = await run(asOf);
    logger.info('job run', { summary });
    // Published before failing the run: the failures alarm reads JobFailures, the dashboard the rest.
    const dimension = { Job: job };
    putMetrics({
      values: { JobRuns: 1, JobFailures: summary.failures.length, ...summary.metrics },
      dimension,
    });
    putMetrics({ values: { JobDuration: Date.now() - startedAt }, unit: 'Milliseconds', dimension });
    if (summary.failures.length > 0) {
      throw new JobIncomplete(`${job} for ${asOf}: ${summary.failures.length} item(s) failed`);
    }
    return summary;
  };
