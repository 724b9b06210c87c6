import * as z from 'zod/mini';
import { BATCH_STATUSES } from '../domain/batches';
import { defineRoute } from '../http/contract';
import { isoDate, name, pageOf, pageQuery, recordMeta, text } from './common';
import { notEmptyPatch } from './not-empty-patch';
import { batch } from './residencies';

/**
 * Secondment batches (批次) as records (docs/batches.md): the plan, size, dates and status of a batch
 * whose code (`2026-1`) residencies carry, and its report. Served by the `secondments` area.
 */
const batchFields = {
  name,
  /** What the batch is for: sectors, enterprises, services it targets. */
  plan: text(8000),
  plannedSize: z.int().check(z.minimum(0), z.maximum(1000)),
  startDate: isoDate,
  endDate: isoDate,
};

const datesInOrder = z.refine<{ startDate?: string; endDate?: string }>(
  (body) => body.startDate === undefined || body.endDate === undefined || body.startDate <= body.endDate,
  { path: ['endDate'], message: 'The end date must not be before the start date' },
);

export const createBatchBody = z.strictObject({ code: batch, ...batchFields }).check(datesInOrder);
export type CreateBatchBody = z.output<typeof createBatchBody>;

export const updateBatchBody = z
  .strictObject({
    name: z.optional(batchFields.name),
    plan: z.optional(batchFields.plan),
    plannedSize: z.optional(batchFields.plannedSize),
    startDate: z.optional(isoDate),
    endDate: z.optional(isoDate),
    status: z.optional(z.enum(BATCH_STATUSES)),
  })
  .check(notEmptyPatch, datesInOrder);
export type UpdateBatchBody = z.output<typeof updateBatchBody>;

export const batchRecord = z.object({
  ...recordMeta,
  code: z.string(),
  ...batchFields,
  status: z.enum(BATCH_STATUSES),
});
export type Batch = z.output<typeof batchRecord>;

export const batchReport = z.object({
  code: z.string(),
  name: z.string(),
  status: z.enum(BATCH_STATUSES),
  sent: z.number(),
  active: z.number(),
  ended: z.number(),
  evaluated: z.number(),
  assessed: z.number(),
  promoted: z.number(),
  plannedSize: z.number(),
  fillRate: z.nullable(z.number()),
});

const BATCH_READERS = ['leader', 'operator', 'admin'] as const;
const BATCH_WRITERS = ['operator', 'admin'] as const;
const batchParams = z.strictObject({ batch });

export const batchRoutes = {
  createBatch: defineRoute({
    method: 'POST',
    path: '/batches',
    area: 'secondments',
    summary: 'Plan a secondment batch (its code is what residencies name in `batch`)',
    roles: BATCH_WRITERS,
    body: createBatchBody,
    response: batchRecord,
    successStatus: 201,
    idempotency: 'required',
  }),
  listBatches: defineRoute({
    method: 'GET',
    path: '/batches',
    area: 'secondments',
    summary: 'Batches in code order',
    roles: BATCH_READERS,
    query: z.strictObject(pageQuery),
    response: pageOf(batchRecord),
  }),
  getBatch: defineRoute({
    method: 'GET',
    path: '/batches/{batch}',
    area: 'secondments',
    summary: 'One batch',
    roles: BATCH_READERS,
    params: batchParams,
    response: batchRecord,
  }),
  updateBatch: defineRoute({
    method: 'PATCH',
    path: '/batches/{batch}',
    area: 'secondments',
    summary: 'Change a batch; its status only moves forward (planned → active → ended) (If-Match)',
    roles: BATCH_WRITERS,
    params: batchParams,
    body: updateBatchBody,
    response: batchRecord,
    ifMatch: true,
  }),
  batchReport: defineRoute({
    method: 'GET',
    path: '/batches/{batch}/report',
    area: 'secondments',
    summary: "A batch's report: cadres sent, ended, evaluated, assessed and promoted",
    roles: BATCH_READERS,
    response: batchReport,
    params: batchParams,
  }),
};
