import type { CreateConsultationBody } from '../../contract/consultations';
import { newId, nowIso } from '../../domain/ids';
import type { IdempotencyToken, Reply } from '../../http/contract';
import { insertConsultation, type StoredConsultation } from '../../repositories/consultations';
import { listIssueIdsAwaitingConsultation } from '../../repositories/issue-lists';

/**
 * Calls a consultation for a date: its agenda is every issue awaiting consultation at this moment,
 * fixed with it. One consultation per date. The id of its dispatch order is reserved now (see
 * StoredConsultation) and stays internal until the first decision creates the order.
 */
export const createConsultation = async (
  input: CreateConsultationBody,
  idempotency?: IdempotencyToken,
): Promise<Reply> => {
  const agendaIssueIds = await listIssueIdsAwaitingConsultation();
  const now = nowIso();
  const consultation: StoredConsultation = {
    id: newId(),
    date: input.date,
    agendaIssueIds,
    dispatchOrderId: newId(),
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const { dispatchOrderId: _reserved, ...record } = consultation;
  return insertConsultation(consultation, { status: 201, body: record }, idempotency);
};
