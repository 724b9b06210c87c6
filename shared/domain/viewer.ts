import type { Role } from './roles';

/**
 * Who is looking, as the visibility rules need it: roles plus the scope claims of the token.
 * The API's Principal has this shape, so rules stay free of HTTP.
 */
export interface Viewer {
  roles: readonly Role[];
  enterpriseId?: string;
  unitId?: string;
  cadreId?: string;
}

export const viewerHasRole = (viewer: Viewer, roles: readonly Role[]): boolean =>
  viewer.roles.some((role) => roles.includes(role));
