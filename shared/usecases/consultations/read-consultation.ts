import { NotFound } from '../../domain/errors';
import { summarizeIssueHistory } from '../../domain/issues/history-summary';
import type { LedgerEntry } from '../../domain/ledger/hash-chain';
import { findConsultation } from '../../repositories/consultations';
import { findDispatchOrder } from '../../repositories/dispatch-orders';
import { findIssues, readLedgersOf } from '../../repositories/issues';
import { findUnits } from '../../repositories/units';
import { consultationView } from './consultation-view';

/** The names of every unit the ledgers mention, so summaries read 经信局 rather than an id. */
const unitNamesIn = async (ledgers: Iterable<LedgerEntry[]>): Promise<Map<string, string>> => {
  const unitIds = new Set<string>();
  for (const entries of ledgers) {
    for (const { data } of entries) {
      for (const value of [
        data.unitId,
        data.leadUnitId,
        ...(Array.isArray(data.coUnitIds) ? data.coUnitIds : []),
      ]) {
        if (typeof value === 'string') unitIds.add(value);
      }
    }
  }
  if (unitIds.size === 0) return new Map();
  const units = await findUnits([...unitIds]);
  return new Map(units.flatMap((unit) => (unit ? [[unit.id, unit.name] as const] : [])));
};

/**
 * A consultation with its agenda: each issue's current status, the decision taken on it here (once
 * taken), and a one-paragraph summary of its history computed from its ledger.
 */
export const readConsultation = async (consultationId: string) => {
  const consultation = await findConsultation(consultationId);
  if (!consultation) throw new NotFound('The consultation');
  const [issues, order] = await Promise.all([
    findIssues(consultation.agendaIssueIds),
    findDispatchOrder(consultation.dispatchOrderId),
  ]);
  // By key from each issue's ledger head: one call per 100 entries, not a query per agenda issue.
  const ledgers = await readLedgersOf(issues);
  const names = await unitNamesIn(ledgers.values());
  return {
    ...consultationView(consultation),
    dispatchOrder: order ? { id: order.id, number: order.number } : null,
    decisions: order?.items ?? [],
    agenda: issues.map((issue) => ({
      issueId: issue.id,
      title: issue.title,
      enterpriseId: issue.enterpriseId,
      status: issue.status,
      decision: order?.items.find((line) => line.issueId === issue.id) ?? null,
      summary: summarizeIssueHistory(ledgers.get(issue.id) ?? [], (unitId) => names.get(unitId) ?? unitId),
    })),
  };
};
