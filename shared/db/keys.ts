/**
 * Every key of the program table is built here (single-table design; docs/data-model.md lists the
 * access patterns). GSI1–GSI6 are overloaded: each entity states what it puts in them.
 */
export const INDEXES = ['GSI1', 'GSI2', 'GSI3', 'GSI4', 'GSI5', 'GSI6'] as const;
export type IndexName = (typeof INDEXES)[number];

export interface ItemKey {
  pk: string;
  sk: string;
}

export type IndexKeys = Partial<Record<`gsi${1 | 2 | 3 | 4 | 5 | 6}${'pk' | 'sk'}`, string>>;

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
  'gsi5pk',
  'gsi5sk',
  'gsi6pk',
  'gsi6sk',
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
  issue: (id: string): ItemKey => ({ pk: `ISSUE#${id}`, sk: 'ISSUE' }),
  /** A co-handling unit's link to an issue, so the unit's issue list finds it. */
  coUnitLink: (issueId: string, unitId: string): ItemKey => ({
    pk: `ISSUE#${issueId}`,
    sk: `COUNIT#${unitId}`,
  }),
  /** Ledger table: one partition per issue, entries in sequence order. */
  ledgerEntry: (issueId: string, seq: number): ItemKey => ({
    pk: `ISSUE#${issueId}`,
    sk: `SEQ#${String(seq).padStart(10, '0')}`,
  }),
  unitQuarterCounters: (unitId: string, quarter: string): ItemKey => ({
    pk: `UNITSTATS#${unitId}`,
    sk: `Q#${quarter}`,
  }),
  consultation: (id: string): ItemKey => ({ pk: `CONSULT#${id}`, sk: 'CONSULT' }),
  /** One consultation per date: a second round-table on the same day is a client mistake. */
  consultationDate: (date: string): ItemKey => ({ pk: `UNIQUE#CONSULTATION_DATE#${date}`, sk: 'UNIQUE' }),
  dispatchOrder: (id: string): ItemKey => ({ pk: `DORDER#${id}`, sk: 'DORDER' }),
  /** A unit named in a dispatch order (lead or co), so the unit's order list finds it. */
  dispatchOrderUnit: (orderId: string, unitId: string): ItemKey => ({
    pk: `DORDER#${orderId}`,
    sk: `UNIT#${unitId}`,
  }),
  /** The last dispatch order number given out in a year. */
  dispatchOrderCounter: (year: string): ItemKey => ({ pk: 'COUNTER#DISPATCH_ORDER', sk: `YEAR#${year}` }),
  /** The weekly inspection of an ISO week (`2026-W48`): written once every unit's report is stored. */
  inspectionWeek: (week: string): ItemKey => ({ pk: `INSPECTION#${week}`, sk: 'WEEK' }),
  /** One unit's row of a week's inspection, in the week's partition (one query reads the report). */
  inspectionReport: (week: string, unitId: string): ItemKey => ({
    pk: `INSPECTION#${week}`,
    sk: `UNIT#${unitId}`,
  }),
};

/** One list an entity appears in: which GSI and which partition of it. */
export interface IndexPartition {
  index: IndexName;
  partition: string;
  /** Sort key within the partition; the record's id when omitted. */
  sort?: string;
}

/**
 * The GSI attributes of an item that appears in `partitions`. The sort key is the record's id (a
 * ULID, so the list runs in creation order) unless the partition names another.
 */
export const indexKeysOf = (id: string, partitions: readonly IndexPartition[]): IndexKeys => {
  const attributes: Record<string, string> = {};
  for (const { index, partition, sort } of partitions) {
    const { pk, sk } = indexAttributes(index);
    attributes[pk] = partition;
    attributes[sk] = sort ?? id;
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

/** Work queues in GSI3 are sharded so that a province's open assignments never crowd one partition. */
export const QUEUE_SHARDS = 8;

export const shardOf = (id: string): number => {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % QUEUE_SHARDS;
};

/**
 * Issues: GSI1 by enterprise, GSI2 by assigned unit (co-units through link items), GSI3 the sparse work
 * queues (open assignments by due date, awaiting feedback by follow-up deadline, awaiting consultation,
 * awaiting dispatch), GSI4 by grid, GSI5 by status, GSI6 all.
 */
export const issueIndexes = {
  byEnterprise: (enterpriseId: string): IndexPartition => ({
    index: 'GSI1',
    partition: `ISSUE#ENT#${enterpriseId}`,
  }),
  byUnit: (unitId: string): IndexPartition => ({ index: 'GSI2', partition: `ISSUE#UNIT#${unitId}` }),
  openAssignments: (shard: number, dueDate?: string, id?: string): IndexPartition => ({
    index: 'GSI3',
    partition: `QUEUE#OPEN_ASSIGNMENT#${shard}`,
    sort: dueDate && `${dueDate}#${id}`,
  }),
  awaitingFeedback: (shard: number, deadline?: string, id?: string): IndexPartition => ({
    index: 'GSI3',
    partition: `QUEUE#AWAITING_FEEDBACK#${shard}`,
    sort: deadline && `${deadline}#${id}`,
  }),
  awaitingConsultation: (): IndexPartition => ({ index: 'GSI3', partition: 'QUEUE#AWAITING_CONSULTATION' }),
  awaitingDispatch: (): IndexPartition => ({ index: 'GSI3', partition: 'QUEUE#AWAITING_DISPATCH' }),
  byGrid: (gridId: string): IndexPartition => ({ index: 'GSI4', partition: `ISSUE#GRID#${gridId}` }),
  byStatus: (status: string): IndexPartition => ({ index: 'GSI5', partition: `ISSUE#STATUS#${status}` }),
  all: (): IndexPartition => ({ index: 'GSI6', partition: 'ISSUE' }),
};

/**
 * Dispatch orders in number order (`dispatchOrderSortKey`): GSI1 all, GSI2 those naming a unit as lead
 * or co-unit (through the order's unit items).
 */
export const dispatchOrderIndexes = {
  all: (sortKey?: string): IndexPartition => ({ index: 'GSI1', partition: 'DORDER', sort: sortKey }),
  byUnit: (unitId: string, sortKey?: string): IndexPartition => ({
    index: 'GSI2',
    partition: `DORDER#UNIT#${unitId}`,
    sort: sortKey,
  }),
};

/** Unit counters of one quarter, all units together: what quarterly scoring reads (GSI1). */
export const unitCounterIndexes = {
  byQuarter: (quarter: string, unitId: string): IndexPartition => ({
    index: 'GSI1',
    partition: `UNITSTATS#${quarter}`,
    sort: unitId,
  }),
};
