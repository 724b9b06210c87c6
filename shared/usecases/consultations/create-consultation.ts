import type { CreateConsultationBody } from '../../contract/consultations';
import type { IdempotencyToken } from '../../db/creation-guard';
import { newId, nowIso } from '../../domain/ids';
import { insertConsultation } from '../../repositories/consultations';
import { listIssueIdsAwaitingConsultation } from '../../repositories/issue-lists';
import type { ConsultationRecord } from '../../repositories/records/consultations';
import { consultationView } from './consultation-view';

/**
 * Calls a consultation for a date: its agenda is every issue awaiting consultation at this moment,
 * fixed with it. One consultation per date. The id of its dispatch order is reserved now (see
 * ConsultationRecord) and stays internal until the first decision creates the order.
 */
export const createConsultation = async (input: CreateConsultationBody, idempotency?: IdempotencyToken) => {
  const agendaIssueIds = await listIssueIdsAwaitingConsultation();
  const now = nowIso();
  const consultation: ConsultationRecord = {
    id: newId(),
    date: input.date,
    agendaIssueIds,
    dispatchOrderId: newId(),
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const view = consultationView(consultation);
  await insertConsultation(consultation, idempotency?.guard(view));
  return view;
};
