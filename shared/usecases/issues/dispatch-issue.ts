import type { Issue } from '../../domain/issues/issue';
import type { Caller } from '../../domain/viewer';
import { withOfficeOrderLine } from '../dispatch-orders/office-order';
import { actorFor } from './act-on-issue';
import { applyIssueCommand } from './apply-issue-command';
import { checkUnitsExist } from './check-units';
import { authorizeIssueAction, reachOf } from './issue-scope';

export interface DispatchBody {
  unitId: string;
  dueWorkingDays?: number;
  coUnitIds?: string[];
  coDueWorkingDays?: number;
}

/** Every unit an assignment names must exist: the lead and each co-unit. */
export const checkAssignedUnits = (body: { unitId?: string; coUnitIds?: string[] }) =>
  checkUnitsExist([
    ...(body.unitId ? [{ path: 'body.unitId', unitId: body.unitId }] : []),
    ...(body.coUnitIds ?? []).map((unitId, i) => ({ path: `body.coUnitIds.${i}`, unitId })),
  ]);

/**
 * The service centre hands an issue awaiting dispatch to an existing unit (with co-units), as a line
 * of the day's dispatch order.
 */
export const dispatchIssue = async (caller: Caller, issueId: string, body: DispatchBody): Promise<Issue> => {
  const actor = actorFor(caller, 'dispatch');
  await checkAssignedUnits(body);
  const reach = await reachOf(caller);
  return withOfficeOrderLine(({ dispatchOrderId, at, extraItems }) =>
    applyIssueCommand({
      issueId,
      actor,
      at,
      command: { type: 'dispatch', ...body, dispatchOrderId },
      authorize: (issue) => authorizeIssueAction(caller, issue, 'dispatch', reach),
      extraItems,
    }),
  );
};
