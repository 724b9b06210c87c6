import { programDateOf } from '../../domain/calendar';
import { newId, nowIso } from '../../domain/ids';
import type { Issue } from '../../domain/issues/issue';
import { findOfficeOrderIdOn, officeOrderClaimPut } from '../../repositories/office-dispatch-orders';
import type { ApplyIssueCommand } from '../issues/apply-issue-command';
import { orderWithLine, retryingOrderRaces } from './order-lines';

/** What an office dispatch needs to write its line into the day's order, in its own transaction. */
export interface OfficeOrderLine {
  dispatchOrderId: string;
  at: string;
  extraItems: NonNullable<ApplyIssueCommand['extraItems']>;
}

/**
 * An escalation or re-dispatch by the office (交办), with its line in the office's dispatch order of
 * the program day: the day's first dispatch creates the order with the year's next number (and the
 * day's claim), later ones join it, all in the dispatching transaction. A dispatch that loses a race
 * for the order, its number or the day's claim re-reads and tries again.
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
        const { writes } = await orderWithLine(
          {
            orderId,
            year: Number(date.slice(0, 4)),
            fields: { kind: 'office', date },
            creationWrites: [officeOrderClaimPut(date, orderId)],
            oneLinePerIssue: false,
          },
          {
            issueId: transition.next.id,
            leadUnitId: assignment.unitId,
            coUnitIds: assignment.coUnitIds,
            dueDate: assignment.dueDate,
            note: transition.next.title,
          },
          at,
        );
        return writes;
      },
    });
  });
