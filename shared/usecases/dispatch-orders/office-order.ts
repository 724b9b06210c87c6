import { programDateOf } from '../../domain/calendar';
import { newId, nowIso } from '../../domain/ids';
import type { Issue } from '../../domain/issues/issue';
import { orderCreationWrites } from '../../repositories/dispatch-order-writes';
import { type DispatchOrderLine, findDispatchOrderHeader } from '../../repositories/dispatch-orders';
import type { TransactItem } from '../../repositories/issues';
import {
  findOfficeOrderIdOn,
  officeOrderClaimPut,
  officeOrderLinePut,
  officeOrderLineWrites,
} from '../../repositories/office-dispatch-orders';
import type { ApplyIssueCommand } from '../issues/apply-issue-command';
import { numberedOrder, retryingOrderRaces, unitsOf, withInlineLine } from './order-lines';

/** What an office dispatch needs to write its line into the day's order, in its own transaction. */
export interface OfficeOrderLine {
  dispatchOrderId: string;
  at: string;
  extraItems: NonNullable<ApplyIssueCommand['extraItems']>;
}

/**
 * The writes that put a line into the office's order of `date`: its creation with the year's next
 * number, its first line item and the day's claim; or a line item of its own. An order made before
 * lines had items of their own keeps taking them in its item.
 */
const dayOrderLineWrites = async (
  orderId: string,
  date: string,
  line: DispatchOrderLine,
  at: string,
): Promise<TransactItem[]> => {
  const before = await findDispatchOrderHeader(orderId);
  if (!before) {
    const target = { orderId, year: Number(date.slice(0, 4)), fields: { kind: 'office' as const, date } };
    const order = await numberedOrder(target, line, at);
    return [
      ...orderCreationWrites(order),
      officeOrderLinePut(orderId, line, at),
      officeOrderClaimPut(date, orderId),
    ];
  }
  if (before.items) return withInlineLine({ ...before, items: before.items }, line, at).writes;
  const newUnitIds = unitsOf(line).filter((unitId) => !before.unitIds.includes(unitId));
  return officeOrderLineWrites(before, line, at, newUnitIds);
};

/**
 * An escalation or re-dispatch by the office (交办), with its line in the office's dispatch order of
 * the program day: the day's first dispatch creates the order with the year's next number (and the
 * day's claim), later ones join it, all in the dispatching transaction. Each line is an item of its
 * own, so joining costs the same at the day's hundredth dispatch as at its second and concurrent
 * dispatches do not contend for the order. A dispatch that loses a race for the order, its number,
 * the day's claim or a unit new to the order re-reads and tries again.
 */
export const withOfficeOrderLine = (decision: (line: OfficeOrderLine) => Promise<Issue>): Promise<Issue> =>
  retryingOrderRaces(async () => {
    const at = nowIso();
    const date = programDateOf(at);
    const orderId = (await findOfficeOrderIdOn(date)) ?? newId();
    return decision({
      dispatchOrderId: orderId,
      at,
      extraItems: async (transition) => {
        const assignment = transition.next.assignment;
        if (!assignment) throw new Error('an office dispatch always assigns the issue');
        return dayOrderLineWrites(
          orderId,
          date,
          {
            issueId: transition.next.id,
            leadUnitId: assignment.unitId,
            coUnitIds: assignment.coUnitIds,
            dueDate: assignment.dueDate,
            note: transition.next.title,
          },
          at,
        );
      },
    });
  });
