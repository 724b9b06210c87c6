import type { IndexPartition, ItemKey } from './attributes';

/**
 * Issues: by id, with link items for co-handling units in the issue's partition; GSI1 by enterprise,
 * GSI2 by assigned unit (co-units through the link items), GSI3 the sparse work queues (open
 * assignments by due date, awaiting feedback by follow-up deadline, awaiting consultation, awaiting
 * dispatch; the first two sharded), GSI4 by grid, GSI5 by status, GSI6 all.
 */
export const issueKeys = {
  item: (id: string): ItemKey => ({ pk: `ISSUE#${id}`, sk: 'ISSUE' }),
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
