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
