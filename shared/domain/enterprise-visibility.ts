import type { Role } from './roles';
import { type Viewer, viewerHasRole } from './viewer';

/** Roles that work with enterprises in general, so see all of them. */
const SEE_ALL: readonly Role[] = ['leader', 'operator', 'admin', 'cadre', 'department'];

/**
 * Which enterprises a viewer may see: all, or only its own (an enterprise account). An enterprise
 * account without an enterprise claim sees none.
 */
export type EnterpriseVisibility = { kind: 'all' } | { kind: 'own'; enterpriseId: string } | { kind: 'none' };

export const enterpriseVisibility = (viewer: Viewer): EnterpriseVisibility => {
  if (viewerHasRole(viewer, SEE_ALL)) return { kind: 'all' };
  if (viewer.roles.includes('enterprise') && viewer.enterpriseId) {
    return { kind: 'own', enterpriseId: viewer.enterpriseId };
  }
  return { kind: 'none' };
};

export const canSeeEnterprise = (viewer: Viewer, enterpriseId: string): boolean => {
  const visibility = enterpriseVisibility(viewer);
  return visibility.kind === 'all' || (visibility.kind === 'own' && visibility.enterpriseId === enterpriseId);
};
