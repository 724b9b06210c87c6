import type { Viewer } from '../viewer';
import type { Issue } from './issue';

/** What a cadre's scope covers: the grids of its visit teams and the enterprise it is resident in. */
export interface CadreReach {
  gridIds: readonly string[];
  residentEnterpriseIds: readonly string[];
}

/**
 * Whether a caller may see an issue at all (DOMAIN.md roles). Outside this, an issue does not exist
 * for the caller: not found, never forbidden, so nothing leaks.
 */
export const canSeeIssue = (viewer: Viewer, issue: Issue, reach?: CadreReach): boolean =>
  viewer.roles.some((role) => {
    switch (role) {
      case 'admin':
      case 'operator':
      case 'leader':
        return true;
      case 'enterprise':
        return viewer.enterpriseId === issue.enterpriseId;
      case 'department':
        return (
          viewer.unitId !== undefined &&
          (issue.assignment?.unitId === viewer.unitId ||
            (issue.assignment?.coUnitIds ?? []).includes(viewer.unitId))
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
export const isAssignedUnit = (viewer: Viewer, issue: Issue): boolean =>
  viewer.roles.includes('department') &&
  viewer.unitId !== undefined &&
  issue.assignment?.unitId === viewer.unitId;
