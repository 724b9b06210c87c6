import type { Role } from '../roles';
import type { IssueSource } from './issue';

/** Roles that raise issues, in the order their authority is preferred when a caller holds several. */
export const RAISING_ROLES = ['admin', 'operator', 'cadre', 'enterprise'] as const;
export type RaisingRole = (typeof RAISING_ROLES)[number];

/**
 * Where an issue can come from, by who records it: an enterprise speaks for itself; a cadre brings it
 * from a grid visit or a residency; the service centre records any channel (hotline calls included).
 * The first source listed is the default.
 */
const SOURCES: Record<RaisingRole, readonly IssueSource[]> = {
  enterprise: ['self'],
  cadre: ['visit', 'resident'],
  operator: ['hotline', 'self', 'visit', 'resident'],
  admin: ['hotline', 'self', 'visit', 'resident'],
};

export const raisingRoleOf = (roles: readonly Role[]): RaisingRole | undefined =>
  RAISING_ROLES.find((role) => roles.includes(role));

/** The source to record, or undefined when the role cannot raise from that source. */
export const sourceFor = (role: RaisingRole, given: IssueSource | undefined): IssueSource | undefined => {
  const allowed = SOURCES[role];
  if (given === undefined) return allowed[0];
  return allowed.includes(given) ? given : undefined;
};

export const sourcesOf = (role: RaisingRole): readonly IssueSource[] => SOURCES[role];
