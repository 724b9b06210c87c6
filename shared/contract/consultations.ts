import * as z from 'zod/mini';
import { ISSUE_STATUSES } from '../domain/issues/issue';
import { defineRoute } from '../http/contract';
import { MAX_CO_UNITS } from './co-units';
import { id, isoDate, pageOf, pageQuery, recordMeta, text } from './common';
import { distinctList } from './distinct-list';
import { dueWorkingDays, issueRecord } from './issue-record';

/** The round-table is chaired by city leaders and run by the service centre. */
export const CONSULTATION_READERS = ['leader', 'operator', 'admin'] as const;
export const CONSULTATION_ORGANISERS = ['operator', 'admin'] as const;
export const CONSULTATION_DECIDERS = ['leader', 'admin'] as const;
/** Departments read the orders naming their unit; the use case narrows them. */
export const DISPATCH_ORDER_READERS = ['leader', 'operator', 'admin', 'department'] as const;

export const createConsultationBody = z.strictObject({ date: isoDate });
export type CreateConsultationBody = z.output<typeof createConsultationBody>;

export const consultationRecord = z.object({
  ...recordMeta,
  date: z.string(),
  /** Every issue awaiting consultation when the consultation was created. */
  agendaIssueIds: z.array(z.string()),
  /**
   * Of the agenda, the assigned issues the agenda job added because they carry a red card (overdue at
   * the supervision limit): put before the round-table for supervision, decided only once they await
   * consultation. Absent on consultations called by hand.
   */
  redCardIssueIds: z.optional(z.array(z.string())),
});
export type Consultation = z.output<typeof consultationRecord>;

export { MAX_CO_UNITS } from './co-units';

export const decisionBody = z
  .strictObject({
    issueId: id,
    leadUnitId: id,
    coUnitIds: z._default(distinctList(id, MAX_CO_UNITS, 'Co-units'), []),
    dueWorkingDays,
    note: text(2000),
  })
  .check(
    z.refine((decision) => !decision.coUnitIds.includes(decision.leadUnitId), {
      path: ['coUnitIds'],
      message: 'The lead unit is not also a co-unit',
    }),
  );
export type DecisionBody = z.output<typeof decisionBody>;

const dispatchOrderItem = z.object({
  issueId: z.string(),
  leadUnitId: z.string(),
  coUnitIds: z.array(z.string()),
  dueDate: z.string(),
  note: z.string(),
});

export const dispatchOrderRecord = z.object({
  ...recordMeta,
  number: z.string(),
  /** A consultation's decisions, or the office's escalations and re-dispatches of one program day. */
  kind: z.enum(['consultation', 'office']),
  consultationId: z.nullable(z.string()),
  /** The program day of an office order. */
  date: z.nullable(z.string()),
  items: z.array(dispatchOrderItem),
});

const agendaItem = z.object({
  issueId: z.string(),
  title: z.string(),
  enterpriseId: z.string(),
  status: z.enum(ISSUE_STATUSES),
  /** The decision taken on it at this consultation, once taken. */
  decision: z.nullable(dispatchOrderItem),
  summary: z.string(),
});

export const consultationView = z.object({
  ...consultationRecord.shape,
  /** The one dispatch order of this consultation, once its first decision is made. */
  dispatchOrder: z.nullable(z.object({ id: z.string(), number: z.string() })),
  agenda: z.array(agendaItem),
});

const consultationParams = z.strictObject({ consultationId: id });

export const consultationRoutes = {
  createConsultation: defineRoute({
    method: 'POST',
    path: '/consultations',
    area: 'consultations',
    summary: 'Call a half-monthly consultation: its agenda is every issue awaiting consultation now',
    roles: CONSULTATION_ORGANISERS,
    body: createConsultationBody,
    response: consultationRecord,
    successStatus: 201,
    idempotency: 'optional',
  }),
  decide: defineRoute({
    method: 'POST',
    path: '/consultations/{consultationId}/decisions',
    area: 'consultations',
    summary:
      "Decide an agenda issue: lead unit, co-units, due date, written into the consultation's dispatch order",
    roles: CONSULTATION_DECIDERS,
    params: consultationParams,
    body: decisionBody,
    response: z.object({ issue: issueRecord, dispatchOrder: dispatchOrderRecord }),
  }),
};

/** Reading agendas (with history summaries) and dispatch orders: their own function, `consultation-reads`. */
export const consultationReadRoutes = {
  getConsultation: defineRoute({
    method: 'GET',
    path: '/consultations/{consultationId}',
    area: 'consultation-reads',
    summary: "A consultation's agenda, each issue with a summary of its history",
    roles: CONSULTATION_READERS,
    params: consultationParams,
    response: consultationView,
  }),
  listDispatchOrders: defineRoute({
    method: 'GET',
    path: '/dispatch-orders',
    area: 'consultation-reads',
    summary: 'Dispatch orders (交办单), newest number first; a department sees those naming its unit',
    roles: DISPATCH_ORDER_READERS,
    query: z.strictObject(pageQuery),
    response: pageOf(dispatchOrderRecord),
  }),
  getDispatchOrder: defineRoute({
    method: 'GET',
    path: '/dispatch-orders/{dispatchOrderId}',
    area: 'consultation-reads',
    summary: 'One dispatch order: JSON, or by Accept a printable HTML page; a PDF is a 303 to its own route',
    roles: DISPATCH_ORDER_READERS,
    params: z.strictObject({ dispatchOrderId: id }),
    response: dispatchOrderRecord,
    negotiates: ['application/json', 'text/html'],
    seeOther: 'Accept: application/pdf → GET /dispatch-orders/{dispatchOrderId}/pdf (Location relative)',
  }),
};

/** The PDF of an order: its own function, `dispatch-order-pdf`, the only one carrying the renderer and font. */
export const dispatchOrderPdfRoutes = {
  getDispatchOrderPdf: defineRoute({
    method: 'GET',
    path: '/dispatch-orders/{dispatchOrderId}/pdf',
    area: 'dispatch-order-pdf',
    summary: 'One dispatch order as an A4 PDF (交办单)',
    roles: DISPATCH_ORDER_READERS,
    params: z.strictObject({ dispatchOrderId: id }),
    negotiates: ['application/pdf'],
  }),
};
