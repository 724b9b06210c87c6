import type { Issue } from '../../domain/issues/issue';
import type { Caller } from '../../domain/viewer';
import { actOnIssue } from './act-on-issue';
import { checkUnitsExist } from './check-units';

/** The service centre hands an issue awaiting dispatch to an existing unit. */
export const dispatchIssue = async (
  caller: Caller,
  issueId: string,
  body: { unitId: string; dueWorkingDays?: number },
): Promise<Issue> => {
  await checkUnitsExist([{ path: 'body.unitId', unitId: body.unitId }]);
  return actOnIssue(caller, issueId, { type: 'dispatch', ...body });
};
