import type { ConsultationSummary } from '../../contract/consultation-reads';
import type { Page } from '../../db/queries';
import { consultationCounts } from '../../domain/consultation-figures';
import { listConsultationsBetween } from '../../repositories/consultations';
import { type DispatchOrder, findDispatchOrders } from '../../repositories/dispatch-orders';
import type { ConsultationRecord } from '../../repositories/records/consultations';
import { consultationView } from './consultation-view';

/** A consultation with the decisions taken at it (its dispatch order's lines) and its counts. */
export const consultationSummaryOf = (
  consultation: ConsultationRecord,
  order: DispatchOrder | undefined,
): ConsultationSummary => {
  const decisions = order?.items ?? [];
  return {
    ...consultationView(consultation),
    dispatchOrder: order ? { id: order.id, number: order.number } : null,
    decisions,
    ...consultationCounts({
      agendaIssueIds: consultation.agendaIssueIds,
      decidedIssueIds: decisions.map((line) => line.issueId),
    }),
  };
};

/** Consultations held in a period, newest first, each with its decisions (one batch read per page). */
export const listConsultations = async (
  range: { from?: string; to?: string },
  page: { limit: number; cursor?: string },
): Promise<Page<ConsultationSummary>> => {
  const { items, nextCursor } = await listConsultationsBetween(range, page);
  const orders = new Map(
    (await findDispatchOrders(items.map((consultation) => consultation.dispatchOrderId))).map(
      (order) => [order.id, order] as const,
    ),
  );
  return {
    items: items.map((consultation) =>
      consultationSummaryOf(consultation, orders.get(consultation.dispatchOrderId)),
    ),
    nextCursor,
  };
};
