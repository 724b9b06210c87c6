import { type ConsultationFigures, consultationFigures } from '../../domain/consultation-figures';
import { allConsultationsBetween } from '../../repositories/consultations';
import { findDispatchOrders } from '../../repositories/dispatch-orders';
import { findIssues } from '../../repositories/issues';

/**
 * The consultations held in a period (by their date) and what they heard, decided and resolved since.
 * Read from the records, not from day counters: "resolved since" is where each decided issue is now,
 * which no counter of the consultation's day can know, and consultations are few (two a month), so the
 * read is the period's consultations, their dispatch orders and their decided issues, in batches.
 */
export const consultationStats = async (from: string, to: string): Promise<ConsultationFigures> => {
  const consultations = await allConsultationsBetween({ from, to });
  const orders = new Map(
    (await findDispatchOrders(consultations.map((consultation) => consultation.dispatchOrderId))).map(
      (order) => [order.id, order] as const,
    ),
  );
  const facts = consultations.map((consultation) => ({
    agendaIssueIds: consultation.agendaIssueIds,
    decidedIssueIds: (orders.get(consultation.dispatchOrderId)?.items ?? []).map((line) => line.issueId),
  }));
  const issues = await findIssues([...new Set(facts.flatMap((fact) => fact.decidedIssueIds))]);
  const outcomes = new Map(issues.map((issue) => [issue.id, issue] as const));
  return consultationFigures(facts, (issueId) => outcomes.get(issueId));
};
