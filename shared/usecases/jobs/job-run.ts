import type { CalendarDate } from '../../domain/calendar';

/** One item a job could not finish; the job carries on with the rest, and a re-run retries it. */
export interface JobFailure {
  /** The record the job was working on, e.g. an issue id. */
  recordId: string;
  step: string;
  /** The error's name only: messages may carry data that does not belong in a summary. */
  error: string;
}

/** What every job run answers: which job, for which program date, and what it could not finish. */
export interface JobRun {
  job: string;
  asOf: CalendarDate;
  failures: JobFailure[];
  /** What the run counted, published as program metrics by the scheduled handler (docs/operations.md). */
  metrics?: Record<string, number>;
}

/** A job that runs for a program date, idempotent for that date. */
export type JobRunner = (asOf: CalendarDate) => Promise<JobRun>;
