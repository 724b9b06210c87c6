import type { IndexPartition, ItemKey } from './attributes';

/** Placements (跟班学习): by id; GSI1 all, GSI2 by host department, GSI3 by enterprise, in creation order. */
export const placementKeys = {
  item: (id: string): ItemKey => ({ pk: `PLACEMENT#${id}`, sk: 'PLACEMENT' }),
  all: (): IndexPartition => ({ index: 'GSI1', partition: 'PLACEMENT' }),
  byUnit: (unitId: string): IndexPartition => ({ index: 'GSI2', partition: `PLACEMENT#UNIT#${unitId}` }),
  byEnterprise: (enterpriseId: string): IndexPartition => ({
    index: 'GSI3',
    partition: `PLACEMENT#ENT#${enterpriseId}`,
  }),
};
