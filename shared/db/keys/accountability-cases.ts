import type { IndexPartition, ItemKey } from './attributes';

/** Accountability cases: by id; GSI1 all, GSI2 by cadre, GSI3 by the cadre's unit, in creation order. */
export const accountabilityCaseKeys = {
  item: (id: string): ItemKey => ({ pk: `ACASE#${id}`, sk: 'ACASE' }),
  all: (): IndexPartition => ({ index: 'GSI1', partition: 'ACASE' }),
  byCadre: (cadreId: string): IndexPartition => ({ index: 'GSI2', partition: `ACASE#CADRE#${cadreId}` }),
  byUnit: (unitId: string): IndexPartition => ({ index: 'GSI3', partition: `ACASE#UNIT#${unitId}` }),
};
