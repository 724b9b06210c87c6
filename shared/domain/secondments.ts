import type { Role } from './roles';
import { type Viewer, viewerHasRole } from './viewer';

/**
 * Rules of the secondments: residencies (驻企挂职) and placements (跟班学习).
 */

/** A score of 4 or 5 (of 5) counts as satisfied in the headline rates (DOMAIN.md item 13). */
export const SATISFIED_FROM = 4;
export const isFitSatisfied = (fitScore: number) => fitScore >= SATISFIED_FROM;
export const isServiceSatisfied = (serviceScore: number) => serviceScore >= SATISFIED_FROM;

const SEE_ALL: readonly Role[] = ['leader', 'operator', 'admin'];

/**
 * Which residencies a viewer sees: all (the program's runners), a cadre its own, an enterprise
 * those it hosts. The widest scope a viewer holds wins; a missing scope claim leaves nothing.
 */
export type ResidencyVisibility =
  | { kind: 'all' }
  | { kind: 'cadre'; cadreId: string }
  | { kind: 'enterprise'; enterpriseId: string }
  | { kind: 'none' };

export const residencyVisibility = (viewer: Viewer): ResidencyVisibility => {
  if (viewerHasRole(viewer, SEE_ALL)) return { kind: 'all' };
  if (viewer.roles.includes('cadre') && viewer.cadreId) return { kind: 'cadre', cadreId: viewer.cadreId };
  if (viewer.roles.includes('enterprise') && viewer.enterpriseId) {
    return { kind: 'enterprise', enterpriseId: viewer.enterpriseId };
  }
  return { kind: 'none' };
};

export const canSeeResidency = (viewer: Viewer, residency: { cadreId: string; enterpriseId: string }) =>
  viewerHasRole(viewer, SEE_ALL) ||
  (viewer.roles.includes('cadre') && viewer.cadreId === residency.cadreId) ||
  (viewer.roles.includes('enterprise') && viewer.enterpriseId === residency.enterpriseId);

/** Only the resident cadre logs services on a residency (identity from the `custom:cadreId` claim). */
export const isResidentCadre = (viewer: Viewer, residency: { cadreId: string }) =>
  viewer.roles.includes('cadre') && viewer.cadreId !== undefined && viewer.cadreId === residency.cadreId;

/** The host enterprise rates its residency; the service centre may enter a rating for it. */
export const mayEvaluate = (viewer: Viewer, residency: { enterpriseId: string }) =>
  viewerHasRole(viewer, ['operator', 'admin']) ||
  (viewer.roles.includes('enterprise') && viewer.enterpriseId === residency.enterpriseId);

/** Placements: all for the runners, a department its guests, an enterprise its own staff. */
export type PlacementVisibility =
  | { kind: 'all' }
  | { kind: 'unit'; unitId: string }
  | { kind: 'enterprise'; enterpriseId: string }
  | { kind: 'none' };

export const placementVisibility = (viewer: Viewer): PlacementVisibility => {
  if (viewerHasRole(viewer, SEE_ALL)) return { kind: 'all' };
  if (viewer.roles.includes('department') && viewer.unitId) return { kind: 'unit', unitId: viewer.unitId };
  if (viewer.roles.includes('enterprise') && viewer.enterpriseId) {
    return { kind: 'enterprise', enterpriseId: viewer.enterpriseId };
  }
  return { kind: 'none' };
};

export const canSeePlacement = (viewer: Viewer, placement: { unitId: string; enterpriseId: string }) =>
  viewerHasRole(viewer, SEE_ALL) ||
  (viewer.roles.includes('department') && viewer.unitId === placement.unitId) ||
  (viewer.roles.includes('enterprise') && viewer.enterpriseId === placement.enterpriseId);

/** The host department or the service centre records what a placed staff member learned and applied. */
export const mayRecordPlacementOutcomes = (viewer: Viewer, placement: { unitId: string }) =>
  viewerHasRole(viewer, ['operator', 'admin']) ||
  (viewer.roles.includes('department') && viewer.unitId === placement.unitId);
