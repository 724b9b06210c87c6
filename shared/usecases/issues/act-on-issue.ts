import type { IssueCommand } from '../../domain/issues/commands';
import type { Actor, Issue } from '../../domain/issues/issue';
import { actingRoleFor, type IssueAction } from '../../domain/issues/permissions';
import { forbidden } from '../../http/errors';
import type { Principal } from '../../http/principal';
import { applyIssueCommand } from './apply-issue-command';
import { authorizeIssueAction, reachOf } from './issue-scope';

/** The commands people give through the issue routes (the others come from consultations and the workflow). */
export type PersonCommand = Extract<IssueCommand, { type: IssueAction }>;

/** The caller as the ledger records it, for an action its roles may take on some issue. */
export const actorFor = (principal: Principal, action: IssueAction): Actor => {
  const role = actingRoleFor(principal, action);
  // The route admits only these roles, so this guards a route table that disagrees with ISSUE_ACTIONS.
  if (!role) throw forbidden();
  return { sub: principal.sub, role };
};

/**
 * A person's decision on an existing issue: 404 outside the caller's scope, 403 without standing for
 * the action on this issue, then applyIssueCommand (409 INVALID_TRANSITION when the status does not fit).
 */
export const actOnIssue = async (
  principal: Principal,
  issueId: string,
  command: PersonCommand,
): Promise<Issue> => {
  const actor = actorFor(principal, command.type);
  const reach = await reachOf(principal);
  return applyIssueCommand({
    issueId,
    actor,
    command,
    authorize: (issue) => authorizeIssueAction(principal, issue, command.type, reach),
  });
};
