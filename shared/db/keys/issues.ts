import type { IndexName, IndexPartition, ItemKey } from './attributes';

/**
 * Issues: by id, with link items for co-handling units in the issue's partition; in the keys-only
 * issue indexes IGSI1 by enterprise, IGSI2 by assigned unit (co-units through the link items), IGSI3
 * the sparse work queues (open assignments by due date, awaiting feedback by follow-up deadline,
 * awaiting consultation, awaiting dispatch; the first two sharded), IGSI4 by grid, IGSI5 by status,
 * IGSI6 all.
 */
export const issueKeys = {
  item: (id: string): ItemKey => ({ pk: `ISSUE#${id}`, sk: 'ISSUE' }),
  /** The issue an entry of an issue index stands for (the issue item or a co-unit link: same partition). */
  idOf: (entry: ItemKey): string => entry.pk.slice('ISSUE#'.length),
  /** A co-handling unit's link to an issue, so the unit's issue list finds it. */
  coUnitLink: (issueId: string, unitId: string): ItemKey => ({
    pk: `ISSUE#${issueId}`,
    sk: `COUNIT#${unitId}`,
  }),
  byEnterprise: (enterpriseId: string): IndexPartition => ({
    index: 'IGSI1',
    partition: `ISSUE#ENT#${enterpriseId}`,
  }),
  byUnit: (unitId: string): IndexPartition => ({ index: 'IGSI2', partition: `ISSUE#UNIT#${unitId}` }),
  openAssignments: (shard: number, dueDate?: string, id?: string): IndexPartition => ({
    index: 'IGSI3',
    partition: `QUEUE#OPEN_ASSIGNMENT#${shard}`,
    sort: dueDate && `${dueDate}#${id}`,
  }),
  awaitingFeedback: (shard: number, deadline?: string, id?: string): IndexPartition => ({
    index: 'IGSI3',
    partition: `QUEUE#AWAITING_FEEDBACK#${shard}`,
    sort: deadline && `${deadline}#${id}`,
  }),
  awaitingConsultation: (): IndexPartition => ({ index: 'IGSI3', partition: 'QUEUE#AWAITING_CONSULTATION' }),
  awaitingDispatch: (): IndexPartition => ({ index: 'IGSI3', partition: 'QUEUE#AWAITING_DISPATCH' }),
  byGrid: (gridId: string): IndexPartition => ({ index: 'IGSI4', partition: `ISSUE#GRID#${gridId}` }),
  byStatus: (status: string): IndexPartition => ({ index: 'IGSI5', partition: `ISSUE#STATUS#${status}` }),
  all: (): IndexPartition => ({ index: 'IGSI6', partition: 'ISSUE' }),
};

/**
 * The ledger table: one partition per issue, entries in sequence order. GSI1: entries by program day
 * (Asia/Shanghai), in time order within the day. The ledger export reads a period as one query per
 * day, days in parallel. One partition per day holds a province's busiest day comfortably (tens of
 * writes a second at most), so it is not sharded.
 */
export const LEDGER_INDEX: IndexName = 'GSI1';

export const ledgerKeys = {
  entry: (issueId: string, seq: number): ItemKey => ({
    pk: `ISSUE#${issueId}`,
    sk: `SEQ#${String(seq).padStart(10, '0')}`,
  }),
  /** The partition of an issue's whole ledger. */
  ofIssue: (issueId: string): string => `ISSUE#${issueId}`,
  byDay: (date: string, at: string, issueId: string, seq: number): { gsi1pk: string; gsi1sk: string } => ({
    gsi1pk: `LEDGER#DAY#${date}`,
    // The instant normalised to UTC, so entries stamped with different offsets still sort by time.
    gsi1sk: `${new Date(at).toISOString()}#${issueId}#${String(seq).padStart(10, '0')}`,
  }),
  dayPartition: (date: string): IndexPartition => ({ index: LEDGER_INDEX, partition: `LEDGER#DAY#${date}` }),
};
