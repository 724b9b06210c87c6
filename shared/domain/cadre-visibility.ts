import type { Role } from './roles';
import { type Viewer, viewerHasRole } from './viewer';

/** Roles that run or lead the program, so see every cadre. */
const SEE_ALL: readonly Role[] = ['leader', 'operator', 'admin'];

/**
 * Which cadres a viewer may see: all; those of the viewer's unit (a department's staff); or only
 * the viewer's own record (a cadre). The widest scope a viewer holds wins; a missing scope claim
 * leaves nothing to see.
 */
export type CadreVisibility =
  | { kind: 'all' }
  | { kind: 'unit'; unitId: string }
  | { kind: 'self'; cadreId: string }
  | { kind: 'none' };

export const cadreVisibility = (viewer: Viewer): CadreVisibility => {
  if (viewerHasRole(viewer, SEE_ALL)) return { kind: 'all' };
  if (viewer.roles.includes('department') && viewer.unitId) return { kind: 'unit', unitId: viewer.unitId };
  if (viewer.roles.includes('cadre') && viewer.cadreId) return { kind: 'self', cadreId: viewer.cadreId };
  return { kind: 'none' };
};

/**
 * One record is visible if any of the viewer's roles shows it: a department officer who is also a
 * cadre in another unit still reads their own record.
 */
export const canSeeCadre = (viewer: Viewer, cadre: { id: string; unitId: string }): boolean =>
  viewerHasRole(viewer, SEE_ALL) ||
  (viewer.roles.includes('department') && viewer.unitId !== undefined && viewer.unitId === cadre.unitId) ||
  (viewer.roles.includes('cadre') && viewer.cadreId !== undefined && viewer.cadreId === cadre.id);
