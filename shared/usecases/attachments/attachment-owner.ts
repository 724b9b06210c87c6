import type { OwnerRef, VisibleOwner } from '../../domain/attachments/owner-rules';
import type { Viewer } from '../../domain/viewer';
import { readVisibleIssue } from '../issues/issue-scope';
import { readCase } from '../registries/accountability-cases';
import { readVisit } from '../visits/read-visits';

/**
 * The record an attachment belongs to, read with that record's own scope rules: outside them it is
 * NotFound, exactly as reading the record itself would answer.
 */
export const readVisibleOwner = async (viewer: Viewer, owner: OwnerRef): Promise<VisibleOwner> => {
  switch (owner.kind) {
    case 'issue':
    case 'resolution':
      return { kind: owner.kind, issue: await readVisibleIssue(viewer, owner.id) };
    case 'visit':
      await readVisit(viewer, owner.id);
      return { kind: 'visit' };
    case 'accountability_case':
      await readCase(viewer, owner.id);
      return { kind: 'accountability_case' };
  }
};
