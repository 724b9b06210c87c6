import type { Issue } from '../issues/issue';
import { isAssignedUnit } from '../issues/visibility';
import type { Viewer } from '../viewer';

/** The records a file may be attached to. A resolution is the one of the issue it names. */
export const OWNER_KINDS = ['issue', 'visit', 'resolution', 'accountability_case'] as const;
export type OwnerKind = (typeof OWNER_KINDS)[number];

export interface OwnerRef {
  kind: OwnerKind;
  id: string;
}

/** The owner as the rules need it, once the caller is known to see it (its own scope rules decide that). */
export type VisibleOwner =
  | { kind: 'issue'; issue: Issue }
  | { kind: 'resolution'; issue: Issue }
  | { kind: 'visit' }
  | { kind: 'accountability_case' };

const PROGRAM_OFFICE = ['operator', 'admin'];
const isProgramOffice = (viewer: Viewer) => viewer.roles.some((role) => PROGRAM_OFFICE.includes(role));

/**
 * Who may attach a file to a record they can see. An issue takes evidence from everyone who works
 * it (the enterprise, cadres, the units on it, the service centre), not from leaders, who only read;
 * a resolution from the unit that resolves it and the service centre; a visit from the cadres of the
 * grid (the ones who see it) and the service centre; an accountability case from the service centre,
 * which keeps the registry.
 */
export const mayAttach = (viewer: Viewer, owner: VisibleOwner): boolean => {
  switch (owner.kind) {
    case 'issue':
      return viewer.roles.some((role) => role !== 'leader');
    case 'resolution':
      return isProgramOffice(viewer) || isAssignedUnit(viewer, owner.issue);
    case 'visit':
      return isProgramOffice(viewer) || viewer.roles.includes('cadre');
    case 'accountability_case':
      return isProgramOffice(viewer);
  }
};

/** The object key of an attachment: grouped by owner, so a bucket listing reads like the records. */
export const attachmentObjectKey = (owner: OwnerRef, attachmentId: string): string =>
  `attachments/${owner.kind}/${owner.id}/${attachmentId}`;
