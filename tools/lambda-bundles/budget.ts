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
// 1.35 until the work queues held keys only (their reads gained the BatchGet of the issues, 2 KB)
// and the workflow's bookkeeping moved to items of its own (the sweep's workflow-item reads and
// outbox entries): 1.361 on 2026-12-06.
export const JOB_RUNNER_BUDGET_RATIO = 1.365;

/**
 * `POST /residencies/{id}/assessment` reads the enterprise's issues of the residency's window from
 * their keys-only index, then the issues by BatchGet (docs/data-model.md): 2 KB more than the common
 * budget allowed (1.302× on 2026-12-06, 1.297× before). An operator's yearly task.
 */
const ASSESSMENTS_ENTRY = 'functions/api/assessments/handler.ts';
export const ASSESSMENTS_BUDGET_RATIO = 1.31;

/**
 * The consultations' decisions commit issue transitions, whose workflow-item and outbox-entry writes
 * (branch `outbox`) took the bundle from 1.297 to 1.301 of the baseline, ~300 bytes over 1.3. An
 * office and leaders' route, not an enterprise's; held to its own ceiling so it cannot grow further
 * unnoticed.
 */
const CONSULTATIONS_ENTRY = 'functions/api/consultations/handler.ts';
export const CONSULTATIONS_BUDGET_RATIO = 1.305;

/**
 * `GET /dispatch-orders/{id}/pdf` is the one function that renders PDF (docs/dispatch-order-documents.md):
 * it carries pdfkit with fontkit (~1 MB) and the GB 2312 subset of Noto Sans SC (2.4 MB, 3.2 MB as
 * base64), 13.4x the baseline on 2026-12-06. Printing is an office task, not on an enterprise's path;
 * the ceiling leaves room for pdfkit updates, not for a second font.
 */
const DISPATCH_ORDER_PDF_ENTRY = 'functions/api/dispatch-order-pdf/handler.ts';
export const DISPATCH_ORDER_PDF_BUDGET_RATIO = 14;

const OWN_CEILINGS: Record<string, number> = {
  [JOB_RUNNER_ENTRY]: JOB_RUNNER_BUDGET_RATIO,
  [ASSESSMENTS_ENTRY]: ASSESSMENTS_BUDGET_RATIO,
  [CONSULTATIONS_ENTRY]: CONSULTATIONS_BUDGET_RATIO,
  [DISPATCH_ORDER_PDF_ENTRY]: DISPATCH_ORDER_PDF_BUDGET_RATIO,
};

/** The ratio an API handler's bundle is held to, in size and in import time. */
export const budgetRatioOf = (entry: string): number => OWN_CEILINGS[entry] ?? BUDGET_RATIO;

/** The repo-relative entry of the baseline bundle. */
export const BASELINE_ENTRY = 'tools/lambda-bundles/baseline.ts';
