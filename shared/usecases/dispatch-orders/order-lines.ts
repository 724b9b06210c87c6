import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { dispatchOrderNumber } from '../../domain/dispatch-order-number';
import { Conflict } from '../../domain/errors';
import { orderCreationWrites, orderExtensionWrites } from '../../repositories/dispatch-order-writes';
import {
  type DispatchOrder,
  type DispatchOrderHeader,
  type DispatchOrderLine,
  findDispatchOrderHeader,
  lastOrderSeq,
} from '../../repositories/dispatch-orders';
import type { TransactItem } from '../../repositories/issues';

/** The order a decision writes its line into, and how to make it if it does not exist yet. */
export interface OrderTarget {
  orderId: string;
  year: number;
  /** The order's own fields beyond its number and lines (kind, consultation or day). */
  fields: Pick<DispatchOrder, 'kind' | 'consultationId' | 'date'>;
}

export const alreadyInOrder = () =>
  new Conflict('ALREADY_DECIDED', 'This dispatch order already holds a line for the issue.');

/** The units a line names, lead first. */
export const unitsOf = (line: DispatchOrderLine) => [...new Set([line.leadUnitId, ...line.coUnitIds])];

/**
 * A new order's item for its first line, without lines, with the year's next number (read now: the
 * creation's writes take it only if it is still the next).
 */
export const numberedOrder = async (
  target: OrderTarget,
  line: DispatchOrderLine,
  at: string,
): Promise<DispatchOrderHeader> => {
  const seq = (await lastOrderSeq(target.year)) + 1;
  return {
    id: target.orderId,
    number: dispatchOrderNumber(target.year, seq),
    year: target.year,
    seq,
    ...target.fields,
    unitIds: unitsOf(line),
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
};

/**
 * The order with one more line kept in its item, and the writes that append it (guarded by the
 * order's version: see the repository): a consultation's order, or an office order made before lines
 * had items of their own.
 */
export const withInlineLine = (before: DispatchOrder, line: DispatchOrderLine, at: string) => {
  const after: DispatchOrder = {
    ...before,
    items: [...before.items, line],
    unitIds: [...before.unitIds, ...unitsOf(line).filter((unitId) => !before.unitIds.includes(unitId))],
    version: before.version + 1,
    updatedAt: at,
  };
  return { order: after, writes: orderExtensionWrites(before, after) };
};

/**
 * A consultation's order with the new line, and the writes that make it so: the order is created
 * with the year's next number if this is its first line, else extended. A consultation decides an
 * issue once and a dozen issues at most, so its order keeps its lines in its item (the office's
 * order of a day keeps them apart: office-order.ts).
 */
export const orderWithLine = async (
  target: OrderTarget,
  line: DispatchOrderLine,
  at: string,
): Promise<{ order: DispatchOrder; writes: TransactItem[] }> => {
  const before = await findDispatchOrderHeader(target.orderId);
  if (!before) {
    const order = { ...(await numberedOrder(target, line, at)), items: [line] };
    return { order, writes: orderCreationWrites(order) };
  }
  if (!before.items) throw new Error(`dispatch order ${before.id} keeps no lines in its item`);
  if (before.items.some((item) => item.issueId === line.issueId)) throw alreadyInOrder();
  return withInlineLine({ ...before, items: before.items }, line, at);
};

/**
 * Whether a decision lost a race for its dispatch order, the year's counter or the day's claim, or met
 * a concurrent transaction; either way nothing was written. The issue's own put and its ledger entry
 * come first in the transaction (a stale issue is retried by applyIssueCommand); the other items
 * before the order's writes carry no condition, so any later failed condition is the order's.
 */
const lostOrderRace = (error: unknown): boolean => {
  if (!(error instanceof TransactionCanceledException)) return false;
  const reasons = error.CancellationReasons ?? [];
  return (
    reasons.some((reason) => reason.Code === 'TransactionConflict') ||
    reasons.slice(2).some((reason) => reason.Code === 'ConditionalCheckFailed')
  );
};

/** Enough for a round-table deciding a dozen issues at once to get through, one commit after another. */
const ATTEMPTS = 15;
const MAX_PAUSE_MS = 400;

/** Full jitter: the decisions that lost a race spread out instead of colliding again. */
const pause = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(MAX_PAUSE_MS, 10 * 2 ** attempt)));

/** Runs a decision that writes a dispatch order line until it does not lose a race for the order. */
export const retryingOrderRaces = async <T>(decision: () => Promise<T>): Promise<T> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await decision();
    } catch (error) {
      if (!lostOrderRace(error)) throw error;
      if (attempt >= ATTEMPTS) {
        throw new Conflict('CONCURRENT_UPDATE', 'The dispatch order is changing right now; retry.');
      }
      await pause(attempt);
    }
  }
};
