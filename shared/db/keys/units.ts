import type { IndexPartition, ItemKey } from './attributes';

/** Units: by id; code uniqueness through a claim; GSI1 all units, GSI2 units of a kind, in creation order. */
export const unitKeys = {
  item: (id: string): ItemKey => ({ pk: `UNIT#${id}`, sk: 'UNIT' }),
  code: (code: string): ItemKey => ({ pk: `UNIQUE#UNIT_CODE#${code}`, sk: 'UNIQUE' }),
  all: (): IndexPartition => ({ index: 'GSI1', partition: 'UNIT' }),
  byKind: (kind: string): IndexPartition => ({ index: 'GSI2', partition: `UNIT#KIND#${kind}` }),
};
