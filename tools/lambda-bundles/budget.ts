/**
 * The bundle budget: an API handler's bundle may be at most this many times the baseline bundle
 * (baseline.ts), in size and in import time. It is what zod/mini, the own logger and the own
 * idempotency were chosen for; `npm test` guards the size (test/infra/bundles.test.ts), `npm run
 * bench` both.
 */
export const BUDGET_RATIO = 1.3;

/**
 * `POST /jobs/{job}/runs` runs any job inside the request, so its handler carries every job runner
 * (the sweep's lifecycle, the rankings' scoring) that the scheduled functions carry one by one. It
 * is an operator's trigger, not on a client's path, and is held to its own ceiling so it still
 * cannot grow unnoticed.
 */
const JOB_RUNNER_ENTRY = 'functions/api/jobs/handler.ts';
export const JOB_RUNNER_BUDGET_RATIO = 1.35;

const OWN_CEILINGS: Record<string, number> = {
  [JOB_RUNNER_ENTRY]: JOB_RUNNER_BUDGET_RATIO,
};

/** The ratio an API handler's bundle is held to, in size and in import time. */
export const budgetRatioOf = (entry: string): number => OWN_CEILINGS[entry] ?? BUDGET_RATIO;

/** The repo-relative entry of the baseline bundle. */
export const BASELINE_ENTRY = 'tools/lambda-bundles/baseline.ts';
