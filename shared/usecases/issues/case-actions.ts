import { Conflict, Forbidden, InputRejected } from '../../domain/errors';
import type { Issue } from '../../domain/issues/issue';
import { mayDecideReturn } from '../../domain/issues/permissions';
import type { Caller } from '../../domain/viewer';
import { findIssue } from '../../repositories/issues';
import { actOnIssue } from './act-on-issue';

/**
 * Case-handling decisions that need more than the caller's standing on the issue (docs/case-handling.md).
 */

/** A co-handling unit's staff report the unit's part (协办); standing as co-unit is checked on the issue. */
export const reportCoPart = (caller: Caller, issueId: string, text: string): Promise<Issue> =>
  actOnIssue(caller, issueId, { type: 'co_report', unitId: caller.unitId ?? '', text });

/**
 * The office accepts or rejects a unit's return request; a second return of the same issue is a
 * leader's to decide (403 for an operator). Without a pending request the lifecycle answers 409.
 */
export const decideReturn = (
  caller: Caller,
  issueId: string,
  decision: { accept: boolean; reason: string },
) =>
  actOnIssue(caller, issueId, { type: 'decide_return', ...decision }, (issue) => {
    const request = issue.assignment?.returnRequest;
    if (request && !mayDecideReturn(caller, request.decider)) {
      throw new Forbidden(
        request.decider === 'leader'
          ? 'A second return of the same issue is decided by a leader.'
          : 'A first return is decided by the enterprise service centre.',
      );
    }
  });

/**
 * Closes an issue as a duplicate of another that exists and is not itself a duplicate, so every
 * chain of duplicates ends at an issue that is counted.
 */
export const markDuplicate = async (caller: Caller, issueId: string, duplicateOf: string): Promise<Issue> => {
  const original = await findIssue(duplicateOf);
  if (!original) {
    throw new InputRejected('UNKNOWN_REFERENCE', 'The request names records that do not exist.', [
      { path: 'body.issueId', message: 'No issue with this id' },
    ]);
  }
  if (original.issue.closure === 'duplicate') {
    throw new Conflict(
      'DUPLICATE_OF_DUPLICATE',
      `Issue ${duplicateOf} is itself a duplicate of ${original.issue.duplicateOf}: link to that one.`,
    );
  }
  return actOnIssue(caller, issueId, { type: 'mark_duplicate', duplicateOf });
};
