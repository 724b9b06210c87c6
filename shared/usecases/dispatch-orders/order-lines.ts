import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { dispatchOrderNumber } from '../../domain/dispatch-order-number';
import { Conflict } from '../../domain/errors';
import {
  type DispatchOrder,
  type DispatchOrderLine,
  findDispatchOrder,
  lastOrderSeq,
  orderCreationWrites,
  orderExtensionWrites,
} from '../../repositories/dispatch-orders';
import type { TransactItem } from '../../repositories/issues';

/** The order a decision writes its line into, and how to make it if it does not exist yet. */
export interface OrderTarget {
  orderId: string;
  year: number;
  /** The order's own fields beyond its number and lines (kind, consultation or day). */
  fields: Pick<DispatchOrder, 'kind' | 'consultationId' | 'date'>;
  /** Writes that belong to the order's creation (e.g. the claim of its day). */
  creationWrites?: TransactItem[];
  /**
   * A consultation decides an issue once; the office's order of a day may hold an issue twice (given,
   * returned and given again the same day).
   */
  oneLinePerIssue: boolean;
}

export const alreadyInOrder = () =>
  new Conflict('ALREADY_DECIDED', 'This dispatch order already holds a line for the issue.');

const unitsOf = (line: DispatchOrderLine) => [line.leadUnitId, ...line.coUnitIds];

/**
 * The order with the new line, and the writes that make it so: the order is created with the year's
 * next number if this is its first line, else extended (both guarded: see the repository).
 */
export const orderWithLine = async (
  target: OrderTarget,
  line: DispatchOrderLine,
  at: string,
): Promise<{ order: DispatchOrder; writes: TransactItem[] }> => {
  const before = await findDispatchOrder(target.orderId);
  if (before) {
    if (target.oneLinePerIssue && before.items.some((item) => item.issueId === line.issueId)) {
      throw alreadyInOrder();
    }
    const after: DispatchOrder = {
      ...before,
      items: [...before.items, line],
      unitIds: [...before.unitIds, ...unitsOf(line).filter((unitId) => !before.unitIds.includes(unitId))],
      version: before.version + 1,
      updatedAt: at,
    };
    return { order: after, writes: orderExtensionWrites(before, after) };
  }
  const seq = (await lastOrderSeq(target.year)) + 1;
  const order: DispatchOrder = {
    id: target.orderId,
    number: dispatchOrderNumber(target.year, seq),
    year: target.year,
    seq,
    ...target.fields,
    items: [line],
    unitIds: unitsOf(line),
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  return { order, writes: [...orderCreationWrites(order), ...(target.creationWrites ?? [])] };
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
