import { unitKeys } from '../../../../shared/db/keys';
import type { Issue } from '../../../../shared/domain/issues/issue';
import { GENESIS_HASH } from '../../../../shared/domain/ledger/hash-chain';
import { issueItem } from '../../../../shared/repositories/issue-items';
import { workflowItem } from '../../../../shared/repositories/workflow-items';
import { claimsFor } from '../../../../tools/lambda-events';
import type { StoredItem } from '../../../support/dynamo-mock';
import { department, enterprise, grid, stored, town } from './fixtures';

/** A second department: a co-unit, or a unit with no business with the issue. */
export const otherDepartment = { ...department, id: 'DEPT2', code: 'FG', name: '发改局' };

/** An issue of the fixture enterprise, as stored, in whatever state a test needs. */
export const issueOf = (overrides: Partial<Issue> = {}): Issue => ({
  id: 'ISSUE1',
  enterpriseId: enterprise.id,
  gridId: grid.id,
  townUnitId: town.id,
  category: 'land',
  title: '员工宿舍不足',
  description: '800 名员工需要宿舍',
  source: 'visit',
  raisedBy: { sub: 'cadre-1', role: 'cadre' },
  status: 'open',
  reReviewCount: 0,
  ledgerHead: { seq: 1, hash: GENESIS_HASH },
  version: 1,
  createdAt: '2026-11-23T01:00:00.000Z',
  updatedAt: '2026-11-23T01:00:00.000Z',
  ...overrides,
});

/** Assigned to the fixture department (lead) with the other department as co-unit, a workflow waiting. */
export const assignedIssue = issueOf({
  id: 'ISSUE2',
  status: 'assigned',
  assignment: {
    unitId: department.id,
    coUnitIds: [otherDepartment.id],
    assignedOn: '2026-11-23',
    dueWorkingDays: 5,
    dueDate: '2026-11-30',
    supervisionLevel: 0,
    overdue: false,
    workingDaysOverdue: 0,
  },
  workflow: {
    executionArn: 'arn:aws:states:cn-north-1:000000000000:execution:issues:ISSUE2',
    signals: [],
    wait: { seq: 1, token: 'SECRET-TASK-TOKEN', waitingFor: 'resolution' },
  },
  executionArn: 'arn:aws:states:cn-north-1:000000000000:execution:issues:ISSUE2',
  ledgerHead: { seq: 2, hash: 'a'.repeat(64) },
  version: 2,
});

export const storedWith = (...issues: Issue[]): StoredItem[] => [
  ...stored,
  { ...unitKeys.item(otherDepartment.id), ...otherDepartment },
  ...issues.flatMap((issue) => [
    issueItem(issue),
    ...(issue.workflow ? [workflowItem(issue.id, issue.workflow, 3)] : []),
  ]),
];

export const operator = claimsFor('operator');
export const ownEnterprise = claimsFor('enterprise', { enterpriseId: enterprise.id });
export const otherEnterprise = claimsFor('enterprise', { enterpriseId: 'ENT-OTHER' });
export const leadDepartment = claimsFor('department', { unitId: department.id });
export const coDepartment = claimsFor('department', { unitId: otherDepartment.id });
export const unrelatedDepartment = claimsFor('department', { unitId: 'DEPT-ELSEWHERE' });
export const gridCadre = claimsFor('cadre', { cadreId: 'CADRE1' });
export const farCadre = claimsFor('cadre', { cadreId: 'CADRE-FAR' });
