import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { CONSULTATION_DECIDERS, type DecisionBody } from '../../contract/consultations';
import { dispatchOrderNumber } from '../../domain/dispatch-order-number';
import { Conflict, Forbidden, NotFound } from '../../domain/errors';
import { nowIso } from '../../domain/ids';
import type { Caller } from '../../domain/viewer';
import { findConsultation } from '../../repositories/consultations';
import {
  type DispatchOrder,
  type DispatchOrderLine,
  findDispatchOrder,
  lastOrderSeq,
  orderCreationWrites,
  orderExtensionWrites,
} from '../../repositories/dispatch-orders';
import type { TransactItem } from '../../repositories/issues';
import type { ConsultationRecord } from '../../repositories/records/consultations';
import { dispatchOrderView } from '../dispatch-orders/read-dispatch-orders';
import { applyIssueCommand } from '../issues/apply-issue-command';
import { checkUnitsExist } from '../issues/check-units';
import { issueView } from '../issues/issue-view';

/** Enough for a round-table deciding a dozen issues at once to get through, one commit after another. */
const ATTEMPTS = 15;
const MAX_PAUSE_MS = 400;

/** Full jitter: the decisions that lost a race spread out instead of colliding again. */
const pause = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(MAX_PAUSE_MS, 10 * 2 ** attempt)));

export const notOnAgenda = () =>
  new Conflict('NOT_ON_AGENDA', "The issue is not on this consultation's agenda.");

export const alreadyDecided = () =>
  new Conflict('ALREADY_DECIDED', 'This consultation has already decided the issue.');

const unitsOf = (line: DispatchOrderLine) => [line.leadUnitId, ...line.coUnitIds];

/**
 * The consultation's dispatch order with the new line, and the writes that make it so: the order is
 * created with the year's next number if this is the consultation's first decision, else extended.
 */
const orderWithLine = async (
  consultation: ConsultationRecord,
  line: DispatchOrderLine,
  at: string,
): Promise<{ order: DispatchOrder; writes: TransactItem[] }> => {
  const before = await findDispatchOrder(consultation.dispatchOrderId);
  if (before) {
    if (before.items.some((item) => item.issueId === line.issueId)) throw alreadyDecided();
    const after: DispatchOrder = {
      ...before,
      items: [...before.items, line],
      unitIds: [...before.unitIds, ...unitsOf(line).filter((unitId) => !before.unitIds.includes(unitId))],
      version: before.version + 1,
      updatedAt: at,
    };
    return { order: after, writes: orderExtensionWrites(before, after) };
  }
  const year = Number(consultation.date.slice(0, 4));
  const seq = (await lastOrderSeq(year)) + 1;
  const order: DispatchOrder = {
    id: consultation.dispatchOrderId,
    number: dispatchOrderNumber(year, seq),
    year,
    seq,
    consultationId: consultation.id,
    items: [line],
    unitIds: unitsOf(line),
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  return { order, writes: orderCreationWrites(order) };
};

/**
 * Whether the decision lost a race for the dispatch order or the year's counter (the order writes are
 * the last of the transaction) or met a concurrent transaction; either way nothing was written.
 */
const lostOrderRace = (error: unknown, orderWrites: number): boolean => {
  if (!(error instanceof TransactionCanceledException)) return false;
  const reasons = error.CancellationReasons ?? [];
  return (
    reasons.some((reason) => reason.Code === 'TransactionConflict') ||
    reasons.slice(reasons.length - orderWrites).some((reason) => reason.Code === 'ConditionalCheckFailed')
  );
};

/**
 * A leader decides an issue on a consultation's agenda that still awaits consultation: lead unit,
 * co-units and working days. The issue's transition (command `decide`) and the creation or extension of
 * the consultation's dispatch order are one transaction, so an order line exists exactly for each
 * decided issue and order numbers run without gaps. A decision that loses a race for the order or its
 * number re-reads and tries again.
 */
export const decideOnIssue = async (caller: Caller, consultationId: string, input: DecisionBody) => {
  const role = CONSULTATION_DECIDERS.find((decider) => caller.roles.includes(decider));
  if (!role) throw new Forbidden();
  const consultation = await findConsultation(consultationId);
  if (!consultation) throw new NotFound('The consultation');
  if (!consultation.agendaIssueIds.includes(input.issueId)) throw notOnAgenda();
  await checkUnitsExist([
    { path: 'body.leadUnitId', unitId: input.leadUnitId },
    ...input.coUnitIds.map((unitId, i) => ({ path: `body.coUnitIds.${i}`, unitId })),
  ]);
  const { issueId, leadUnitId, coUnitIds, dueWorkingDays, note } = input;

  for (let attempt = 1; ; attempt++) {
    const at = nowIso();
    const pending: { order?: DispatchOrder; writes: number } = { writes: 0 };
    try {
      const issue = await applyIssueCommand({
        issueId,
        actor: { sub: caller.sub, role },
        at,
        command: {
          type: 'decide',
          consultationId,
          dispatchOrderId: consultation.dispatchOrderId,
          leadUnitId,
          coUnitIds,
          dueWorkingDays,
          note,
        },
        extraItems: async (transition) => {
          const dueDate = transition.next.assignment?.dueDate;
          if (!dueDate) throw new Error('a consultation decision always assigns the issue');
          const next = await orderWithLine(
            consultation,
            { issueId, leadUnitId, coUnitIds, dueDate, note },
            at,
          );
          pending.order = next.order;
          pending.writes = next.writes.length;
          return next.writes;
        },
      });
      if (!pending.order) throw new Error('the decision was committed without its dispatch order');
      return { issue: issueView(issue), dispatchOrder: dispatchOrderView(pending.order) };
    } catch (error) {
      if (!lostOrderRace(error, pending.writes)) throw error;
      if (attempt >= ATTEMPTS) {
        throw new Conflict('CONCURRENT_UPDATE', 'The dispatch order is changing right now; retry.');
      }
      await pause(attempt);
    }
  }
};
