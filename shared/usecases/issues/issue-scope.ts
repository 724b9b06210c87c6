import { Forbidden, NotFound } from '../../domain/errors';
import type { Issue } from '../../domain/issues/issue';
import { type IssueAction, mayActOn } from '../../domain/issues/permissions';
import { type CadreReach, canSeeIssue } from '../../domain/issues/visibility';
import type { Viewer } from '../../domain/viewer';
import { findIssue } from '../../repositories/issues';
import { listGridIdsOfCadre } from '../../repositories/team-memberships';

/**
 * What a cadre's scope covers, read only for callers who are cadres: the grids of its visit teams.
 * Residencies join the reach when secondments are recorded.
 */
export const reachOf = async (viewer: Viewer): Promise<CadreReach | undefined> => {
  if (!viewer.roles.includes('cadre') || !viewer.cadreId) return undefined;
  return { gridIds: await listGridIdsOfCadre(viewer.cadreId), residentEnterpriseIds: [] };
};

/** 404 for an issue outside the caller's scope (nothing leaks), 403 where it may look but not act. */
export const authorizeIssueAction = (
  viewer: Viewer,
  issue: Issue,
  action: IssueAction,
  reach: CadreReach | undefined,
): void => {
  if (!canSeeIssue(viewer, issue, reach)) throw new NotFound('The issue');
  if (!mayActOn(viewer, issue, action, reach))
    throw new Forbidden('You may see this issue but not take this action on it.');
};

/** The issue, or 404 alike when it does not exist and when it is outside the caller's scope. */
export const readVisibleIssue = async (viewer: Viewer, issueId: string): Promise<Issue> => {
  const stored = await findIssue(issueId);
  if (!stored || !canSeeIssue(viewer, stored.issue, await reachOf(viewer))) throw new NotFound('The issue');
  return stored.issue;
};
