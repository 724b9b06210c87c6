import type { Issue } from '../../domain/issues/issue';
import type { Principal } from '../../http/principal';
import { actOnIssue } from './act-on-issue';
import { checkUnitsExist } from './check-units';

/** The service centre hands an issue awaiting dispatch to an existing unit. */
export const dispatchIssue = async (
  principal: Principal,
  issueId: string,
  body: { unitId: string; dueWorkingDays?: number },
): Promise<Issue> => {
  await checkUnitsExist([{ path: 'body.unitId', unitId: body.unitId }]);
  return actOnIssue(principal, issueId, { type: 'dispatch', ...body });
};
