import type { ScheduledEvent } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import {
  asOfOfScheduledEvent,
  JobIncomplete,
  scheduledJobHandler,
} from '../../../shared/jobs/scheduled-job-handler';
import type { JobRun } from '../../../shared/usecases/jobs/job-run';

const event = (time: string): ScheduledEvent => ({
  version: '0',
  id: 'event-1',
  'detail-type': 'Scheduled Event',
  source: 'aws.events',
  account: '000000000000',
  time,
  region: 'cn-north-1',
  resources: ['arn:aws-cn:events:cn-north-1:000000000000:rule/daily-sweep'],
  detail: {},
});

describe('the program date of a scheduled event', () => {
  it('is the Shanghai date: 16:30 UTC is 00:30 of the next day there', () => {
    expect(asOfOfScheduledEvent(event('2026-03-09T16:30:00Z'))).toBe('2026-03-10');
  });

  it('turns over at 16:00 UTC, Shanghai midnight', () => {
    expect(asOfOfScheduledEvent(event('2026-03-09T15:59:59Z'))).toBe('2026-03-09');
    expect(asOfOfScheduledEvent(event('2026-03-09T16:00:00Z'))).toBe('2026-03-10');
  });

  it('crosses month and year ends the same way', () => {
    expect(asOfOfScheduledEvent(event('2026-02-28T16:30:00Z'))).toBe('2026-03-01');
    expect(asOfOfScheduledEvent(event('2025-12-31T16:30:00Z'))).toBe('2026-01-01');
  });
});

describe('a scheduled job handler', () => {
  const run = (failures: JobRun['failures']) =>
    vi.fn(async (asOf: string): Promise<JobRun> => ({ job: 'test-job', asOf, failures }));

  it('runs the job for the event’s program date and answers its summary', async () => {
    const job = run([]);

    const summary = await scheduledJobHandler('test-job', job)(event('2026-03-09T16:30:00Z'));

    expect(job).toHaveBeenCalledWith('2026-03-10');
    expect(summary).toEqual({ job: 'test-job', asOf: '2026-03-10', failures: [] });
  });

  it('fails the invocation when items failed, so Lambda retries the (idempotent) run', async () => {
    const job = run([{ recordId: 'I1', step: 'overdue', error: 'ThrottlingException' }]);

    await expect(scheduledJobHandler('test-job', job)(event('2026-03-09T16:30:00Z'))).rejects.toBeInstanceOf(
      JobIncomplete,
    );
  });

  it('refuses an event without a usable time rather than guessing the date', async () => {
    const job = run([]);

    await expect(scheduledJobHandler('test-job', job)(event('yesterday'))).rejects.toThrow(/timestamp/);
    expect(job).not.toHaveBeenCalled();
  });
});
