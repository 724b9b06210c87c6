import * as z from 'zod/mini';
import { ISSUE_STATUSES } from '../domain/issues/issue';
import { defineRoute } from '../http/contract';
import { id, isoDate, pageOf, pageQuery } from './common';
import {
  CONSULTATION_READERS,
  consultationParams,
  consultationRecord,
  DISPATCH_ORDER_READERS,
  dispatchOrderItem,
  dispatchOrderRecord,
} from './consultations';

/*
 * The read side of consultations, in a file of its own: the `consultations` function imports
 * consultations.ts, and zod schemas are not tree-shaken, so these stay out of its bundle.
 */

/** The decisions taken at a consultation: the lines of its dispatch order. */
const decisionsTaken = {
  /** The one dispatch order of this consultation, once its first decision is made. */
  dispatchOrder: z.nullable(z.object({ id: z.string(), number: z.string() })),
  decisions: z.array(dispatchOrderItem),
};

/** A consultation in the list by period: the record, its decisions and how many issues it heard and decided. */
export const consultationSummary = z.object({
  ...consultationRecord.shape,
  ...decisionsTaken,
  /** Issues on its agenda. */
  issuesHeard: z.number(),
  /** Issues it decided (one dispatch order line each). */
  issuesDecided: z.number(),
});
export type ConsultationSummary = z.output<typeof consultationSummary>;

export const consultationListQuery = z
  .strictObject({ from: z.optional(isoDate), to: z.optional(isoDate), ...pageQuery })
  .check(
    z.refine((query) => !query.from || !query.to || query.from <= query.to, {
      path: ['to'],
      message: 'The period ends on or after its start',
    }),
  );

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
  ...decisionsTaken,
  agenda: z.array(agendaItem),
});

/** Reading agendas (with history summaries) and dispatch orders: their own function, `consultation-reads`. */
export const consultationReadRoutes = {
  listConsultations: defineRoute({
    method: 'GET',
    path: '/consultations',
    area: 'consultation-reads',
    summary:
      'Consultations held in a period (by date, both included), newest first: chair, attendees, minutes, decisions, issues heard and decided',
    roles: CONSULTATION_READERS,
    query: consultationListQuery,
    response: pageOf(consultationSummary),
  }),
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
