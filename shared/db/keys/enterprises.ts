import type { IndexPartition, ItemKey } from './attributes';

/** Enterprises: by id; credit code uniqueness through a claim; GSI1 all, GSI2 by grid, GSI3 by town, GSI4 by industry. */
export const enterpriseKeys = {
  item: (id: string): ItemKey => ({ pk: `ENT#${id}`, sk: 'ENT' }),
  creditCode: (code: string): ItemKey => ({ pk: `UNIQUE#CREDIT_CODE#${code}`, sk: 'UNIQUE' }),
  all: (): IndexPartition => ({ index: 'GSI1', partition: 'ENT' }),
  byGrid: (gridId: string): IndexPartition => ({ index: 'GSI2', partition: `ENT#GRID#${gridId}` }),
  byTown: (townUnitId: string): IndexPartition => ({ index: 'GSI3', partition: `ENT#TOWN#${townUnitId}` }),
  byIndustry: (industry: string): IndexPartition => ({
    index: 'GSI4',
    partition: `ENT#INDUSTRY#${industry}`,
  }),
};
