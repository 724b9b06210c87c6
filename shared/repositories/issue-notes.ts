import { tableNames } from '../config';
import { conditionRefused } from '../db/cancellation';
import { issueKeys } from '../db/keys';
import type { TransactItem } from '../db/records';
import type { Actor, Issue } from '../domain/issues/issue';
import { visibilityOf } from '../domain/issues/ledger-visibility';
import { chainEntry } from '../domain/ledger/hash-chain';
import { ledgerItem, StaleIssueError } from './issues';

/** A ledger entry that records something beside an issue (a file attached) and changes nothing of it. */
export interface IssueNote {
  actor: Actor;
  at: string;
  action: string;
  data: Record<string, unknown>;
}

/**
 * The writes that append a note to an issue's ledger, for the caller's transaction: the entry chained
 * to the issue's head as read (its status unchanged, its visibility by action), and the issue's head,
 * version and `updatedAt` moved on, conditional on the version read. Only those fields are set, so
 * the issue's state and its workflow bookkeeping stay as they are; a transition racing with it fails
 * one of the two, which re-reads (`withNoteRaces` turns its cancellation into StaleIssueError).
 */
export const issueNoteWrites = (issue: Issue, note: IssueNote): TransactItem[] => {
  const seq = issue.ledgerHead.seq + 1;
  const entry = chainEntry(
    {
      issueId: issue.id,
      seq,
      at: note.at,
      actor: note.actor,
      action: note.action,
      fromStatus: issue.status,
      toStatus: issue.status,
      data: note.data,
      ...(issue.assignment ? { unitId: issue.assignment.unitId } : {}),
      visibility: visibilityOf(note.action),
    },
    issue.ledgerHead.hash,
  );
  return [
    {
      Put: {
        TableName: tableNames.ledger,
        Item: ledgerItem(entry),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Update: {
        TableName: tableNames.program,
        Key: issueKeys.item(issue.id),
        UpdateExpression: 'SET ledgerHead = :head, version = :next, updatedAt = :at',
        ConditionExpression: 'version = :version',
        ExpressionAttributeValues: {
          ':head': { seq, hash: entry.hash },
          ':next': issue.version + 1,
          ':at': note.at,
          ':version': issue.version,
        },
      },
    },
  ];
};

/**
 * Runs a transaction that carries a note: a condition failing on its writes (the issue, or the record
 * written beside the note, moved on since it was read) becomes StaleIssueError, so the caller reads
 * again and retries. Refusals
 * that `createRecords` recognises (a taken key, an idempotent replay) pass through as they are.
 */
export const withNoteRaces = async <T>(what: string, write: () => Promise<T>): Promise<T> => {
  try {
    return await write();
  } catch (error) {
    if (conditionRefused(error)) {
      throw new StaleIssueError(`${what} changed since it was read`);
    }
    throw error;
  }
};
