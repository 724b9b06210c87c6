import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalMode } from '../../infra/local/local-mode';
import { freePort } from '../../infra/local/ports';
import { localCallSite } from '../../tools/dynamo-usage/local-call-site';
import { type DynamoDbMeter, meterDynamoDb } from '../../tools/dynamo-usage/meter';

export interface MeteredLocalSystem {
  url: string;
  meter: DynamoDbMeter;
  stop(): Promise<void>;
}

/** Local mode logs every request and stream hiccup; over a scripted day they would bury the tables. */
export const quietLocalLogs = () => {
  for (const level of ['log', 'warn'] as const) {
    const write = console[level];
    console[level] = (...args: unknown[]) => {
      if (typeof args[0] === 'string' && /^\[(local|stream)\] /.test(args[0])) return;
      write(...args);
    };
  }
};

/**
 * The whole system in this process (`npm start` on a fresh temporary data directory), with every
 * DynamoDB call its functions make counted per invocation. Logs are silenced: they would be the
 * bench's output otherwise.
 */
export const startMeteredLocalSystem = async (): Promise<MeteredLocalSystem> => {
  // BENCH_LOG_LEVEL=WARN shows the functions' errors and why a request answered 503, without the access lines.
  process.env.LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'SILENT';
  quietLocalLogs();
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const dataDir = await mkdtemp(join(tmpdir(), 'cost-bench-'));
  const running = await startLocalMode({ port: await freePort(), dataDir, fresh: true });
  // The functions' own client, imported as local mode imports their modules: one instance.
  const { dynamoClient } = await import('../../shared/db/client');
  const meter = meterDynamoDb(dynamoClient, localCallSite);
  return {
    url: running.url,
    meter,
    async stop() {
      await running.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
};
