import type { Principal } from '../../http/principal';
import type { Issue } from './issue';

/** What a cadre's scope covers: the grids of its visit teams and the enterprise it is resident in. */
export interface CadreReach {
  gridIds: readonly string[];
  residentEnterpriseIds: readonly string[];
}

/**
 * Whether a caller may see an issue at all (DOMAIN.md roles). Outside this, an issue does not exist
 * for the caller: 404, never 403, so nothing leaks.
 */
export const canSeeIssue = (principal: Principal, issue: Issue, reach?: CadreReach): boolean =>
  principal.roles.some((role) => {
    switch (role) {
      case 'admin':
      case 'operator':
      case 'leader':
        return true;
      case 'enterprise':
        return principal.enterpriseId === issue.enterpriseId;
      case 'department':
        return (
          principal.unitId !== undefined &&
          (issue.assignment?.unitId === principal.unitId ||
            (issue.assignment?.coUnitIds ?? []).includes(principal.unitId))
        );
      case 'cadre':
        return (
          reach !== undefined &&
          (reach.gridIds.includes(issue.gridId) || reach.residentEnterpriseIds.includes(issue.enterpriseId))
        );
      default:
        return false;
    }
  });

/** The assigned (lead) unit's own staff: who may report progress, return, resolve or ask for time. */
export const isAssignedUnit = (principal: Principal, issue: Issue): boolean =>
  principal.roles.includes('department') &&
  principal.unitId !== undefined &&
  issue.assignment?.unitId === principal.unitId;
