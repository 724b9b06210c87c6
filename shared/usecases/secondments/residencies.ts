import type { CreateResidencyBody, EndResidencyBody, Residency } from '../../contract/residencies';
import type { IdempotencyToken } from '../../db/creation-guard';
import type { Page } from '../../db/queries';
import { Conflict, InputRejected, InvalidTransition, NotFound, StaleVersion } from '../../domain/errors';
import { newId, nowIso } from '../../domain/ids';
import { canSeeResidency, residencyVisibility } from '../../domain/secondments';
import type { Viewer } from '../../domain/viewer';
import { findCadre } from '../../repositories/cadres';
import { findEnterprise } from '../../repositories/enterprises';
import type { ResidencyRecord } from '../../repositories/records/residencies';
import {
  findResidency,
  insertResidency,
  listResidencies,
  type ResidencyFilter,
  saveResidencyEnd,
} from '../../repositories/residencies';
import { emptyPage } from '../own-record-page';
import { pageView } from '../record-view';
import { assertReferencesFound } from '../references';
import { residencyView } from './secondment-views';

/**
 * Seconds a pool cadre to an enterprise. The cadre must be in the pool and free of a conflict of
 * interest with the enterprise (回避); the database then refuses a second active residency (the
 * claim item is put with the residency in one transaction), so racing requests yield exactly one.
 */
export const createResidency = async (
  input: CreateResidencyBody,
  idempotency?: IdempotencyToken,
): Promise<Residency> => {
  const [cadre, enterprise] = await Promise.all([
    findCadre(input.cadreId),
    findEnterprise(input.enterpriseId),
  ]);
  assertReferencesFound([
    { path: 'body.cadreId', found: cadre !== undefined, message: 'No cadre with this id' },
    { path: 'body.enterpriseId', found: enterprise !== undefined, message: 'No enterprise with this id' },
  ]);
  if (!cadre?.inPool) {
    throw new Conflict(
      'CADRE_NOT_IN_POOL',
      'Residencies are filled from the cadre pool; this cadre is not in it.',
    );
  }
  if (cadre.conflictEnterpriseIds?.includes(input.enterpriseId)) {
    throw new Conflict(
      'CONFLICT_OF_INTEREST',
      "The cadre's recorded conflicts of interest include this enterprise (回避).",
    );
  }
  const now = nowIso();
  const residency: ResidencyRecord = {
    id: newId(),
    ...input,
    status: 'active',
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const view = residencyView(residency);
  await insertResidency(residency, cadre.unitId, idempotency?.guard(view));
  return view;
};

/** One residency, or 404 alike for a missing one and one outside the viewer's scope. */
export const readResidency = async (viewer: Viewer, residencyId: string): Promise<Residency> => {
  const residency = await findResidency(residencyId);
  if (!residency || !canSeeResidency(viewer, residency)) throw new NotFound('The residency');
  return residencyView(residency);
};

const visibleResidencyRecords = (
  viewer: Viewer,
  filter: ResidencyFilter,
  page: { limit: number; cursor?: string },
): Promise<Page<ResidencyRecord>> => {
  const visibility = residencyVisibility(viewer);
  switch (visibility.kind) {
    case 'all':
      return listResidencies(filter, page);
    case 'cadre':
      if (filter.cadreId !== undefined && filter.cadreId !== visibility.cadreId) {
        return Promise.resolve(emptyPage());
      }
      return listResidencies({ ...filter, cadreId: visibility.cadreId }, page);
    case 'enterprise':
      if (filter.enterpriseId !== undefined && filter.enterpriseId !== visibility.enterpriseId) {
        return Promise.resolve(emptyPage());
      }
      return listResidencies({ ...filter, enterpriseId: visibility.enterpriseId }, page);
    case 'none':
      return Promise.resolve(emptyPage());
  }
};

/** The residencies the viewer may see that pass the filters: a cadre its own, an enterprise those it hosts. */
export const listVisibleResidencies = async (
  viewer: Viewer,
  filter: ResidencyFilter,
  page: { limit: number; cursor?: string },
): Promise<Page<Residency>> => pageView(await visibleResidencyRecords(viewer, filter, page), residencyView);

/**
 * Ends an active residency the caller read at `expectedVersion` and frees the cadre for another
 * (the claim item goes in the same transaction). Ending twice is 409 INVALID_TRANSITION.
 */
export const endResidency = async (
  residencyId: string,
  input: EndResidencyBody,
  expectedVersion: number,
): Promise<Residency> => {
  const current = await findResidency(residencyId);
  if (!current) throw new NotFound('The residency');
  if (current.version !== expectedVersion) throw new StaleVersion();
  if (current.status !== 'active') throw new InvalidTransition('The residency has already ended.');
  if (input.endedOn < current.startDate) {
    throw new InputRejected('VALIDATION_FAILED', 'A residency cannot end before it started.', [
      { path: 'body.endedOn', message: `Must not be before the start date ${current.startDate}` },
    ]);
  }
  const ended: ResidencyRecord = {
    ...current,
    status: 'ended',
    endedOn: input.endedOn,
    ...(input.note === undefined ? {} : { endNote: input.note }),
    version: current.version + 1,
    updatedAt: nowIso(),
  };
  return residencyView(await saveResidencyEnd(ended, expectedVersion));
};
