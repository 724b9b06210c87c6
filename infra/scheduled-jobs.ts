import { ACCESS, READS, type TableAccess } from './constructs/bind-table';
import type { PolicyGroup } from './policy-settings';

/** One scheduled job: its Lambda entry, when it runs and what it is for. */
export interface ScheduledJobSettings {
  /** Repo-relative TypeScript entry, e.g. `functions/jobs/daily-sweep/handler.ts`. */
  entry: string;
  /**
   * An EventBridge schedule expression. Rules run in UTC and the program in Asia/Shanghai (UTC+8, no
   * DST): a Shanghai time is written eight hours earlier, on the day before when that crosses midnight.
   */
  schedule: string;
  description: string;
  /**
   * How often a run must happen: a day or week without one raises the job's missed-run alarm
   * (infra/constructs/operational-alarms.ts). A quarter is longer than an alarm can look back.
   */
  runsEvery: 'day' | 'week' | 'quarter';
  /** The policy settings the job's code reads (infra/policy-settings.ts). */
  policies?: PolicyGroup[];
  /** What the job does to the program table (all indexes readable) and the ledger. */
  program: TableAccess;
  ledger?: TableAccess;
}

/**
 * The program's scheduled jobs (ARCHITECTURE.md, "Schedules"): each also runs by hand through
 * `POST /jobs/{job}/runs`. A new job is one line here plus its handler and use case.
 */
export const SCHEDULED_JOBS: Record<string, ScheduledJobSettings> = {
  'daily-sweep': {
    entry: 'functions/jobs/daily-sweep/handler.ts',
    // 00:30 Asia/Shanghai every day.
    schedule: 'cron(30 16 * * ? *)',
    description: '每日销结: overdue supervision, due-soon cards, no-response follow-ups, daily close record',
    runsEvery: 'day',
    policies: ['issue'],
    program: ACCESS.readWrite,
    ledger: ACCESS.append,
  },
  'quarterly-scoring': {
    entry: 'functions/jobs/quarterly-scoring/handler.ts',
    // 01:00 Asia/Shanghai on the first day of each quarter = 17:00 UTC on the last day of the quarter.
    schedule: 'cron(0 17 L 3,6,9,12 ? *)',
    description: '每季排名: scores and ranks towns and departments for the quarter just ended',
    runsEvery: 'quarter',
    policies: ['scoring'],
    // Ranking rows are published in batches of 25.
    program: { read: READS, write: ['PutItem', 'UpdateItem', 'BatchWriteItem'] },
  },
  'weekly-inspection': {
    entry: 'functions/jobs/weekly-inspection/handler.ts',
    // 08:30 Asia/Shanghai every Monday (00:30 UTC, the same Monday).
    schedule: 'cron(30 0 ? * MON *)',
    description:
      '每周督查: per-unit open, overdue and due-soon assignments, returns, re-reviews, colour cards',
    runsEvery: 'week',
    policies: ['issue'],
    program: ACCESS.readWrite,
    // Which unit handed an issue back: the newest ledger entries of the issue.
    ledger: { read: ['Query'] },
  },
  'consultation-agenda': {
    entry: 'functions/jobs/consultation-agenda/handler.ts',
    // 09:00 Asia/Shanghai every Monday (01:00 UTC); the job itself holds one every other week.
    schedule: 'cron(0 1 ? * MON *)',
    description: '半月会商: calls the fortnight consultation with issues awaiting consultation and red cards',
    runsEvery: 'week',
    policies: ['issue'],
    program: ACCESS.readWrite,
  },
};
