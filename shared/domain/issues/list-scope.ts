import type { Role } from '../roles';
import type { Viewer } from '../viewer';
import type { Issue, IssueStatus } from './issue';
import type { CadreReach } from './visibility';

/**
 * The issues a caller's lists draw from, mirroring canSeeIssue: every issue; one unit's (lead or
 * co-handling); those of some grids (a cadre's); one enterprise's; or none. A caller holding several
 * roles lists through the first of these that applies.
 */
export type IssueListScope =
  | { kind: 'all' }
  | { kind: 'enterprise'; enterpriseId: string }
  | { kind: 'unit'; unitId: string }
  | { kind: 'grids'; gridIds: readonly string[] }
  | { kind: 'none' };

export const issueListScope = (viewer: Viewer, reach: CadreReach | undefined): IssueListScope => {
  const has = (role: Role) => viewer.roles.includes(role);
  if (has('admin') || has('operator') || has('leader')) return { kind: 'all' };
  if (has('department') && viewer.unitId) return { kind: 'unit', unitId: viewer.unitId };
  if (has('cadre') && reach && reach.gridIds.length > 0) return { kind: 'grids', gridIds: reach.gridIds };
  if (has('enterprise') && viewer.enterpriseId) {
    return { kind: 'enterprise', enterpriseId: viewer.enterpriseId };
  }
  return { kind: 'none' };
};

/** The filters of GET /issues. `unitId` means handled by the unit, as lead or as co-unit. */
export interface IssueFilter {
  status?: IssueStatus;
  unitId?: string;
  enterpriseId?: string;
  overdue?: boolean;
}

/**
 * An assignment still being worked past its due date, as the daily sweep last recorded it. A resolved
 * issue keeps its late assignment for the record, but is no longer overdue.
 */
export const isOverdue = (issue: Issue): boolean =>
  issue.status === 'assigned' && issue.assignment?.overdue === true;

export const matchesIssueFilter = (issue: Issue, filter: IssueFilter): boolean =>
  (filter.status === undefined || issue.status === filter.status) &&
  (filter.enterpriseId === undefined || issue.enterpriseId === filter.enterpriseId) &&
  (filter.unitId === undefined ||
    issue.assignment?.unitId === filter.unitId ||
    (issue.assignment?.coUnitIds ?? []).includes(filter.unitId)) &&
  (filter.overdue === undefined || isOverdue(issue) === filter.overdue);
