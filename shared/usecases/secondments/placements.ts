import type { CreatePlacementBody, Placement, UpdatePlacementBody } from '../../contract/placements';
import type { IdempotencyToken } from '../../db/creation-guard';
import type { Page } from '../../db/queries';
import { NotFound, StaleVersion } from '../../domain/errors';
import { newId, nowIso } from '../../domain/ids';
import { canSeePlacement, mayRecordPlacementOutcomes, placementVisibility } from '../../domain/secondments';
import type { Viewer } from '../../domain/viewer';
import { findEnterprise } from '../../repositories/enterprises';
import {
  findPlacement,
  insertPlacement,
  listPlacements,
  type PlacementFilter,
  savePlacementOutcomes,
} from '../../repositories/placements';
import { findUnit } from '../../repositories/units';
import { emptyPage } from '../own-record-page';
import { assertReferencesFound } from '../references';

/** Places an enterprise's staff member in a department (a unit of kind `department`) to learn. */
export const createPlacement = async (
  input: CreatePlacementBody,
  idempotency?: IdempotencyToken,
): Promise<Placement> => {
  const [enterprise, unit] = await Promise.all([findEnterprise(input.enterpriseId), findUnit(input.unitId)]);
  assertReferencesFound([
    { path: 'body.enterpriseId', found: enterprise !== undefined, message: 'No enterprise with this id' },
    { path: 'body.unitId', found: unit?.kind === 'department', message: 'No department with this id' },
  ]);
  const now = nowIso();
  const placement: Placement = { id: newId(), ...input, version: 1, createdAt: now, updatedAt: now };
  await insertPlacement(placement, idempotency?.guard(placement));
  return placement;
};

export const readPlacement = async (viewer: Viewer, placementId: string): Promise<Placement> => {
  const placement = await findPlacement(placementId);
  if (!placement || !canSeePlacement(viewer, placement)) throw new NotFound('The placement');
  return placement;
};

/** The placements the viewer may see that pass the filters: a department its guests, an enterprise its staff. */
export const listVisiblePlacements = (
  viewer: Viewer,
  filter: PlacementFilter,
  page: { limit: number; cursor?: string },
): Promise<Page<Placement>> => {
  const visibility = placementVisibility(viewer);
  switch (visibility.kind) {
    case 'all':
      return listPlacements(filter, page);
    case 'unit':
      if (filter.unitId !== undefined && filter.unitId !== visibility.unitId) {
        return Promise.resolve(emptyPage());
      }
      return listPlacements({ ...filter, unitId: visibility.unitId }, page);
    case 'enterprise':
      if (filter.enterpriseId !== undefined && filter.enterpriseId !== visibility.enterpriseId) {
        return Promise.resolve(emptyPage());
      }
      return listPlacements({ ...filter, enterpriseId: visibility.enterpriseId }, page);
    case 'none':
      return Promise.resolve(emptyPage());
  }
};

/** Records what the staff member learned and applied (the host department or the service centre). */
export const recordPlacementOutcomes = async (
  viewer: Viewer,
  placementId: string,
  patch: UpdatePlacementBody,
  expectedVersion: number,
): Promise<Placement> => {
  const current = await findPlacement(placementId);
  if (!current || !mayRecordPlacementOutcomes(viewer, current)) throw new NotFound('The placement');
  if (current.version !== expectedVersion) throw new StaleVersion();
  return savePlacementOutcomes(placementId, patch, expectedVersion);
};
