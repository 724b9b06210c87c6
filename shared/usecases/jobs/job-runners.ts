import type { CalendarDate } from '../../domain/calendar';
import { JobNotFound } from '../../domain/errors';
import { runQuarterlyScoring } from '../scoring/quarterly-scoring';
import { runConsultationAgenda } from './consultation-agenda';
import { runDailySweep } from './daily-sweep';
import type { JobRun, JobRunner } from './job-run';
import { measuredRun } from './measured-run';
import { runWeeklyInspection } from './weekly-inspection';

/** The jobs built so far, by the name the schedules and `POST /jobs/{job}/runs` use. */
const JOB_RUNNERS: Readonly<Record<string, JobRunner>> = {
  'daily-sweep': runDailySweep,
  'quarterly-scoring': runQuarterlyScoring,
  'weekly-inspection': runWeeklyInspection,
  'consultation-agenda': runConsultationAgenda,
};

/** Runs a job by name for a program date, in this process, with the run's metrics. */
export const runJobNow = (job: string, asOf: CalendarDate): Promise<JobRun> => {
  const run = Object.hasOwn(JOB_RUNNERS, job) ? JOB_RUNNERS[job] : undefined;
  if (!run) throw new JobNotFound(job);
  return measuredRun(job, run, asOf);
};

export const jobNames = (): string[] => Object.keys(JOB_RUNNERS);
