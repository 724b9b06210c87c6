import { describe, expect, it } from 'vitest';
import type { Issue } from '../../../../shared/domain/issues/issue';
import { issueListScope, matchesIssueFilter } from '../../../../shared/domain/issues/list-scope';
import {
  actingRoleFor,
  ISSUE_ACTIONS,
  mayActOn,
  rolesFor,
} from '../../../../shared/domain/issues/permissions';
import { raisingRoleOf, sourceFor } from '../../../../shared/domain/issues/raising';
import type { Principal } from '../../../../shared/http/principal';
import { openIssue } from './fixtures';

const as = (roles: Principal['roles'], scope: Partial<Principal> = {}): Principal => ({
  sub: 'u',
  roles,
  ...scope,
});
const reach = { gridIds: ['G1'], residentEnterpriseIds: [] };
const assigned: Issue = openIssue({
  status: 'assigned',
  assignment: {
    unitId: 'U1',
    coUnitIds: ['U2'],
    assignedOn: '2026-03-02',
    dueWorkingDays: 5,
    dueDate: '2026-03-09',
    supervisionLevel: 1,
    overdue: true,
    workingDaysOverdue: 2,
  },
});

describe('who may act on an issue', () => {
  it('gives the assigned lead unit the department actions, not its co-units', () => {
    for (const action of ['progress', 'return', 'request_extension', 'resolve'] as const) {
      expect(mayActOn(as(['department'], { unitId: 'U1' }), assigned, action, undefined)).toBe(true);
      expect(mayActOn(as(['department'], { unitId: 'U2' }), assigned, action, undefined)).toBe(false);
    }
  });

  it('lets cadres resolve on the spot and escalate only within their grids', () => {
    expect(mayActOn(as(['cadre'], { cadreId: 'C1' }), openIssue(), 'escalate', reach)).toBe(true);
    expect(mayActOn(as(['cadre'], { cadreId: 'C1' }), openIssue({ gridId: 'G9' }), 'escalate', reach)).toBe(
      false,
    );
    expect(mayActOn(as(['cadre'], { cadreId: 'C1' }), openIssue(), 'dispatch', reach)).toBe(false);
  });

  it('keeps verdicts to the enterprise itself', () => {
    expect(mayActOn(as(['enterprise'], { enterpriseId: 'E1' }), assigned, 'feedback', undefined)).toBe(true);
    expect(mayActOn(as(['enterprise'], { enterpriseId: 'E2' }), assigned, 'feedback', undefined)).toBe(false);
    expect(mayActOn(as(['admin']), assigned, 'feedback', undefined)).toBe(false);
  });

  it('puts the service centre first wherever it may act, so the role acted in never depends on the issue', () => {
    for (const standings of Object.values(ISSUE_ACTIONS)) {
      const others = standings.filter((standing) => standing !== 'programOffice');
      expect(others.length).toBeLessThanOrEqual(1);
      if (others.length < standings.length) expect(standings[0]).toBe('programOffice');
    }
    expect(actingRoleFor(as(['department', 'operator'], { unitId: 'U1' }), 'request_consultation')).toBe(
      'operator',
    );
    expect(actingRoleFor(as(['leader']), 'dispatch')).toBeUndefined();
    expect(rolesFor('request_consultation')).toEqual(['admin', 'operator', 'department']);
  });
});

describe('raising', () => {
  it('prefers the widest authority a caller holds', () => {
    expect(raisingRoleOf(['cadre', 'operator'])).toBe('operator');
    expect(raisingRoleOf(['department', 'leader'])).toBeUndefined();
  });

  it('defaults the source by role and refuses sources the role does not raise from', () => {
    expect(sourceFor('enterprise', undefined)).toBe('self');
    expect(sourceFor('enterprise', 'visit')).toBeUndefined();
    expect(sourceFor('cadre', undefined)).toBe('visit');
    expect(sourceFor('cadre', 'resident')).toBe('resident');
    expect(sourceFor('cadre', 'hotline')).toBeUndefined();
    expect(sourceFor('operator', undefined)).toBe('hotline');
    expect(sourceFor('operator', 'self')).toBe('self');
  });
});

describe('issue lists', () => {
  it('scope each role to what it may see', () => {
    expect(issueListScope(as(['leader']), undefined)).toEqual({ kind: 'all' });
    expect(issueListScope(as(['department'], { unitId: 'U1' }), undefined)).toEqual({
      kind: 'unit',
      unitId: 'U1',
    });
    expect(issueListScope(as(['cadre'], { cadreId: 'C1' }), reach)).toEqual({
      kind: 'grids',
      gridIds: ['G1'],
    });
    expect(
      issueListScope(as(['cadre'], { cadreId: 'C1' }), { gridIds: [], residentEnterpriseIds: [] }),
    ).toEqual({
      kind: 'none',
    });
    expect(issueListScope(as(['enterprise'], { enterpriseId: 'E1' }), undefined)).toEqual({
      kind: 'enterprise',
      enterpriseId: 'E1',
    });
    expect(issueListScope(as(['department']), undefined)).toEqual({ kind: 'none' });
  });

  it('filter by handling unit (lead or co), enterprise, status and live overdue assignments', () => {
    expect(matchesIssueFilter(assigned, { unitId: 'U2' })).toBe(true);
    expect(matchesIssueFilter(assigned, { unitId: 'U3' })).toBe(false);
    expect(matchesIssueFilter(assigned, { overdue: true, status: 'assigned', enterpriseId: 'E1' })).toBe(
      true,
    );
    expect(matchesIssueFilter({ ...assigned, status: 'closed' }, { overdue: true })).toBe(false);
    expect(matchesIssueFilter(openIssue(), { overdue: false })).toBe(true);
  });
});
