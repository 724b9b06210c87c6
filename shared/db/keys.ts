/**
 * Every key of the program table is built here (single-table design; docs/data-model.md lists the
 * access patterns). GSI1–GSI4 are overloaded: each entity states what it puts in them.
 */
export const INDEXES = ['GSI1', 'GSI2', 'GSI3', 'GSI4'] as const;
export type IndexName = (typeof INDEXES)[number];

export interface ItemKey {
  pk: string;
  sk: string;
}

export type IndexKeys = Partial<Record<`gsi${1 | 2 | 3 | 4}${'pk' | 'sk'}`, string>>;

export const KEY_ATTRIBUTES = [
  'pk',
  'sk',
  'gsi1pk',
  'gsi1sk',
  'gsi2pk',
  'gsi2sk',
  'gsi3pk',
  'gsi3sk',
  'gsi4pk',
  'gsi4sk',
];

export const indexAttributes = (index: IndexName) => {
  const n = index.slice(3);
  return { pk: `gsi${n}pk`, sk: `gsi${n}sk` };
};

export const keys = {
  unit: (id: string): ItemKey => ({ pk: `UNIT#${id}`, sk: 'UNIT' }),
  unitCode: (code: string): ItemKey => ({ pk: `UNIQUE#UNIT_CODE#${code}`, sk: 'UNIQUE' }),
  grid: (id: string): ItemKey => ({ pk: `GRID#${id}`, sk: 'GRID' }),
  gridCode: (code: string): ItemKey => ({ pk: `UNIQUE#GRID_CODE#${code}`, sk: 'UNIQUE' }),
  team: (gridId: string, teamId: string): ItemKey => ({ pk: `GRID#${gridId}`, sk: `TEAM#${teamId}` }),
  teamMembership: (cadreId: string, teamId: string): ItemKey => ({
    pk: `CADRE#${cadreId}`,
    sk: `TEAM#${teamId}`,
  }),
  enterprise: (id: string): ItemKey => ({ pk: `ENT#${id}`, sk: 'ENT' }),
  creditCode: (code: string): ItemKey => ({ pk: `UNIQUE#CREDIT_CODE#${code}`, sk: 'UNIQUE' }),
  cadre: (id: string): ItemKey => ({ pk: `CADRE#${id}`, sk: 'CADRE' }),
  idempotencyGuard: (scopedKey: string): ItemKey => ({ pk: `IDEMPOTENCY#${scopedKey}`, sk: 'GUARD' }),
};

/** One list an entity appears in: which GSI and which partition of it. */
export interface IndexPartition {
  index: IndexName;
  partition: string;
}

/**
 * The GSI attributes of an item that appears in `partitions`. The sort key is always the record's
 * id (a ULID), so every such list runs in creation order.
 */
export const indexKeysOf = (id: string, partitions: readonly IndexPartition[]): IndexKeys => {
  const attributes: Record<string, string> = {};
  for (const { index, partition } of partitions) {
    const { pk, sk } = indexAttributes(index);
    attributes[pk] = partition;
    attributes[sk] = id;
  }
  return attributes as IndexKeys;
};

/** Grids: GSI1 all grids, GSI2 grids of a town. */
export const gridIndexes = {
  all: (): IndexPartition => ({ index: 'GSI1', partition: 'GRID' }),
  byTown: (townUnitId: string): IndexPartition => ({ index: 'GSI2', partition: `GRID#TOWN#${townUnitId}` }),
};

/** Enterprises: GSI1 all, GSI2 by grid, GSI3 by town, GSI4 by industry. */
export const enterpriseIndexes = {
  all: (): IndexPartition => ({ index: 'GSI1', partition: 'ENT' }),
  byGrid: (gridId: string): IndexPartition => ({ index: 'GSI2', partition: `ENT#GRID#${gridId}` }),
  byTown: (townUnitId: string): IndexPartition => ({ index: 'GSI3', partition: `ENT#TOWN#${townUnitId}` }),
  byIndustry: (industry: string): IndexPartition => ({
    index: 'GSI4',
    partition: `ENT#INDUSTRY#${industry}`,
  }),
};

/** Cadres: GSI1 all, GSI2 by unit, GSI3 in or out of the pool. */
export const cadreIndexes = {
  all: (): IndexPartition => ({ index: 'GSI1', partition: 'CADRE' }),
  byUnit: (unitId: string): IndexPartition => ({ index: 'GSI2', partition: `CADRE#UNIT#${unitId}` }),
  byPool: (inPool: boolean): IndexPartition => ({
    index: 'GSI3',
    partition: inPool ? 'CADRE#POOL' : 'CADRE#NOT_POOL',
  }),
};

/** Teams live in their grid's partition, so a grid's teams are one key query. */
export const teamsOfGrid = (gridId: string) => ({ partition: keys.grid(gridId).pk, sortPrefix: 'TEAM#' });
