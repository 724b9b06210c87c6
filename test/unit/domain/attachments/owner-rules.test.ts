import { describe, expect, it } from 'vitest';
import {
  attachmentObjectKey,
  mayAttach,
  type VisibleOwner,
} from '../../../../shared/domain/attachments/owner-rules';
import type { Role } from '../../../../shared/domain/roles';
import type { Viewer } from '../../../../shared/domain/viewer';
import { openIssue } from '../issues/fixtures';

const assigned = openIssue({
  status: 'assigned',
  assignment: {
    unitId: 'U1',
    coUnitIds: ['U2'],
    assignedOn: '2026-03-02',
    dueWorkingDays: 5,
    dueDate: '2026-03-09',
    supervisionLevel: 0,
    overdue: false,
    workingDaysOverdue: 0,
  },
});

const as = (role: Role, scope: Partial<Viewer> = {}): Viewer => ({ roles: [role], ...scope });

/** Who may attach, given they already see the owner (its own scope rules run before). */
const writers = (owner: VisibleOwner, viewers: Record<string, Viewer>) =>
  Object.entries(viewers)
    .filter(([, viewer]) => mayAttach(viewer, owner))
    .map(([name]) => name);

const everyone = {
  enterprise: as('enterprise', { enterpriseId: 'E1' }),
  cadre: as('cadre', { cadreId: 'C1' }),
  leadUnit: as('department', { unitId: 'U1' }),
  coUnit: as('department', { unitId: 'U2' }),
  leader: as('leader'),
  operator: as('operator'),
  admin: as('admin'),
};

describe('who may attach to a record they can see', () => {
  it('an issue: everyone who works it, not leaders', () => {
    expect(writers({ kind: 'issue', issue: assigned }, everyone)).toEqual([
      'enterprise',
      'cadre',
      'leadUnit',
      'coUnit',
      'operator',
      'admin',
    ]);
  });

  it('a resolution: the lead unit and the service centre', () => {
    expect(writers({ kind: 'resolution', issue: assigned }, everyone)).toEqual([
      'leadUnit',
      'operator',
      'admin',
    ]);
  });

  it('a visit: the grid’s cadres and the service centre', () => {
    expect(writers({ kind: 'visit' }, everyone)).toEqual(['cadre', 'operator', 'admin']);
  });

  it('an accountability case: the service centre, which keeps the registry', () => {
    expect(writers({ kind: 'accountability_case' }, everyone)).toEqual(['operator', 'admin']);
  });

  it('a leader who is also an operator may attach', () => {
    expect(mayAttach({ roles: ['leader', 'operator'] }, { kind: 'issue', issue: assigned })).toBe(true);
  });

  it('keeps each attachment under its owner in the bucket', () => {
    expect(attachmentObjectKey({ kind: 'visit', id: 'V1' }, 'A1')).toBe('attachments/visit/V1/A1');
  });
});
