import type {
  CreatePlanItemBody,
  DesignateKeyEnterpriseBody,
  KeyEnterprise,
  ListingMilestoneRecord,
  MilestoneBody,
  PlanItem,
  ProgressBody,
  UpdateKeyEnterpriseBody,
} from '../../contract/key-enterprises';
import type { IdempotencyToken } from '../../db/creation-guard';
import { programDateOf } from '../../domain/calendar/program-date';
import { Conflict, NotFound, StaleVersion } from '../../domain/errors';
import { newId, nowIso } from '../../domain/ids';
import {
  assertNextMilestone,
  isNamedCadreOnly,
  isOverdue,
  maySeeKeyEnterprise,
  progressStep,
} from '../../domain/key-enterprises';
import type { Caller, Viewer } from '../../domain/viewer';
import { findCadre } from '../../repositories/cadres';
import { findEnterprise } from '../../repositories/enterprises';
import {
  allMilestones,
  allPlanItems,
  findKeyEnterprise,
  findPlanItem,
  insertKeyEnterprise,
  insertMilestone,
  insertPlanItem,
  listKeyEnterprises,
  saveKeyEnterpriseChanges,
  savePlanItemChanges,
} from '../../repositories/key-enterprises';
import type {
  KeyEnterpriseRecord,
  MilestoneRecord,
  PlanItemRecord,
} from '../../repositories/records/key-enterprises';
import { findUnit } from '../../repositories/units';
import { actorOf } from '../appraisals/actor';
import { emptyPage } from '../own-record-page';
import { allFieldsShown, pageView } from '../record-view';
import { assertReferencesFound } from '../references';

const keyEnterpriseView = allFieldsShown<KeyEnterpriseRecord, KeyEnterprise>();
const planItemView = allFieldsShown<PlanItemRecord, PlanItem>();
const milestoneView = allFieldsShown<MilestoneRecord, ListingMilestoneRecord>();
const WRITERS = ['operator', 'admin'] as const;

const assertCadreFound = async (path: string, cadreId: string | undefined) => {
  if (cadreId === undefined) return;
  assertReferencesFound([
    { path, found: (await findCadre(cadreId)) !== undefined, message: 'No cadre with this id' },
  ]);
};

/** Makes an existing enterprise a key enterprise served by an existing cadre (专人); once per enterprise. */
export const designateKeyEnterprise = async (
  caller: Caller,
  input: DesignateKeyEnterpriseBody,
  idempotency?: IdempotencyToken,
): Promise<KeyEnterprise> => {
  const [enterprise, cadre] = await Promise.all([
    findEnterprise(input.enterpriseId),
    findCadre(input.liaisonCadreId),
  ]);
  assertReferencesFound([
    { path: 'body.enterpriseId', found: enterprise !== undefined, message: 'No enterprise with this id' },
    { path: 'body.liaisonCadreId', found: cadre !== undefined, message: 'No cadre with this id' },
  ]);
  const at = nowIso();
  const designation: KeyEnterpriseRecord = {
    id: newId(),
    ...input,
    enterpriseName: enterprise?.name ?? input.enterpriseId,
    designatedBy: actorOf(caller, WRITERS),
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  const view = keyEnterpriseView(designation);
  await insertKeyEnterprise(designation, idempotency?.guard(view));
  return view;
};

const existingKeyEnterprise = async (enterpriseId: string): Promise<KeyEnterpriseRecord> => {
  const designation = await findKeyEnterprise(enterpriseId);
  if (!designation) throw new NotFound('The key enterprise');
  return designation;
};

/** Key enterprises in designation order; a cadre lists only those it serves (another cadre named: none). */
export const readKeyEnterprises = async (
  viewer: Viewer,
  filter: { liaisonCadreId?: string },
  page: { limit: number; cursor?: string },
) => {
  let scoped = filter;
  if (isNamedCadreOnly(viewer)) {
    const own = viewer.cadreId;
    if (own === undefined || (filter.liaisonCadreId !== undefined && filter.liaisonCadreId !== own)) {
      return emptyPage<KeyEnterprise>();
    }
    scoped = { liaisonCadreId: own };
  }
  return pageView(await listKeyEnterprises(scoped, page), keyEnterpriseView);
};

/**
 * The designation, its plan with each open item past its deadline flagged, and the listing track.
 * A cadre other than the named one finds no such key enterprise.
 */
export const readKeyEnterprise = async (viewer: Viewer, enterpriseId: string) => {
  const designation = await existingKeyEnterprise(enterpriseId);
  if (!maySeeKeyEnterprise(viewer, designation)) throw new NotFound('The key enterprise');
  const [items, milestones] = await Promise.all([allPlanItems(enterpriseId), allMilestones(enterpriseId)]);
  const today = programDateOf(nowIso());
  return {
    ...keyEnterpriseView(designation),
    plan: items.map((item) => ({ ...planItemView(item), overdue: isOverdue(item, today) })),
    listing: milestones.map(milestoneView),
  };
};

export const updateKeyEnterprise = async (
  enterpriseId: string,
  patch: UpdateKeyEnterpriseBody,
  expectedVersion: number,
): Promise<KeyEnterprise> => {
  const current = await existingKeyEnterprise(enterpriseId);
  if (current.version !== expectedVersion) throw new StaleVersion();
  await assertCadreFound('body.liaisonCadreId', patch.liaisonCadreId);
  return keyEnterpriseView(await saveKeyEnterpriseChanges({ ...current, ...patch }, patch, expectedVersion));
};

/** Adds a plan item (一企一策) owned by an existing unit, and optionally a cadre of it. */
export const createPlanItem = async (
  enterpriseId: string,
  input: CreatePlanItemBody,
  idempotency?: IdempotencyToken,
): Promise<PlanItem> => {
  await existingKeyEnterprise(enterpriseId);
  const [unit, cadre] = await Promise.all([
    findUnit(input.ownerUnitId),
    input.ownerCadreId === undefined ? undefined : findCadre(input.ownerCadreId),
  ]);
  assertReferencesFound([
    { path: 'body.ownerUnitId', found: unit !== undefined, message: 'No unit with this id' },
    {
      path: 'body.ownerCadreId',
      found: input.ownerCadreId === undefined || cadre !== undefined,
      message: 'No cadre with this id',
    },
  ]);
  const at = nowIso();
  const item: PlanItemRecord = {
    id: newId(),
    enterpriseId,
    ...input,
    status: 'open',
    progressPercent: 0,
    progress: [],
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  const view = planItemView(item);
  await insertPlanItem(item, idempotency?.guard(view));
  return view;
};

/** Progress on a plan item read at `expectedVersion`: forward only, done at 100 %, kept in its history. */
export const reportPlanProgress = async (
  caller: Caller,
  enterpriseId: string,
  itemId: string,
  input: ProgressBody,
  expectedVersion: number,
): Promise<PlanItem> => {
  const item = await findPlanItem(enterpriseId, itemId);
  if (!item) throw new NotFound('The plan item');
  if (item.version !== expectedVersion) throw new StaleVersion();
  const step = progressStep(item, input.progressPercent);
  const report = { at: nowIso(), ...input, by: actorOf(caller, WRITERS) };
  const changes = { ...step, progress: [...item.progress, report] };
  return planItemView(await savePlanItemChanges(item, changes, expectedVersion));
};

/**
 * Records the next listing milestone (股改上市) of a key enterprise that is above scale (规上): others
 * are refused with 409 LISTING_NEEDS_ABOVE_SCALE; milestones come in their fixed order.
 */
export const recordListingMilestone = async (
  caller: Caller,
  enterpriseId: string,
  input: MilestoneBody,
  idempotency?: IdempotencyToken,
): Promise<ListingMilestoneRecord> => {
  await existingKeyEnterprise(enterpriseId);
  const enterprise = await findEnterprise(enterpriseId);
  if (!enterprise?.aboveScale) {
    throw new Conflict(
      'LISTING_NEEDS_ABOVE_SCALE',
      'The listing track (股改上市) is kept for above-scale enterprises only.',
    );
  }
  assertNextMilestone(await allMilestones(enterpriseId), input);
  const milestone: MilestoneRecord = {
    enterpriseId,
    ...input,
    recordedBy: actorOf(caller, WRITERS),
    recordedAt: nowIso(),
  };
  const view = milestoneView(milestone);
  await insertMilestone(milestone, idempotency?.guard(view));
  return view;
};
