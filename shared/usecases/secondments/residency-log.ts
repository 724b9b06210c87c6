import type { Evaluation, EvaluationBody, ServiceEntry, ServiceEntryBody } from '../../contract/residencies';
import type { IdempotencyToken } from '../../db/creation-guard';
import { programDateOf } from '../../domain/calendar/program-date';
import { InputRejected, InvalidTransition, NotFound } from '../../domain/errors';
import { newId, nowIso } from '../../domain/ids';
import { isResidentCadre, mayEvaluate } from '../../domain/secondments';
import type { Caller } from '../../domain/viewer';
import type {
  EvaluationRecord,
  ResidencyRecord,
  ServiceEntryRecord,
} from '../../repositories/records/residencies';
import { findResidency, insertEvaluation, insertServiceEntry } from '../../repositories/residencies';
import { evaluationView, serviceEntryView } from './secondment-views';

/**
 * The resident cadre (identity from the `custom:cadreId` claim; anyone else gets 404) logs a
 * service on its active residency, dated between the residency's start and today (Asia/Shanghai),
 * not after its planned end. The entry and the day's program counters are one transaction.
 */
export const logService = async (
  caller: Caller,
  residencyId: string,
  input: ServiceEntryBody,
  idempotency?: IdempotencyToken,
): Promise<ServiceEntry> => {
  const residency = await findResidency(residencyId);
  if (!residency || !isResidentCadre(caller, residency)) throw new NotFound('The residency');
  if (residency.status !== 'active') {
    throw new InvalidTransition('Services are logged on an active residency; this one has ended.');
  }
  const today = programDateOf(new Date());
  // ISO dates order as strings: the earlier of the planned end and today.
  const latest = [residency.endDate, today].sort()[0] ?? today;
  if (input.date < residency.startDate || input.date > latest) {
    throw new InputRejected('VALIDATION_FAILED', 'The service date lies outside the residency.', [
      { path: 'body.date', message: `Must lie between ${residency.startDate} and ${latest}` },
    ]);
  }
  const now = nowIso();
  const entry: ServiceEntryRecord = {
    id: newId(),
    residencyId,
    cadreId: residency.cadreId,
    enterpriseId: residency.enterpriseId,
    ...input,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const view = serviceEntryView(entry);
  await insertServiceEntry(entry, idempotency?.guard(view));
  return view;
};

const evaluatorRole = (caller: Caller, residency: ResidencyRecord) =>
  caller.roles.includes('enterprise') && caller.enterpriseId === residency.enterpriseId
    ? 'enterprise'
    : (caller.roles.find((role) => role === 'operator' || role === 'admin') ?? 'operator');

/**
 * The host enterprise (or the service centre entering its rating) evaluates a residency, once.
 * The fit score joins the cadre's past fit satisfaction that matching reads, in the same
 * transaction as the evaluation and the day's counters.
 */
export const evaluateResidency = async (
  caller: Caller,
  residencyId: string,
  input: EvaluationBody,
  idempotency?: IdempotencyToken,
): Promise<Evaluation> => {
  const residency = await findResidency(residencyId);
  if (!residency || !mayEvaluate(caller, residency)) throw new NotFound('The residency');
  const at = nowIso();
  const evaluation: EvaluationRecord = {
    id: newId(),
    residencyId,
    cadreId: residency.cadreId,
    enterpriseId: residency.enterpriseId,
    ...input,
    date: programDateOf(at),
    evaluatedBy: { sub: caller.sub, role: evaluatorRole(caller, residency) },
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  const view = evaluationView(evaluation);
  await insertEvaluation(evaluation, idempotency?.guard(view));
  return view;
};
