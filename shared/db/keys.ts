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
  /** One shard of a program day's headline figures (`GET /stats`); a period is a key range per shard. */
  programDayStats: (shard: number, date: string): ItemKey => ({ pk: `PSTATS#${shard}`, sk: `DAY#${date}` }),
  expert: (id: string): ItemKey => ({ pk: `EXPERT#${id}`, sk: 'EXPERT' }),
  /** An expert's engagements live in the expert's partition: one key query lists them. */
  expertEngagement: (expertId: string, id: string): ItemKey => ({
    pk: `EXPERT#${expertId}`,
    sk: `ENGAGEMENT#${id}`,
  }),
  training: (id: string): ItemKey => ({ pk: `TRAINING#${id}`, sk: 'TRAINING' }),
  /** One item per attendee of a training (`attendeeKey`): a second attendance cannot be written. */
  trainingAttendance: (trainingId: string, attendeeKey: string): ItemKey => ({
    pk: `TRAINING#${trainingId}`,
    sk: `ATTENDEE#${attendeeKey}`,
  }),
  accountabilityCase: (id: string): ItemKey => ({ pk: `ACASE#${id}`, sk: 'ACASE' }),
  /** A cadre's promotions live in the cadre's partition beside the team memberships. */
  promotion: (cadreId: string, id: string): ItemKey => ({ pk: `CADRE#${cadreId}`, sk: `PROMOTION#${id}` }),
  visit: (id: string): ItemKey => ({ pk: `VISIT#${id}`, sk: 'VISIT' }),
  /** How many enterprises a grid holds now (kept by enterprise creation and moves). */
  gridEnterpriseCount: (gridId: string): ItemKey => ({ pk: `GRID#${gridId}`, sk: 'ENTERPRISE_COUNT' }),
  /** How many distinct enterprises of a grid were visited in a year. */
  gridYearCoverage: (gridId: string, year: number): ItemKey => ({
    pk: `COVERAGE#${gridId}#${year}`,
    sk: 'COUNT',
  }),
  /** First-visit marker: the enterprise was visited in the grid in the year (put once, never changed). */
  gridYearVisited: (gridId: string, year: number, enterpriseId: string): ItemKey => ({
    pk: `COVERAGE#${gridId}#${year}`,
    sk: `VISITED#${enterpriseId}`,
  }),
  /** A unit's party-building points of a quarter (versioned). */
  partyPoints: (unitId: string, quarter: string): ItemKey => ({
    pk: `UNIT#${unitId}`,
    sk: `PARTY#${quarter}`,
  }),
  /** The published ranking of a quarter: which revision is current, with its content hash. */
  rankingHead: (quarter: string): ItemKey => ({ pk: `RANKING#${quarter}`, sk: 'HEAD' }),
  /** One row of one revision of a quarter's ranking, in group and rank order. */
  rankingRow: (quarter: string, revision: number, group: string, rank: number, unitId: string): ItemKey => ({
    pk: `RANKING#${quarter}`,
    sk: `${rankingRevisionPrefix(revision)}${group}#${String(rank).padStart(6, '0')}#${unitId}`,
  }),
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

/** Experts: GSI1 all, GSI2 by profession, in creation order. */
export const expertIndexes = {
  all: (): IndexPartition => ({ index: 'GSI1', partition: 'EXPERT' }),
  byProfession: (profession: string): IndexPartition => ({
    index: 'GSI2',
    partition: `EXPERT#PROFESSION#${profession}`,
  }),
};

/** Trainings by date (`date#id`): GSI1 all, GSI2 by organising unit. */
export const trainingIndexes = {
  all: (sort?: string): IndexPartition => ({ index: 'GSI1', partition: 'TRAINING', sort }),
  byOrganizer: (unitId: string, sort?: string): IndexPartition => ({
    index: 'GSI2',
    partition: `TRAINING#UNIT#${unitId}`,
    sort,
  }),
};

/** Accountability cases: GSI1 all, GSI2 by cadre, GSI3 by the cadre's unit, in creation order. */
export const accountabilityCaseIndexes = {
  all: (): IndexPartition => ({ index: 'GSI1', partition: 'ACASE' }),
  byCadre: (cadreId: string): IndexPartition => ({ index: 'GSI2', partition: `ACASE#CADRE#${cadreId}` }),
  byUnit: (unitId: string): IndexPartition => ({ index: 'GSI3', partition: `ACASE#UNIT#${unitId}` }),
};
/**
 * Visits, newest first by visit date (`date#id`): GSI1 by grid, GSI2 by enterprise, GSI4 by year of the
 * visit date (the service centre's lists by period; a year partition holds a province's visits easily).
 */
export const visitSortKey = (date: string, id: string) => `${date}#${id}`;

export const visitIndexes = {
  byGrid: (gridId: string, sort?: string): IndexPartition => ({
    index: 'GSI1',
    partition: `VISIT#GRID#${gridId}`,
    sort,
  }),
  byEnterprise: (enterpriseId: string, sort?: string): IndexPartition => ({
    index: 'GSI2',
    partition: `VISIT#ENT#${enterpriseId}`,
    sort,
  }),
  byYear: (year: number, sort?: string): IndexPartition => ({
    index: 'GSI4',
    partition: `VISIT#YEAR#${year}`,
    sort,
  }),
};
/**
 * Ledger table GSI1: entries by program day (Asia/Shanghai), in time order within the day. The ledger
 * export reads a period as one query per day, days in parallel. One partition per day holds a
 * province's busiest day comfortably (tens of writes a second at most), so it is not sharded.
 */
export const LEDGER_INDEX: IndexName = 'GSI1';
export const ledgerIndexKeys = (
  date: string,
  at: string,
  issueId: string,
  seq: number,
): { gsi1pk: string; gsi1sk: string } => ({
  gsi1pk: `LEDGER#DAY#${date}`,
  // The instant normalised to UTC, so entries stamped with different offsets still sort by time.
  gsi1sk: `${new Date(at).toISOString()}#${issueId}#${String(seq).padStart(10, '0')}`,
});
export const ledgerDayPartition = (date: string): string => `LEDGER#DAY#${date}`;

/** Secondments (驻企挂职 residencies, 跟班学习 placements) and what matching reads about cadres. */
export const secondmentKeys = {
  residency: (id: string): ItemKey => ({ pk: `RES#${id}`, sk: 'RES' }),
  /**
   * The claim a cadre's one active residency holds (`ownerId` = the residency): put with
   * attribute_not_exists when a residency starts, deleted when it ends, so the database refuses a
   * second one however many requests race.
   */
  activeResidency: (cadreId: string): ItemKey => ({ pk: `UNIQUE#ACTIVE_RESIDENCY#${cadreId}`, sk: 'UNIQUE' }),
  /** A service log entry, in its residency's partition (a residency's services: one key query). */
  residencyService: (residencyId: string, entryId: string): ItemKey => ({
    pk: `RES#${residencyId}`,
    sk: `SERVICE#${entryId}`,
  }),
  residencyServicePrefix: 'SERVICE#',
  /** The enterprise's evaluation of a residency: one per residency. */
  residencyEvaluation: (residencyId: string): ItemKey => ({ pk: `RES#${residencyId}`, sk: 'EVALUATION' }),
  /** Sum and count of the fit scores a cadre's residencies received (past fit satisfaction for matching). */
  cadreFitScores: (cadreId: string): ItemKey => ({ pk: `CADRE#${cadreId}`, sk: 'FIT_SCORES' }),
  placement: (id: string): ItemKey => ({ pk: `PLACEMENT#${id}`, sk: 'PLACEMENT' }),
};

/** Residencies: GSI1 all, GSI2 by batch, GSI3 by cadre, GSI4 by enterprise, each in creation order. */
export const residencyIndexes = {
  all: (): IndexPartition => ({ index: 'GSI1', partition: 'RES' }),
  byBatch: (batch: string): IndexPartition => ({ index: 'GSI2', partition: `RES#BATCH#${batch}` }),
  byCadre: (cadreId: string): IndexPartition => ({ index: 'GSI3', partition: `RES#CADRE#${cadreId}` }),
  byEnterprise: (enterpriseId: string): IndexPartition => ({
    index: 'GSI4',
    partition: `RES#ENT#${enterpriseId}`,
  }),
};

/** Placements: GSI1 all, GSI2 by host department, GSI3 by enterprise, each in creation order. */
export const placementIndexes = {
  all: (): IndexPartition => ({ index: 'GSI1', partition: 'PLACEMENT' }),
  byUnit: (unitId: string): IndexPartition => ({ index: 'GSI2', partition: `PLACEMENT#UNIT#${unitId}` }),
  byEnterprise: (enterpriseId: string): IndexPartition => ({
    index: 'GSI3',
    partition: `PLACEMENT#ENT#${enterpriseId}`,
  }),
};
/** Party-building points of one quarter, all units together (GSI1): what quarterly scoring reads. */
export const partyPointsIndexes = {
  byQuarter: (quarter: string, unitId: string): IndexPartition => ({
    index: 'GSI1',
    partition: `PARTY#${quarter}`,
    sort: unitId,
  }),
};

/** The sort-key prefix of one revision's rows in a quarter's ranking partition. */
export const rankingRevisionPrefix = (revision: number): string =>
  `REV#${String(revision).padStart(6, '0')}#`;

/** Cadre assessments (专项考察) and what the annual appraisal's excellent quota reads. */
export const assessmentKeys = {
  /** A residency's one assessment, in the residency's partition: a second cannot be written. */
  assessment: (residencyId: string): ItemKey => ({ pk: `RES#${residencyId}`, sk: 'ASSESSMENT' }),
  /**
   * A marker per calendar year a residency spans (startDate to planned endDate), written with the
   * residency: who was seconded in a year, by the cadre's unit at the time, without a scan.
   */
  secondedYear: (residencyId: string, year: string): ItemKey => ({
    pk: `RES#${residencyId}`,
    sk: `SECONDED#${year}`,
  }),
};

/** Assessments: GSI1 by year, GSI2 by the cadre's unit (`year#id`). Seconded markers: GSI3 by year. */
export const assessmentIndexes = {
  byYear: (year: string): IndexPartition => ({ index: 'GSI1', partition: `ASSESS#YEAR#${year}` }),
  byUnit: (unitId: string, year: string, id?: string): IndexPartition => ({
    index: 'GSI2',
    partition: `ASSESS#UNIT#${unitId}`,
    sort: id && `${year}#${id}`,
  }),
  /** Sort `unitId#cadreId#residencyId`: one unit's seconded cadres are a prefix. */
  secondedInYear: (year: string, sort?: string): IndexPartition => ({
    index: 'GSI3',
    partition: `SECONDED#YEAR#${year}`,
    sort,
  }),
};

/** Attachments: by id (pk); GSI1 by owner record, in upload-request order. */
export const attachmentKey = (id: string): ItemKey => ({ pk: `ATTACH#${id}`, sk: 'ATTACH' });
export const attachmentIndexes = {
  byOwner: (kind: string, ownerId: string): IndexPartition => ({
    index: 'GSI1',
    partition: `ATTACH#OWNER#${kind}#${ownerId}`,
  }),
};
