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
import type { PlacementRecord } from '../../repositories/records/placements';
import { findUnit } from '../../repositories/units';
import { emptyPage } from '../own-record-page';
import { pageView } from '../record-view';
import { assertReferencesFound } from '../references';
import { placementView } from './secondment-views';

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
  const placement: PlacementRecord = { id: newId(), ...input, version: 1, createdAt: now, updatedAt: now };
  const view = placementView(placement);
  await insertPlacement(placement, idempotency?.guard(view));
  return view;
};

export const readPlacement = async (viewer: Viewer, placementId: string): Promise<Placement> => {
  const placement = await findPlacement(placementId);
  if (!placement || !canSeePlacement(viewer, placement)) throw new NotFound('The placement');
  return placementView(placement);
};

const visiblePlacementRecords = (
  viewer: Viewer,
  filter: PlacementFilter,
  page: { limit: number; cursor?: string },
): Promise<Page<PlacementRecord>> => {
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

/** The placements the viewer may see that pass the filters: a department its guests, an enterprise its staff. */
export const listVisiblePlacements = async (
  viewer: Viewer,
  filter: PlacementFilter,
  page: { limit: number; cursor?: string },
): Promise<Page<Placement>> => pageView(await visiblePlacementRecords(viewer, filter, page), placementView);

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
  return placementView(await savePlacementOutcomes(placementId, patch, expectedVersion));
};
