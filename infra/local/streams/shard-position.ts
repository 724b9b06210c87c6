import {
  type _Record,
  type DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';

/**
 * Where a shard is read from next. An iterator is only a lease on that place: DynamoDB can refuse it
 * later (trimmed, expired), so the poller keeps the place itself — the last sequence number it read —
 * and can always take a fresh iterator to it, as Lambda's event source mapping does.
 */
export interface ShardPosition {
  shardId: string;
  iterator?: string;
  /** The last record read from this shard (delivered or filtered out); none: nothing read yet. */
  lastSequenceNumber?: string;
  /** A closed shard read to its end: nothing more will come. */
  finished: boolean;
}

/**
 * Errors after which an iterator cannot go on, while the shard still can. DynamoDB Local answers
 * TrimmedDataAccessException to an iterator taken on a shard that held no record yet once the shard's
 * first record gets a sequence number beyond the shard's start — which happens whenever any other
 * table was created or written in between, since its sequence numbers are global (docs: local mode).
 */
const STALE_ITERATOR_ERRORS = new Set(['TrimmedDataAccessException', 'ExpiredIteratorException']);

export const isStaleIterator = (error: unknown): boolean =>
  error instanceof Error && STALE_ITERATOR_ERRORS.has(error.name);

export const shardReader = (client: DynamoDBStreamsClient, streamArn: string) => {
  const iteratorFrom = async (shardId: string, lastSequenceNumber: string | undefined) =>
    (
      await client.send(
        new GetShardIteratorCommand({
          StreamArn: streamArn,
          ShardId: shardId,
          ...(lastSequenceNumber
            ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: lastSequenceNumber }
            : { ShardIteratorType: 'TRIM_HORIZON' }),
        }),
      )
    ).ShardIterator;

  /** The next page from the position, which moves past every record returned. */
  const readPage = async (position: ShardPosition): Promise<_Record[]> => {
    if (position.finished || !position.iterator) return [];
    const page = await client.send(new GetRecordsCommand({ ShardIterator: position.iterator }));
    const records = page.Records ?? [];
    position.iterator = page.NextShardIterator;
    position.lastSequenceNumber = records.at(-1)?.dynamodb?.SequenceNumber ?? position.lastSequenceNumber;
    // No next iterator: the shard is closed and read to its end.
    if (!page.NextShardIterator) position.finished = true;
    return records;
  };

  return {
    /** A shard read from its first record on: one born while local mode runs. */
    fromStart: async (shardId: string): Promise<ShardPosition> => ({
      shardId,
      iterator: await iteratorFrom(shardId, undefined),
      finished: false,
    }),

    /**
     * A shard read from after the records it holds now: what was written before local mode started is
     * not delivered. The records are read (not skipped with LATEST) so that the position is a sequence
     * number, which a fresh iterator can always return to.
     */
    afterExisting: async (shardId: string): Promise<ShardPosition> => {
      const position: ShardPosition = {
        shardId,
        iterator: await iteratorFrom(shardId, undefined),
        finished: false,
      };
      while ((await readPage(position)).length > 0);
      return position;
    },

    readPage,

    /**
     * A fresh iterator to the same place: right after the last record read, else the shard's start.
     * Says where it went; only a record trimmed away (past retention) before it was read sends it
     * back to the start of what is left.
     */
    renew: async (position: ShardPosition): Promise<string> => {
      const { shardId, lastSequenceNumber } = position;
      try {
        position.iterator = await iteratorFrom(shardId, lastSequenceNumber);
        return lastSequenceNumber ? `after record ${lastSequenceNumber}` : "from the shard's first record";
      } catch (error) {
        if (!lastSequenceNumber || !isStaleIterator(error)) throw error;
        position.iterator = await iteratorFrom(shardId, undefined);
        return `from the oldest record left: record ${lastSequenceNumber} was trimmed, later ones may be lost`;
      }
    },
  };
};
