import type { CreationGuard } from '../db/creation-guard';
import { equalityFilter } from '../db/equality-filter';
import { type IndexPartition, indexKeysOf, placementKeys } from '../db/keys';
import { type Page, queryPage } from '../db/queries';
import { createRecords, getRecord, updateVersioned } from '../db/records';
import { Conflict } from '../domain/errors';
import { programStatsUpdate } from './program-stats';
import type { PlacementRecord } from './records/placements';

/**
 * Placements (跟班学习). Access patterns: by id (pk); all (GSI1), by host department (GSI2), by
 * enterprise (GSI3), each in creation order.
 */
export const insertPlacement = (placement: PlacementRecord, guard?: CreationGuard) =>
  createRecords(
    [
      {
        item: {
          ...placementKeys.item(placement.id),
          ...indexKeysOf(placement.id, [
            placementKeys.all(),
            placementKeys.byUnit(placement.unitId),
            placementKeys.byEnterprise(placement.enterpriseId),
          ]),
          entity: 'placement',
          ...placement,
        },
        onTaken: () => new Conflict('CONFLICT', `Placement ${placement.id} already exists.`),
      },
    ],
    guard,
    [programStatsUpdate(placement.startDate, placement.id, { placements: 1 })],
  );

export const findPlacement = (placementId: string) =>
  getRecord<PlacementRecord>(placementKeys.item(placementId));

export interface PlacementFilter {
  unitId?: string;
  enterpriseId?: string;
}

/** An enterprise sends one or two staff, a department hosts a few: the enterprise key leads. */
export const placementQueryPlan = ({ unitId, enterpriseId }: PlacementFilter) => {
  let partition: IndexPartition;
  let rest: PlacementFilter;
  if (enterpriseId) {
    partition = placementKeys.byEnterprise(enterpriseId);
    rest = { unitId };
  } else if (unitId) {
    partition = placementKeys.byUnit(unitId);
    rest = {};
  } else {
    partition = placementKeys.all();
    rest = {};
  }
  return { ...partition, filter: equalityFilter({ ...rest }) };
};

export const listPlacements = (
  filter: PlacementFilter,
  page: { limit: number; cursor?: string },
): Promise<Page<PlacementRecord>> => queryPage<PlacementRecord>({ ...placementQueryPlan(filter), ...page });

export const savePlacementOutcomes = (
  placementId: string,
  changes: Pick<Partial<PlacementRecord>, 'learned' | 'applied'>,
  expectedVersion: number,
) =>
  updateVersioned<PlacementRecord>(
    placementKeys.item(placementId),
    expectedVersion,
    changes,
    'The placement',
  );
