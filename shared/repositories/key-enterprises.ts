import type { CreationGuard } from '../db/creation-guard';
import { indexKeysOf, keyEnterpriseKeys } from '../db/keys';
import { type Page, queryAll, queryPage } from '../db/queries';
import { createRecords, getRecord, updateVersioned } from '../db/records';
import { Conflict, InvalidTransition } from '../domain/errors';
import { LISTING_MILESTONES } from '../domain/key-enterprises';
import type { KeyEnterpriseRecord, MilestoneRecord, PlanItemRecord } from './records/key-enterprises';

/**
 * Key enterprises. Access patterns: a designation by enterprise id (one per enterprise); all (GSI1)
 * and by named cadre (GSI2) in designation order; an enterprise's plan items and milestones by key
 * query of its partition.
 */
const partitionsOf = (designation: Pick<KeyEnterpriseRecord, 'liaisonCadreId'>) => [
  keyEnterpriseKeys.all(),
  keyEnterpriseKeys.byLiaison(designation.liaisonCadreId),
];

export const insertKeyEnterprise = (designation: KeyEnterpriseRecord, guard?: CreationGuard) =>
  createRecords(
    [
      {
        item: {
          ...keyEnterpriseKeys.item(designation.enterpriseId),
          ...indexKeysOf(designation.id, partitionsOf(designation)),
          entity: 'keyEnterprise',
          ...designation,
        },
        onTaken: () => new Conflict('KEY_ENTERPRISE_EXISTS', 'This enterprise is already a key enterprise.'),
      },
    ],
    guard,
  );

export const findKeyEnterprise = (enterpriseId: string) =>
  getRecord<KeyEnterpriseRecord>(keyEnterpriseKeys.item(enterpriseId));

export const listKeyEnterprises = (
  filter: { liaisonCadreId?: string },
  page: { limit: number; cursor?: string },
): Promise<Page<KeyEnterpriseRecord>> =>
  queryPage<KeyEnterpriseRecord>({
    ...(filter.liaisonCadreId ? keyEnterpriseKeys.byLiaison(filter.liaisonCadreId) : keyEnterpriseKeys.all()),
    ...page,
  });

/** Writes `changes` at `expectedVersion`, moving the designation to the new cadre's list. */
export const saveKeyEnterpriseChanges = (
  next: KeyEnterpriseRecord,
  changes: Partial<KeyEnterpriseRecord>,
  expectedVersion: number,
) =>
  updateVersioned<KeyEnterpriseRecord>(
    keyEnterpriseKeys.item(next.enterpriseId),
    expectedVersion,
    { ...changes, ...indexKeysOf(next.id, partitionsOf(next)) },
    'The key enterprise',
  );

export const insertPlanItem = (item: PlanItemRecord, guard?: CreationGuard) =>
  createRecords(
    [
      {
        item: { ...keyEnterpriseKeys.planItem(item.enterpriseId, item.id), entity: 'planItem', ...item },
        onTaken: () => new Conflict('CONFLICT', `Plan item ${item.id} already exists.`),
      },
    ],
    guard,
  );

export const findPlanItem = (enterpriseId: string, itemId: string) =>
  getRecord<PlanItemRecord>(keyEnterpriseKeys.planItem(enterpriseId, itemId));

export const savePlanItemChanges = (
  item: PlanItemRecord,
  changes: Partial<PlanItemRecord>,
  expectedVersion: number,
) =>
  updateVersioned<PlanItemRecord>(
    keyEnterpriseKeys.planItem(item.enterpriseId, item.id),
    expectedVersion,
    changes,
    'The plan item',
  );

/** An enterprise's plan (a plan holds tens of items). */
export const allPlanItems = (enterpriseId: string): Promise<PlanItemRecord[]> =>
  queryAll<PlanItemRecord>(keyEnterpriseKeys.planOf(enterpriseId));

/**
 * A milestone at its place in the fixed order: a second write of the same place (two requests racing
 * for the next milestone) is refused by the database, not by the prior read.
 */
export const insertMilestone = (milestone: MilestoneRecord, guard?: CreationGuard) =>
  createRecords(
    [
      {
        item: {
          ...keyEnterpriseKeys.milestone(
            milestone.enterpriseId,
            LISTING_MILESTONES.indexOf(milestone.milestone),
          ),
          entity: 'listingMilestone',
          ...milestone,
        },
        onTaken: () => new InvalidTransition(`The milestone ${milestone.milestone} is already recorded.`),
      },
    ],
    guard,
  );

export const allMilestones = (enterpriseId: string): Promise<MilestoneRecord[]> =>
  queryAll<MilestoneRecord>(keyEnterpriseKeys.milestonesOf(enterpriseId));
