import type {
  Evaluation,
  EvaluationBody,
  Residency,
  ServiceEntry,
  ServiceEntryBody,
} from '../../contract/residencies';
import { programDateOf } from '../../domain/calendar/program-date';
import { newId, nowIso } from '../../domain/ids';
import { isResidentCadre, mayEvaluate } from '../../domain/secondments';
import type { IdempotencyToken, Reply } from '../../http/contract';
import { badRequest, invalidTransition, notFound } from '../../http/errors';
import type { Principal } from '../../http/principal';
import { findResidency, insertEvaluation, insertServiceEntry } from '../../repositories/residencies';

/**
 * The resident cadre (identity from the `custom:cadreId` claim; anyone else gets 404) logs a
 * service on its active residency, dated between the residency's start and today (Asia/Shanghai),
 * not after its planned end. The entry and the day's program counters are one transaction.
 */
export const logService = async (
  principal: Principal,
  residencyId: string,
  input: ServiceEntryBody,
  idempotency?: IdempotencyToken,
): Promise<Reply> => {
  const residency = await findResidency(residencyId);
  if (!residency || !isResidentCadre(principal, residency)) throw notFound('The residency');
  if (residency.status !== 'active') {
    throw invalidTransition('Services are logged on an active residency; this one has ended.');
  }
  const today = programDateOf(new Date());
  // ISO dates order as strings: the earlier of the planned end and today.
  const latest = [residency.endDate, today].sort()[0] ?? today;
  if (input.date < residency.startDate || input.date > latest) {
    throw badRequest('VALIDATION_FAILED', 'The service date lies outside the residency.', [
      { path: 'body.date', message: `Must lie between ${residency.startDate} and ${latest}` },
    ]);
  }
  const now = nowIso();
  const entry: ServiceEntry = {
    id: newId(),
    residencyId,
    cadreId: residency.cadreId,
    enterpriseId: residency.enterpriseId,
    ...input,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  return insertServiceEntry(entry, { status: 201, body: entry }, idempotency);
};

const evaluatorRole = (principal: Principal, residency: Residency) =>
  principal.roles.includes('enterprise') && principal.enterpriseId === residency.enterpriseId
    ? 'enterprise'
    : (principal.roles.find((role) => role === 'operator' || role === 'admin') ?? 'operator');

/**
 * The host enterprise (or the service centre entering its rating) evaluates a residency, once.
 * The fit score joins the cadre's past fit satisfaction that matching reads, in the same
 * transaction as the evaluation and the day's counters.
 */
export const evaluateResidency = async (
  principal: Principal,
  residencyId: string,
  input: EvaluationBody,
  idempotency?: IdempotencyToken,
): Promise<Reply> => {
  const residency = await findResidency(residencyId);
  if (!residency || !mayEvaluate(principal, residency)) throw notFound('The residency');
  const at = nowIso();
  const evaluation: Evaluation = {
    id: newId(),
    residencyId,
    cadreId: residency.cadreId,
    enterpriseId: residency.enterpriseId,
    ...input,
    date: programDateOf(at),
    evaluatedBy: { sub: principal.sub, role: evaluatorRole(principal, residency) },
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  return insertEvaluation(evaluation, { status: 201, body: evaluation }, idempotency);
};
