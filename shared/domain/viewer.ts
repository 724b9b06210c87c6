import type { Role } from './roles';

/**
 * Who is looking, as the visibility rules need it: roles plus the scope claims of the token.
 * The edge hands the verified caller in as one of these, so rules stay free of HTTP.
 */
export interface Viewer {
  roles: readonly Role[];
  enterpriseId?: string;
  unitId?: string;
  cadreId?: string;
}

/** A viewer who acts: the subject id names it in what it writes (ledgers, `updatedBy`, `loadedBy`). */
export interface Caller extends Viewer {
  sub: string;
}

export const viewerHasRole = (viewer: Viewer, roles: readonly Role[]): boolean =>
  viewer.roles.some((role) => roles.includes(role));
