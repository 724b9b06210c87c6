import { type CalendarDate, programDateOf } from '../calendar';
import type { FieldProblem } from '../errors';
import type { Role } from '../roles';
import type { Viewer } from '../viewer';
import type { Card, Issue, IssueSource, IssueStatus, IssueType } from './issue';
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

/**
 * The filters of GET /issues. `unitId` means handled by the unit, as lead or as co-unit; `from`–`to` is
 * the period the issue was raised in (program dates, both included); `card` the supervision card its
 * assignment carries.
 */
export interface IssueFilter {
  status?: IssueStatus;
  unitId?: string;
  enterpriseId?: string;
  overdue?: boolean;
  category?: string;
  type?: IssueType;
  source?: IssueSource;
  townUnitId?: string;
  gridId?: string;
  from?: CalendarDate;
  to?: CalendarDate;
  card?: Card;
}

/**
 * An assignment still being worked past its due date, as the daily sweep last recorded it. A resolved
 * issue keeps its late assignment for the record, but is no longer overdue.
 */
export const isOverdue = (issue: Issue): boolean =>
  issue.status === 'assigned' && issue.assignment?.overdue === true;

/** Each filter given and what an issue must have to pass it (an absent filter passes everything). */
const FILTER_TESTS: {
  [K in keyof IssueFilter]-?: (issue: Issue, wanted: NonNullable<IssueFilter[K]>) => boolean;
} = {
  status: (issue, status) => issue.status === status,
  enterpriseId: (issue, enterpriseId) => issue.enterpriseId === enterpriseId,
  unitId: (issue, unitId) =>
    issue.assignment?.unitId === unitId || (issue.assignment?.coUnitIds ?? []).includes(unitId),
  overdue: (issue, overdue) => isOverdue(issue) === overdue,
  category: (issue, category) => issue.category === category,
  // Issues raised before types existed are problems.
  type: (issue, type) => (issue.type ?? 'problem') === type,
  source: (issue, source) => issue.source === source,
  townUnitId: (issue, townUnitId) => issue.townUnitId === townUnitId,
  gridId: (issue, gridId) => issue.gridId === gridId,
  from: (issue, from) => programDateOf(issue.createdAt) >= from,
  to: (issue, to) => programDateOf(issue.createdAt) <= to,
  card: (issue, card) => issue.assignment?.card === card,
};

export const matchesIssueFilter = (issue: Issue, filter: IssueFilter): boolean =>
  Object.entries(filter).every(([name, wanted]) => {
    const test = FILTER_TESTS[name as keyof IssueFilter] as
      | ((issue: Issue, wanted: unknown) => boolean)
      | undefined;
    return wanted === undefined || test === undefined || test(issue, wanted);
  });

/** A raised-on period that ends before it starts. */
export const periodFilterProblems = ({ from, to }: Pick<IssueFilter, 'from' | 'to'>): FieldProblem[] =>
  from && to && from > to ? [{ path: 'query.to', message: 'Must not be before from' }] : [];
