/**
 * The bundle budget: an API handler's bundle may be at most this many times the baseline bundle
 * (baseline.ts), in size and in import time. It is what zod/mini, the own logger and the own
 * idempotency were chosen for; `npm test` guards the size (test/infra/bundles.test.ts), `npm run
 * bench` both.
 */
export const BUDGET_RATIO = 1.3;

/** The repo-relative entry of the baseline bundle. */
export const BASELINE_ENTRY = 'tools/lambda-bundles/baseline.ts';
