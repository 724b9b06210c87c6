import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { type DeadLetters, memoryDeadLetters } from '../dead-letters/dead-letters';
import { LOCAL_CREDENTIALS } from '../dynamodb/client';
import type { ComponentHealth } from '../health/component-health';
import type { LocalModule, LocalModuleContext } from '../local-module';
import { localTable } from '../template/tables';
import { streamMappings } from './stream-mappings';
import { type StreamPollerStatus, startStreamPoller } from './stream-poller';

export interface LocalStreamsOptions
  extends Pick<LocalModuleContext, 'stacks' | 'region' | 'accountId' | 'invoke'> {
  /** DynamoDB Local, which answers the Streams API on the same endpoint. */
  endpoint: string;
  /** Default: kept in memory (the workflow tests run the streams without a data directory). */
  deadLetters?: DeadLetters;
  log?: (line: string) => void;
  intervalMs?: number;
}

/** About as soon as Lambda's poller hands a record over, without keeping DynamoDB Local busy. */
const POLL_INTERVAL_MS = 100;

/** A mapping is broken while its polling fails; what it gave up on only needs a person's attention. */
export const streamsHealth = (statuses: readonly StreamPollerStatus[]): ComponentHealth => {
  const failing = statuses.filter((status) => status.failingSince !== undefined);
  const deadLettered = statuses.reduce((sum, status) => sum + status.deadLettered, 0);
  const delivered = statuses.reduce((sum, status) => sum + status.delivered, 0);
  return {
    component: 'streams',
    status: failing.length > 0 ? 'broken' : deadLettered > 0 ? 'attention' : 'ok',
    summary:
      failing.length > 0
        ? failing.map((status) => `${status.function}: ${status.lastError}`).join('; ')
        : `${statuses.length} mappings polling, ${delivered} records delivered, ${deadLettered} dead-lettered`,
    details: statuses,
  };
};

/**
 * The template's DynamoDB stream event source mappings, run against DynamoDB Local: each mapping's
 * table stream is polled and its function invoked in-process with the records, as Lambda would.
 * Also used without the rest of local mode (the workflow tests run it beside the state machine).
 */
export const startLocalStreams = async ({
  endpoint,
  log = console.log,
  intervalMs = POLL_INTERVAL_MS,
  deadLetters = memoryDeadLetters(),
  ...context
}: LocalStreamsOptions) => {
  const tableNamer = localTable(context.region, context.accountId);
  const scope = {
    ...context,
    namers: { 'AWS::DynamoDB::Table': tableNamer, 'AWS::DynamoDB::GlobalTable': tableNamer },
  };
  const mappings = context.stacks.flatMap((stack) => streamMappings(stack, scope));
  const client = new DynamoDBStreamsClient({
    endpoint,
    region: context.region,
    credentials: LOCAL_CREDENTIALS,
  });
  const pollers: Awaited<ReturnType<typeof startStreamPoller>>[] = [];
  const stop = async () => {
    for (const poller of pollers.splice(0)) await poller.stop();
    client.destroy();
  };
  try {
    for (const mapping of mappings) {
      pollers.push(
        await startStreamPoller({ client, mapping, invoke: context.invoke, log, intervalMs, deadLetters }),
      );
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { mappings, statuses: () => pollers.map((poller) => poller.status()), stop };
};

/** DynamoDB streams as a local module of `npm start`; it starts after the tables exist. */
export const streamsModule = (endpoint: string): LocalModule => ({
  name: 'streams',
  async start(context) {
    const streams = await startLocalStreams({ ...context, endpoint });
    return {
      banner: streams.mappings.map(
        (mapping) =>
          `Stream          ${mapping.tableName} → ${mapping.functionLogicalId}  (polled every ${POLL_INTERVAL_MS} ms, ${mapping.filters.length} filters)`,
      ),
      health: async () => streamsHealth(streams.statuses()),
      stop: streams.stop,
    };
  },
});
