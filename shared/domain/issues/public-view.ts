import type { Viewer } from '../viewer';
import type { Issue } from './issue';

/** Everyone but an enterprise account works in the program and may read its internal notes. */
export const seesInternals = (viewer: Viewer): boolean => viewer.roles.some((role) => role !== 'enterprise');

/**
 * An issue as its enterprise may read it: what is done and by whom, never the program's internal
 * reasons and notes — no return requests or their reasons, extension reasons, co-units' parts,
 * follow-up calls, consultation reasons, nor the unreasonable-demand marking.
 */
export const publicIssue = (issue: Issue): Issue => {
  const {
    unreasonable: _unreasonable,
    followUps: _followUps,
    returnRequests: _returnRequests,
    consultation,
    assignment,
    ...rest
  } = issue;
  return {
    ...rest,
    ...(consultation
      ? {
          consultation: {
            requestedOn: consultation.requestedOn,
            consultationId: consultation.consultationId,
          },
        }
      : {}),
    ...(assignment
      ? {
          assignment: {
            ...assignment,
            pendingExtension: undefined,
            returnRequest: undefined,
            coReports: undefined,
          },
        }
      : {}),
  };
};
