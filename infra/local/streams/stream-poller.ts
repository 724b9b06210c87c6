import {
  DescribeStreamCommand,
  type DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  ListStreamsCommand,
  type Shard,
  type ShardIteratorType,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';
import { LocalModeError } from '../local-mode-error';
import { matchesPattern } from './filter-pattern';
import { lambdaStreamRecord, streamEvent } from './stream-event';
import type { StreamMapping } from './stream-mappings';

export interface StreamPollerOptions {
  client: DynamoDBStreamsClient;
  mapping: StreamMapping;
  invoke(functionLogicalId: string, event: unknown): Promise<unknown>;
  log(line: string): void;
  intervalMs: number;
}

interface ShardState {
  iterator?: string;
  /** Records read and passed by the filters, not yet delivered: the head is retried until it is. */
  backlog: DynamoDBRecord[];
  attempts: number;
  retryAt: number;
}

/** Shards come and go (DynamoDB rolls them); a new one is looked for this often. */
const DESCRIBE_EVERY_MS = 1_000;
const RETRY_BASE_MS = 200;
const RETRY_MAX_MS = 5_000;

/** The table's current stream: the one with the latest label (a re-enabled stream gets a new one). */
const latestStreamArn = async (client: DynamoDBStreamsClient, tableName: string): Promise<string> => {
  const { Streams = [] } = await client.send(new ListStreamsCommand({ TableName: tableName }));
  const latest = Streams.toSorted((a, b) => (a.StreamLabel ?? '').localeCompare(b.StreamLabel ?? '')).at(-1);
  if (!latest?.StreamArn)
    throw new LocalModeError(`Table ${tableName} has no stream; its template declares one`);
  return latest.StreamArn;
};

const shardsOf = async (client: DynamoDBStreamsClient, streamArn: string): Promise<Shard[]> => {
  const shards: Shard[] = [];
  let start: string | undefined;
  do {
    const { StreamDescription } = await client.send(
      new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: start }),
    );
    shards.push(...(StreamDescription?.Shards ?? []));
    start = StreamDescription?.LastEvaluatedShardId;
  } while (start);
  return shards;
};

/**
 * The index of the first record the function did not process: with ReportBatchItemFailures, the
 * lowest reported one (an identifier it was not given fails the whole batch, as Lambda treats it);
 * a thrown error fails the whole batch. -1 when all went through.
 */
const firstFailure = (batch: DynamoDBRecord[], outcome: unknown, reportsItems: boolean): number => {
  if (!reportsItems) return -1;
  const failures = (outcome as DynamoDBBatchResponse | undefined)?.batchItemFailures ?? [];
  if (failures.length === 0) return -1;
  const indexes = failures.map(({ itemIdentifier }) =>
    batch.findIndex((record) => record.dynamodb?.SequenceNumber === itemIdentifier),
  );
  return indexes.includes(-1) ? 0 : Math.min(...indexes);
};

/**
 * One event source mapping, run as Lambda runs it for a DynamoDB stream: each shard is read in order
 * (the shards there at start from their tip, later ones from their start), records are filtered with
 * the mapping's patterns, and batches go to the function. A failed record (thrown error, or reported
 * with ReportBatchItemFailures) holds back its shard and is retried with backoff, up to the mapping's
 * MaximumRetryAttempts; then it is logged and dropped, where Lambda would send it to the on-failure
 * destination. MaximumRecordAge and bisecting are not emulated: the retry limit bounds the wait.
 */
export const startStreamPoller = async ({
  client,
  mapping,
  invoke,
  log,
  intervalMs,
}: StreamPollerOptions) => {
  const streamArn = await latestStreamArn(client, mapping.tableName);
  const shards = new Map<string, ShardState>();
  const label = `[stream] ${mapping.tableName} → ${mapping.functionLogicalId}`;

  const iteratorFor = async (shardId: string, type: ShardIteratorType) =>
    (
      await client.send(
        new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ShardIteratorType: type }),
      )
    ).ShardIterator;

  const discover = async (initial: boolean) => {
    for (const shard of await shardsOf(client, streamArn)) {
      const shardId = shard.ShardId;
      if (!shardId || shards.has(shardId)) continue;
      const open = !shard.SequenceNumberRange?.EndingSequenceNumber;
      // What was written before local mode started is not delivered; a shard born since is read whole.
      const iterator = initial
        ? open
          ? await iteratorFor(shardId, 'LATEST')
          : undefined
        : await iteratorFor(shardId, 'TRIM_HORIZON');
      shards.set(shardId, { iterator, backlog: [], attempts: 0, retryAt: 0 });
    }
  };

  const read = async (shard: ShardState) => {
    if (shard.backlog.length > 0 || !shard.iterator) return;
    const page = await client.send(new GetRecordsCommand({ ShardIterator: shard.iterator }));
    shard.iterator = page.NextShardIterator;
    const records = (page.Records ?? []).map((record) => lambdaStreamRecord(record, streamArn));
    shard.backlog.push(
      ...records.filter(
        (record) =>
          mapping.filters.length === 0 || mapping.filters.some((pattern) => matchesPattern(pattern, record)),
      ),
    );
  };

  const deliver = async (shard: ShardState) => {
    if (shard.backlog.length === 0 || Date.now() < shard.retryAt) return;
    const batch = shard.backlog.slice(0, mapping.batchSize);
    let failedAt: number;
    try {
      failedAt = firstFailure(
        batch,
        await invoke(mapping.functionLogicalId, streamEvent(batch)),
        mapping.reportBatchItemFailures,
      );
    } catch (error) {
      log(`${label}: failed: ${(error as Error).name}: ${(error as Error).message}`);
      failedAt = 0;
    }
    if (failedAt < 0) {
      shard.backlog.splice(0, batch.length);
      shard.attempts = 0;
      return;
    }
    shard.backlog.splice(0, failedAt);
    shard.attempts++;
    if (mapping.maximumRetryAttempts >= 0 && shard.attempts > mapping.maximumRetryAttempts) {
      const dropped = shard.backlog.shift();
      shard.attempts = 0;
      log(
        `${label}: record ${dropped?.dynamodb?.SequenceNumber} dropped after ${mapping.maximumRetryAttempts} retries`,
      );
      return;
    }
    shard.retryAt = Date.now() + Math.min(RETRY_BASE_MS * 2 ** (shard.attempts - 1), RETRY_MAX_MS);
  };

  await discover(true);
  let describedAt = Date.now();
  let stopped = false;
  let lastError = '';
  const tick = async () => {
    if (Date.now() - describedAt >= DESCRIBE_EVERY_MS) {
      await discover(false);
      describedAt = Date.now();
    }
    for (const shard of shards.values()) {
      await read(shard);
      await deliver(shard);
    }
  };
  const loop = (async () => {
    while (!stopped) {
      try {
        await tick();
        lastError = '';
      } catch (error) {
        // Said once, not every 100 ms (e.g. DynamoDB Local stopping under us).
        const line = `${label}: polling failed: ${(error as Error).name}: ${(error as Error).message}`;
        if (line !== lastError) log(line);
        lastError = line;
      }
      if (!stopped) await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    streamArn,
    stop: async () => {
      stopped = true;
      await loop;
    },
  };
};
