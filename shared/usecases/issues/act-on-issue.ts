import { Forbidden } from '../../domain/errors';
import type { IssueCommand } from '../../domain/issues/commands';
import type { Actor, Issue } from '../../domain/issues/issue';
import { actingRoleFor, type IssueAction } from '../../domain/issues/permissions';
import type { Caller } from '../../domain/viewer';
import { applyIssueCommand } from './apply-issue-command';
import { authorizeIssueAction, reachOf } from './issue-scope';

/** The commands people give through the issue routes (the others come from consultations and the workflow). */
export type PersonCommand = Extract<IssueCommand, { type: IssueAction }>;

/** The caller as the ledger records it, for an action its roles may take on some issue. */
export const actorFor = (caller: Caller, action: IssueAction): Actor => {
  const role = actingRoleFor(caller, action);
  // The route admits only these roles, so this guards a route table that disagrees with ISSUE_ACTIONS.
  if (!role) throw new Forbidden();
  return { sub: caller.sub, role };
};

/**
 * A person's decision on an existing issue: 404 outside the caller's scope, 403 without standing for
 * the action on this issue, then applyIssueCommand (409 INVALID_TRANSITION when the status does not fit).
 */
export const actOnIssue = async (
  caller: Caller,
  issueId: string,
  command: PersonCommand,
  /** A rule beyond standing for this caller on this issue (e.g. who decides a second return). */
  alsoAuthorize?: (issue: Issue) => void,
): Promise<Issue> => {
  const actor = actorFor(caller, command.type);
  const reach = await reachOf(caller);
  return applyIssueCommand({
    issueId,
    actor,
    command,
    authorize: (issue) => {
      authorizeIssueAction(caller, issue, command.type, reach);
      alsoAuthorize?.(issue);
    },
  });
};
