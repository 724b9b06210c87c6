import * as z from 'zod/mini';
import { rolesFor } from '../domain/issues/permissions';
import { defineRoute } from '../http/contract';
import { id, isoDate } from './common';
import { issueRecord } from './issue-record';

/**
 * Any job-shaped name passes validation: a job that does not exist (yet) answers 404 JOB_NOT_FOUND,
 * never 400, so clients can tell "no such job" from "malformed request".
 */
const jobName = z.string().check(z.regex(/^[a-z][a-z0-9-]{0,63}$/));

export const runJobBody = z.strictObject({
  /** The program date (Asia/Shanghai) the job runs for, or a moment whose Asia/Shanghai date that is. */
  asOf: z.union([isoDate, z.iso.datetime({ offset: true })]),
});

const failure = z.object({ recordId: z.string(), step: z.string(), error: z.string() });

/** Every job's run summary has these; each job adds its own counts. */
export const jobRunSummary = z.looseObject({
  job: z.string(),
  asOf: isoDate,
  failures: z.array(failure),
});

export const jobRoutes = {
  runJob: defineRoute({
    method: 'POST',
    path: '/jobs/{job}/runs',
    area: 'jobs',
    summary: 'Run a scheduled job now for a program date (catch-up, re-run); idempotent per period',
    roles: ['admin'],
    params: z.strictObject({ job: jobName }),
    body: runJobBody,
    response: jobRunSummary,
  }),
};

/**
 * The service centre's repair of an issue whose workflow failed. Served by the operators' function
 * (area `jobs`: triggers and repairs), not the issues function, which is at its bundle budget.
 */
export const issueRepairRoutes = {
  restartWorkflow: defineRoute({
    method: 'POST',
    path: '/issues/{issueId}/workflow/restart',
    area: 'jobs',
    summary:
      'Put an issue whose workflow failed on a new execution, at the wait its status calls for (runbook)',
    roles: rolesFor('restart_workflow'),
    params: z.strictObject({ issueId: id }),
    response: issueRecord,
  }),
};
