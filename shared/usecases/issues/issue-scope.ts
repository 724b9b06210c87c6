import type { Issue } from '../../domain/issues/issue';
import { type IssueAction, mayActOn } from '../../domain/issues/permissions';
import { type CadreReach, canSeeIssue } from '../../domain/issues/visibility';
import { forbidden, notFound } from '../../http/errors';
import type { Principal } from '../../http/principal';
import { findIssue } from '../../repositories/issues';
import { listGridIdsOfCadre } from '../../repositories/team-memberships';

/**
 * What a cadre's scope covers, read only for callers who are cadres: the grids of its visit teams.
 * Residencies join the reach when secondments are recorded.
 */
export const reachOf = async (principal: Principal): Promise<CadreReach | undefined> => {
  if (!principal.roles.includes('cadre') || !principal.cadreId) return undefined;
  return { gridIds: await listGridIdsOfCadre(principal.cadreId), residentEnterpriseIds: [] };
};

/** 404 for an issue outside the caller's scope (nothing leaks), 403 where it may look but not act. */
export const authorizeIssueAction = (
  principal: Principal,
  issue: Issue,
  action: IssueAction,
  reach: CadreReach | undefined,
): void => {
  if (!canSeeIssue(principal, issue, reach)) throw notFound('The issue');
  if (!mayActOn(principal, issue, action, reach))
    throw forbidden('You may see this issue but not take this action on it.');
};

/** The issue, or 404 alike when it does not exist and when it is outside the caller's scope. */
export const readVisibleIssue = async (principal: Principal, issueId: string): Promise<Issue> => {
  const stored = await findIssue(issueId);
  if (!stored || !canSeeIssue(principal, stored.issue, await reachOf(principal))) throw notFound('The issue');
  return stored.issue;
};
