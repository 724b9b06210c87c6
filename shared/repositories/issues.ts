import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { tableNames } from '../config';
import { conditionRefused } from '../db/cancellation';
import { documentClient } from '../db/client';
import type { CreationGuard } from '../db/creation-guard';
import { indexKeysOf, issueKeys, ledgerKeys, scoringKeys } from '../db/keys';
import { queryAll, queryPage } from '../db/queries';
import { createRecords, type GuardedPut, getRecords, type TransactItem } from '../db/records';
import { programDateOf } from '../domain/calendar';
import { Conflict } from '../domain/errors';
import type { CounterDelta } from '../domain/issues/commands';
import type { Actor, Issue } from '../domain/issues/issue';
import type { Transition } from '../domain/issues/lifecycle';
import { programCountsOf } from '../domain/issues/program-counts';
import { chainEntry, type LedgerEntry } from '../domain/ledger/hash-chain';
import { raisedBreakdownOf } from '../domain/program-stats';
import { coUnitLinkItem, issueItem } from './issue-items';
import { programStatsUpdate } from './program-stats';
import { type StoredWorkflow, withWorkflow, workflowWrites } from './workflow-items';

export type { TransactItem } from '../db/records';

/**
 * An issue as read, its workflow bookkeeping included, with the workflow item's revision (undefined
 * when it has none yet) that a transition writing that item must match.
 */
export interface StoredIssue {
  issue: Issue;
  workflowRev: number | undefined;
}

/** Another writer changed the issue between our read and our write; nothing was written. */
export class StaleIssueError extends Error {
  override readonly name = 'StaleIssueError';
}

/** A ledger entry as stored: its key, its place in the by-year index (GSI2), and the entry itself. */
export const ledgerItem = (entry: LedgerEntry) => ({
  ...ledgerKeys.entry(entry.issueId, entry.seq),
  ...ledgerKeys.byYear(programDateOf(entry.at).slice(0, 4), entry.at, entry.issueId, entry.seq),
  ...entry,
});

/**
 * The issue with its workflow item: one strongly consistent Query of their two adjacent sort keys
 * (the workflow item is the one with a `rev`, the issue the one with an `id`).
 */
export const findIssue = async (issueId: string): Promise<StoredIssue | undefined> => {
  const items = await queryAll<Partial<Issue & StoredWorkflow>>({
    partition: issueKeys.ofIssue(issueId),
    sortBetween: issueKeys.issueWithWorkflow,
    consistent: true,
  });
  const issue = items.find((item) => item.id === issueId) as Issue | undefined;
  if (!issue) return undefined;
  const workflow = items.find((item) => item.rev !== undefined) as StoredWorkflow | undefined;
  return { issue: withWorkflow(issue, workflow), workflowRev: workflow?.rev };
};

/** The guarded puts that create a raised issue: the issue item and its first ledger entry. */
export const issueCreationPuts = (issue: Issue, entry: LedgerEntry): GuardedPut[] => [
  { item: issueItem(issue), onTaken: () => new Conflict('CONFLICT', `Issue ${issue.id} already exists.`) },
  {
    item: ledgerItem(entry),
    tableName: tableNames.ledger,
    onTaken: () => new Conflict('CONFLICT', `Ledger of issue ${issue.id} already started.`),
  },
];

/** Counts a raised issue, by category and type too, in the program's figures of the day it was raised (same transaction). */
export const raisedIssueCount = (issue: Issue, entry: LedgerEntry): TransactItem =>
  programStatsUpdate(programDateOf(entry.at), issue.id, { issuesRaised: 1, ...raisedBreakdownOf([issue]) });

/**
 * A raised issue and its first ledger entry, together or not at all (and at most once per
 * Idempotency-Key), counted in the program's figures of the day it was raised.
 */
export const insertIssue = (issue: Issue, entry: LedgerEntry, guard?: CreationGuard) =>
  createRecords(issueCreationPuts(issue, entry), guard, [raisedIssueCount(issue, entry)]);

/** Adds up deltas per unit and quarter: one update per counter item per transaction. */
export const counterUpdates = (deltas: readonly CounterDelta[]): TransactItem[] => {
  const grouped = new Map<string, { unitId: string; quarter: string; adds: Map<string, number> }>();
  for (const { unitId, quarter, counter, by } of deltas) {
    const key = `${unitId}|${quarter}`;
    const group = grouped.get(key) ?? { unitId, quarter, adds: new Map() };
    group.adds.set(counter, (group.adds.get(counter) ?? 0) + by);
    grouped.set(key, group);
  }
  return [...grouped.values()].map(({ unitId, quarter, adds }) => {
    const names: Record<string, string> = {};
    const index = indexKeysOf(unitId, [scoringKeys.countersOfQuarter(quarter, unitId)]);
    const values: Record<string, unknown> = {
      ':unitId': unitId,
      ':quarter': quarter,
      ':gpk': index.gsi1pk,
      ':gsk': index.gsi1sk,
    };
    const terms = [...adds.entries()].map(([counter, by], i) => {
      names[`#c${i}`] = counter;
      values[`:c${i}`] = by;
      return `#c${i} :c${i}`;
    });
    return {
      Update: {
        TableName: tableNames.program,
        Key: scoringKeys.unitQuarterCounters(unitId, quarter),
        UpdateExpression: `SET unitId = :unitId, quarter = :quarter, gsi1pk = :gpk, gsi1sk = :gsk ADD ${terms.join(', ')}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    };
  });
};

const coUnitChanges = (before: Issue, after: Issue): TransactItem[] => {
  const was = new Set(before.assignment?.coUnitIds ?? []);
  const now = new Set(after.assignment?.coUnitIds ?? []);
  return [
    ...[...now]
      .filter((unitId) => !was.has(unitId))
      .map((unitId) => ({ Put: { TableName: tableNames.program, Item: coUnitLinkItem(after.id, unitId) } })),
    ...[...was]
      .filter((unitId) => !now.has(unitId))
      .map((unitId) => ({
        Delete: { TableName: tableNames.program, Key: issueKeys.coUnitLink(after.id, unitId) },
      })),
  ];
};

export interface CommitOptions {
  actor: Actor;
  at: string;
  /** Other writes that belong to the same change (e.g. a dispatch order); they succeed or fail with it. */
  extraItems?: TransactItem[];
}

/**
 * Records one transition as one transaction: the issue (status and version guarded), the next ledger
 * entry chained to the previous one (with the unit responsible, and its place in the by-day index),
 * the workflow item when the transition changes its bookkeeping (guarded by its revision) with any
 * outbox entry it makes, the unit counters, co-unit links, any extra items, and the program's day figures
 * (`programCountsOf`) on the program date of the change. Throws StaleIssueError when
 * the issue changed since it was read.
 */
export const commitTransition = async (
  stored: StoredIssue,
  transition: Transition,
  options: CommitOptions,
): Promise<Issue> => {
  const before = stored.issue;
  const seq = before.ledgerHead.seq + 1;
  const unitId = transition.next.assignment?.unitId ?? before.assignment?.unitId;
  const entry = chainEntry(
    {
      issueId: before.id,
      seq,
      at: options.at,
      actor: options.actor,
      action: transition.action,
      fromStatus: transition.fromStatus,
      toStatus: transition.toStatus,
      data: transition.data,
      ...(unitId ? { unitId } : {}),
      visibility: transition.visibility,
    },
    before.ledgerHead.hash,
  );
  const programCounts = programCountsOf(transition);
  const next: Issue = {
    ...transition.next,
    version: before.version + 1,
    ledgerHead: { seq, hash: entry.hash },
    updatedAt: options.at,
  };
  const workflowChanges = workflowWrites(before, stored.workflowRev, next);
  try {
    await documentClient.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableNames.program,
              Item: issueItem(next),
              // The pending start as read too: its delivery clears it on the issue item meanwhile.
              ConditionExpression: `version = :version AND #status = :status AND ${
                before.workflow?.startPending ? 'attribute_exists' : 'attribute_not_exists'
              }(workflow.startPending)`,
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':version': before.version, ':status': before.status },
            },
          },
          {
            Put: {
              TableName: tableNames.ledger,
              Item: ledgerItem(entry),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          // Third, where a refused condition is read as a concurrent bookkeeping write.
          ...workflowChanges,
          ...counterUpdates(transition.counters),
          ...coUnitChanges(before, next),
          ...(options.extraItems ?? []),
          // The program's day figures (GET /stats), last so the items above keep their places.
          ...(Object.keys(programCounts).length > 0
            ? [programStatsUpdate(programDateOf(options.at), before.id, programCounts)]
            : []),
        ],
      }),
    );
  } catch (error) {
    if (conditionRefused(error, 0) || (workflowChanges.length > 0 && conditionRefused(error, 2))) {
      throw new StaleIssueError(`issue ${before.id} changed since version ${before.version}`);
    }
    throw error;
  }
  return next;
};

/** The whole ledger of an issue, in sequence order (strongly consistent: it is read right after writes). */
export const readLedger = (issueId: string): Promise<LedgerEntry[]> =>
  queryAll<LedgerEntry>({ table: 'ledger', partition: ledgerKeys.ofIssue(issueId), consistent: true });

/**
 * The unit an issue waiting for dispatch was handed back by, if a return is what put it there: the
 * newest ledger entries (a few, newest first) up to the one that moved it into `awaiting_dispatch`.
 */
export const returningUnitOf = async (issueId: string): Promise<string | undefined> => {
  const { items } = await queryPage<LedgerEntry>({
    table: 'ledger',
    partition: ledgerKeys.ofIssue(issueId),
    newestFirst: true,
    limit: 5,
    consistent: true,
  });
  const entry = items.find(
    (item) => item.toStatus === 'awaiting_dispatch' && item.fromStatus !== 'awaiting_dispatch',
  );
  const unitId = entry?.action === 'returned' ? (entry.data as Record<string, unknown>)?.unitId : undefined;
  return typeof unitId === 'string' ? unitId : undefined;
};

/** Issues by id, in the order asked, skipping any that do not exist (one call per 100). */
export const findIssues = async (issueIds: readonly string[]): Promise<Issue[]> =>
  (await getRecords<Issue>(issueIds.map((id) => issueKeys.item(id)))).flatMap((found) =>
    found ? [found] : [],
  );

/**
 * The whole ledgers of several issues, each in sequence order: their entries' keys follow from each
 * issue's ledger head, so they are read by key (one call per 100 entries), not one query per issue.
 * Entries appended after the issues were read are not included.
 */
export const readLedgersOf = async (issues: readonly Issue[]): Promise<Map<string, LedgerEntry[]>> => {
  const keys = issues.flatMap((issue) =>
    Array.from({ length: issue.ledgerHead.seq }, (_, i) => ledgerKeys.entry(issue.id, i + 1)),
  );
  const entries = await getRecords<LedgerEntry>(keys, { table: 'ledger', consistent: true });
  const ledgers = new Map<string, LedgerEntry[]>(issues.map((issue) => [issue.id, []]));
  for (const entry of entries) if (entry) ledgers.get(entry.issueId)?.push(entry);
  return ledgers;
};
