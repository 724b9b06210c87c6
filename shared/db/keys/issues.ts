import type { IndexName, IndexPartition, ItemKey } from './attributes';

/**
 * Issues: by id, with link items for co-handling units in the issue's partition; GSI1 by enterprise,
 * GSI2 by assigned unit (co-units through the link items), GSI3 the sparse work queues (open
 * assignments by due date, awaiting feedback by follow-up deadline, awaiting consultation, awaiting
 * dispatch; the first two sharded), GSI4 by grid, GSI5 by status, GSI6 all.
 */
export const issueKeys = {
  item: (id: string): ItemKey => ({ pk: `ISSUE#${id}`, sk: 'ISSUE' }),
  /**
   * The issue's workflow bookkeeping beside it (signals, the registered wait, the answer to deliver, its
   * own revision): no index keys, so a bookkeeping write costs the small item alone.
   */
  workflow: (id: string): ItemKey => ({ pk: `ISSUE#${id}`, sk: 'WORKFLOW' }),
  /**
   * One outbox entry of the issue (a start or a wait's answer to deliver), put once: its stream
   * record (INSERT) is what triggers its delivery. After the workflow item, so reads of the issue
   * with its workflow item skip it.
   */
  outboxEntry: (issueId: string, entryId: string): ItemKey => ({
    pk: `ISSUE#${issueId}`,
    sk: `WORKFLOW#OUTBOX#${entryId}`,
  }),
  /** The partition of one issue (item, co-unit links, workflow item, outbox entries). */
  ofIssue: (id: string): string => `ISSUE#${id}`,
  /**
   * The sort-key range holding the issue item and its workflow item, and neither its co-unit links
   * (`COUNIT#…` sorts before it) nor its outbox entries (after): one strongly consistent Query reads
   * the issue with its workflow.
   */
  issueWithWorkflow: { from: 'ISSUE', to: 'WORKFLOW' },
  /** A co-handling unit's link to an issue, so the unit's issue list finds it. */
  coUnitLink: (issueId: string, unitId: string): ItemKey => ({
    pk: `ISSUE#${issueId}`,
    sk: `COUNIT#${unitId}`,
  }),
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
