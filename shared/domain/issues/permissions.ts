import type { Role } from '../roles';
import type { Viewer } from '../viewer';
import type { IssueCommandType } from './commands';
import type { Issue, ReturnDecider } from './issue';
import { type CadreReach, isAssignedUnit } from './visibility';

/**
 * The kinds of standing that let a person act on an issue they can see:
 * the enterprise-service centre (operators, and admins who may do everything), a cadre whose grids or
 * residency cover the enterprise, the staff of the assigned (lead) unit, the enterprise itself.
 */
type Standing = 'programOffice' | 'cadreInScope' | 'assignedUnit' | 'coUnit' | 'ownEnterprise' | 'leadership';

/**
 * Who may take each action people take on an issue (API.md, Issues). The service centre comes first
 * wherever it appears and no action admits two other standings, so the role a caller acts in follows
 * from its roles alone (actingRoleFor), whichever issue it acts on.
 */
export const ISSUE_ACTIONS = {
  resolve_on_spot: ['programOffice', 'cadreInScope'],
  escalate: ['programOffice', 'cadreInScope'],
  dispatch: ['programOffice'],
  progress: ['assignedUnit'],
  sign_for: ['assignedUnit'],
  co_report: ['coUnit'],
  return: ['assignedUnit'],
  // Which of the two decides a given request: mayDecideReturn.
  decide_return: ['programOffice', 'leadership'],
  request_extension: ['assignedUnit'],
  resolve: ['assignedUnit'],
  request_consultation: ['programOffice', 'assignedUnit'],
  approve_extension: ['programOffice'],
  feedback: ['ownEnterprise'],
  follow_up: ['programOffice'],
  close_unreached: ['programOffice'],
  mark_duplicate: ['programOffice'],
  mark_unreasonable: ['programOffice'],
  restart_workflow: ['programOffice'],
} as const satisfies Partial<Record<IssueCommandType, readonly Standing[]>>;

export type IssueAction = keyof typeof ISSUE_ACTIONS;

const STANDING_ROLES: Record<Standing, readonly Role[]> = {
  programOffice: ['admin', 'operator'],
  cadreInScope: ['cadre'],
  assignedUnit: ['department'],
  coUnit: ['department'],
  ownEnterprise: ['enterprise'],
  leadership: ['leader'],
};

/** The roles a route for the action admits; standing on the issue itself is checked by mayActOn. */
export const rolesFor = (action: IssueAction): Role[] =>
  ISSUE_ACTIONS[action].flatMap((standing) => STANDING_ROLES[standing]);

/** Whether a cadre's grids or residencies cover an enterprise (placed in a grid). */
export const reachCovers = (
  reach: CadreReach | undefined,
  enterprise: { gridId: string; enterpriseId: string },
): boolean =>
  reach !== undefined &&
  (reach.gridIds.includes(enterprise.gridId) ||
    reach.residentEnterpriseIds.includes(enterprise.enterpriseId));

const holds = (standing: Standing, viewer: Viewer, issue: Issue, reach: CadreReach | undefined): boolean => {
  switch (standing) {
    case 'programOffice':
      return viewer.roles.some((role) => STANDING_ROLES.programOffice.includes(role));
    case 'cadreInScope':
      return viewer.roles.includes('cadre') && reachCovers(reach, issue);
    case 'assignedUnit':
      return isAssignedUnit(viewer, issue);
    case 'coUnit':
      return (
        viewer.roles.includes('department') &&
        viewer.unitId !== undefined &&
        (issue.assignment?.coUnitIds ?? []).includes(viewer.unitId)
      );
    case 'leadership':
      return viewer.roles.includes('leader');
    case 'ownEnterprise':
      return viewer.roles.includes('enterprise') && viewer.enterpriseId === issue.enterpriseId;
  }
};

/** Whether the caller has standing for the action on this issue. */
export const mayActOn = (
  viewer: Viewer,
  issue: Issue,
  action: IssueAction,
  reach: CadreReach | undefined,
): boolean => ISSUE_ACTIONS[action].some((standing) => holds(standing, viewer, issue, reach));

/** The role the ledger records for the caller taking the action: the first of its roles with possible standing. */
export const actingRoleFor = (viewer: Viewer, action: IssueAction): Role | undefined =>
  rolesFor(action).find((role) => viewer.roles.includes(role));

/**
 * Who decides a return request: the office (operators, admins) the first time; a leader (or an
 * admin) for a second return of the same issue.
 */
export const mayDecideReturn = (viewer: Viewer, decider: ReturnDecider): boolean =>
  viewer.roles.some((role) =>
    (decider === 'leader' ? ['leader', 'admin'] : ['operator', 'admin']).includes(role),
  );
