import type { IndexPartition, ItemKey } from './attributes';

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
