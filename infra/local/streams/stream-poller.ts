import {
  DescribeStreamCommand,
  type DynamoDBStreamsClient,
  ListStreamsCommand,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';
import type { DeadLetterSink } from '../dead-letters/dead-letters';
import { LocalModeError } from '../local-mode-error';
import { matchesPattern } from './filter-pattern';
import { isStaleIterator, type ShardPosition, shardReader } from './shard-position';
import { lambdaStreamRecord, streamEvent } from './stream-event';
import type { StreamMapping } from './stream-mappings';

export interface StreamPollerOptions {
  client: DynamoDBStreamsClient;
  mapping: StreamMapping;
  invoke(functionLogicalId: string, event: unknown): Promise<unknown>;
  log(line: string): void;
  intervalMs: number;
  /** Where a record the function keeps failing on goes, as Lambda sends it to the on-failure destination. */
  deadLetters: DeadLetterSink;
  now?: () => number;
}

/** What `/_local/health` shows of one mapping. */
export interface StreamPollerStatus {
  mapping: string;
  table: string;
  function: string;
  shards: number;
  lastPolledAt?: string;
  /** Polling has failed without a break since then (DynamoDB Local gone, say). */
  failingSince?: string;
  lastError?: string;
  delivered: number;
  deadLettered: number;
  /** Fresh iterators taken after DynamoDB refused one (trimmed or expired). */
  recoveries: number;
  /** Records read and waiting for the function (a failing one holds its shard back). */
  waiting: number;
}

interface ShardState extends ShardPosition {
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
 * (the shards there at start from after their last record, later ones from their start), records are
 * filtered with the mapping's patterns, and batches go to the function. An iterator DynamoDB refuses
 * (trimmed, expired) is replaced by a fresh one to the same place, so a record is neither lost nor
 * read twice. A failed record (thrown error, or reported with ReportBatchItemFailures) holds back its
 * shard and is retried with backoff, up to the mapping's MaximumRetryAttempts; then it goes to the
 * dead letters, as Lambda sends it to the on-failure destination. MaximumRecordAge and bisecting are
 * not emulated: the retry limit bounds the wait.
 */
export const startStreamPoller = async ({
  client,
  mapping,
  invoke,
  log,
  intervalMs,
  deadLetters,
  now = Date.now,
}: StreamPollerOptions) => {
  const streamArn = await latestStreamArn(client, mapping.tableName);
  const reader = shardReader(client, streamArn);
  const shards = new Map<string, ShardState>();
  const label = `[stream] ${mapping.tableName} → ${mapping.functionLogicalId}`;
  const counts = { delivered: 0, deadLettered: 0, recoveries: 0 };
  let lastPolledAt: number | undefined;
  let failingSince: number | undefined;
  let lastError: string | undefined;

  const discover = async (initial: boolean) => {
    for (const shard of await shardsOf(client, streamArn)) {
      const shardId = shard.ShardId;
      if (!shardId || shards.has(shardId)) continue;
      const closed = Boolean(shard.SequenceNumberRange?.EndingSequenceNumber);
      // What was written before local mode started is not delivered; a shard born since is read whole.
      const position = !initial
        ? await reader.fromStart(shardId)
        : closed
          ? { shardId, finished: true }
          : await reader.afterExisting(shardId);
      shards.set(shardId, { ...position, backlog: [], attempts: 0, retryAt: 0 });
    }
  };

  const passes = (record: DynamoDBRecord) =>
    mapping.filters.length === 0 || mapping.filters.some((pattern) => matchesPattern(pattern, record));

  const read = async (shard: ShardState) => {
    if (shard.backlog.length > 0) return;
    let records: Awaited<ReturnType<typeof reader.readPage>>;
    try {
      records = await reader.readPage(shard);
    } catch (error) {
      if (!isStaleIterator(error)) throw error;
      const where = await reader.renew(shard);
      counts.recoveries++;
      log(`${label}: ${(error as Error).name} on ${shard.shardId}; recovered with a fresh iterator ${where}`);
      records = await reader.readPage(shard);
    }
    shard.backlog.push(...records.map((record) => lambdaStreamRecord(record, streamArn)).filter(passes));
  };

  const giveUp = async (shard: ShardState, error: string) => {
    const [record] = shard.backlog.splice(0, 1);
    shard.attempts = 0;
    if (!record) return;
    await deadLetters.add({
      source: 'stream',
      origin: mapping.logicalId,
      functionLogicalId: mapping.functionLogicalId,
      event: streamEvent([record]),
      error,
      attempts: mapping.maximumRetryAttempts + 1,
    });
    counts.deadLettered++;
    log(
      `${label}: record ${record.dynamodb?.SequenceNumber} dead-lettered after ${mapping.maximumRetryAttempts} retries (GET /_local/dead-letters)`,
    );
  };

  const deliver = async (shard: ShardState) => {
    if (shard.backlog.length === 0 || now() < shard.retryAt) return;
    const batch = shard.backlog.slice(0, mapping.batchSize);
    let failedAt: number;
    let error = 'the function reported the record as failed';
    try {
      failedAt = firstFailure(
        batch,
        await invoke(mapping.functionLogicalId, streamEvent(batch)),
        mapping.reportBatchItemFailures,
      );
    } catch (thrown) {
      error = `${(thrown as Error).name}: ${(thrown as Error).message}`;
      log(`${label}: failed: ${error}`);
      failedAt = 0;
    }
    if (failedAt < 0) {
      shard.backlog.splice(0, batch.length);
      counts.delivered += batch.length;
      shard.attempts = 0;
      return;
    }
    shard.backlog.splice(0, failedAt);
    counts.delivered += failedAt;
    shard.attempts++;
    if (mapping.maximumRetryAttempts >= 0 && shard.attempts > mapping.maximumRetryAttempts) {
      await giveUp(shard, error);
      return;
    }
    shard.retryAt = now() + Math.min(RETRY_BASE_MS * 2 ** (shard.attempts - 1), RETRY_MAX_MS);
  };

  await discover(true);
  let describedAt = now();
  let stopped = false;
  const tick = async () => {
    if (now() - describedAt >= DESCRIBE_EVERY_MS) {
      await discover(false);
      describedAt = now();
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
        if (failingSince !== undefined) log(`${label}: polling again`);
        lastPolledAt = now();
        failingSince = undefined;
      } catch (error) {
        const line = `${(error as Error).name}: ${(error as Error).message}`;
        // Said once, not every 100 ms (e.g. DynamoDB Local stopping under us).
        if (line !== lastError || failingSince === undefined) log(`${label}: polling failed: ${line}`);
        lastError = line;
        failingSince ??= now();
      }
      if (!stopped) await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  const at = (time: number | undefined) => (time === undefined ? undefined : new Date(time).toISOString());
  return {
    streamArn,
    status: (): StreamPollerStatus => ({
      mapping: mapping.logicalId,
      table: mapping.tableName,
      function: mapping.functionLogicalId,
      shards: [...shards.values()].filter((shard) => !shard.finished).length,
      ...(lastPolledAt === undefined ? {} : { lastPolledAt: at(lastPolledAt) }),
      ...(failingSince === undefined ? {} : { failingSince: at(failingSince), lastError }),
      ...counts,
      waiting: [...shards.values()].reduce((sum, shard) => sum + shard.backlog.length, 0),
    }),
    stop: async () => {
      stopped = true;
      await loop;
    },
  };
};
