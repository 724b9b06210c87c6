import { mkdir, rm } from 'node:fs/promises';
import { loadOrCreateLocalKey } from './auth/local-key';
import { tokenVerifier } from './auth/token-verifier';
import { deadLetterRoutes } from './dead-letters/dead-letter-routes';
import { type DeadLetters, fileDeadLetters } from './dead-letters/dead-letters';
import { launchDynamoDbLocal } from './dynamodb/dynamodb-local';
import { dynamoDbModule } from './dynamodb/dynamodb-module';
import { requireJava } from './dynamodb/java';
import { eventsModule } from './events/events-module';
import { functionsWithEnvironment } from './functions/environment';
import { type FunctionRuntime, functionRuntime } from './functions/function-runtime';
import type { ComponentHealth } from './health/component-health';
import { healthBanner, healthRoute } from './health/health-route';
import { handleRequest } from './http/handle-request';
import { routeTable } from './http/route-table';
import { listenLocalServer } from './http/server';
import { tokenRoute } from './http/token-route';
import {
  LOCAL_ACCOUNT_ID,
  localAwsEnvironment,
  localRegion,
  localSecretOf,
  REAL_CREDENTIAL_VARIABLES,
} from './local-environment';
import { LocalModeError } from './local-mode-error';
import type { LocalModule } from './local-module';
import { notificationsModule } from './notifications/notifications-module';
import type { StartOptions } from './options';
import { DEFAULT_DATA_DIR, dataPaths } from './paths';
import { freePort } from './ports';
import { queuesModule } from './queues/queues-module';
import { s3Module } from './s3/s3-module';
import { schedulesModule } from './schedules/schedules-module';
import { seedRoute } from './seed/seed-route';
import { startModules } from './start-modules';
import { streamsModule } from './streams/streams-module';
import { jwtAuthorizerOf, routeDefinitions } from './template/routes';
import { workflowModule } from './workflow/workflow-module';

export interface RunningLocalMode {
  url: string;
  banner: string[];
  stop(): Promise<void>;
}

const deadLettersHealth = async (deadLetters: DeadLetters): Promise<ComponentHealth> => {
  const count = (await deadLetters.list()).length;
  return {
    component: 'dead-letters',
    status: count > 0 ? 'attention' : 'ok',
    summary: `${count} kept (GET /_local/dead-letters; POST /_local/dead-letters/{id}/redrive)`,
  };
};

/**
 * `npm start`: the synthesized app, run on this machine. Order matters for a quick start: the port is
 * bound first (a taken port fails at once), the JVM boots while the app synthesizes, and handler
 * modules are imported only after `process.env` holds every value the template gives them.
 */
export const startLocalMode = async (options: StartOptions): Promise<RunningLocalMode> => {
  const java = requireJava();
  const server = await listenLocalServer(options.port);
  const region = localRegion();
  for (const name of REAL_CREDENTIAL_VARIABLES) delete process.env[name];
  Object.assign(process.env, localAwsEnvironment(region));
  const cleanups: (() => Promise<void>)[] = [server.close];
  const stop = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  };
  try {
    const paths = dataPaths(options.dataDir);
    if (options.fresh) {
      await rm(paths.dynamodb, { recursive: true, force: true });
      await rm(paths.deadLetters, { recursive: true, force: true });
      await rm(paths.s3, { recursive: true, force: true });
    }
    await mkdir(paths.dynamodb, { recursive: true });
    await mkdir(paths.s3, { recursive: true });
    const accountId = LOCAL_ACCOUNT_ID;
    const dynamo = launchDynamoDbLocal({
      java,
      port: options.dynamoDbPort ?? (await freePort()),
      dbPath: paths.dynamodb,
      region,
    });
    // Also stopped by its module; stopping twice is harmless, and this covers a failure before that.
    cleanups.push(dynamo.stop);

    // Imported only now: loading aws-cdk-lib and synthesizing take seconds the JVM spends booting.
    const { synthStacks } = await import('./template/synth');
    const stacks = synthStacks(
      undefined,
      options.identity,
      options.ledgerDayIndexUntil ? { ledgerDayIndexUntil: options.ledgerDayIndexUntil } : {},
    );
    const key = await loadOrCreateLocalKey(paths.jwtKey);
    const trusted = stacks.map(jwtAuthorizerOf).find((authorizer) => authorizer !== undefined);
    if (!trusted) throw new LocalModeError('The API stack has no JWT authorizer');
    const deadLetters = await fileDeadLetters(paths.deadLetters);

    let runtime: FunctionRuntime | undefined;
    const invoke = (functionLogicalId: string, event: unknown) => {
      if (!runtime) throw new Error('Functions cannot be invoked before local mode has started');
      return runtime.invoke(functionLogicalId, event);
    };
    // Tables first: the streams module reads theirs.
    const modules: LocalModule[] = [
      dynamoDbModule(dynamo, paths.dynamodb),
      workflowModule(),
      eventsModule(),
      queuesModule(),
      notificationsModule(),
      s3Module(paths.s3, localSecretOf),
      streamsModule(dynamo.endpoint),
      schedulesModule(),
    ];
    const started = await startModules(modules, {
      stacks,
      region,
      accountId,
      dataDir: options.dataDir,
      deadLetters,
      invoke,
    });
    cleanups.push(started.stop);

    const functions = functionsWithEnvironment(stacks, { stacks, region, accountId, namers: started.namers });
    Object.assign(process.env, functions.environment, started.environment);
    runtime = functionRuntime(functions.definitions, { region, accountId });

    const routes = stacks.flatMap(routeDefinitions);
    for (const route of routes) {
      if (!runtime.has(route.functionLogicalId)) {
        throw new LocalModeError(
          `Route ${route.routeKey} invokes ${route.functionLogicalId}, which has no local:entry metadata`,
        );
      }
    }
    const health = async () => [...(await started.health()), await deadLettersHealth(deadLetters)];
    const emulation = {
      verify: tokenVerifier(trusted, key),
      routes: routeTable(routes),
      functions: runtime,
      localRoutes: [
        tokenRoute(key),
        seedRoute(server.url),
        healthRoute(health),
        ...deadLetterRoutes(deadLetters, invoke),
        ...started.routes,
      ],
      apiId: 'local',
      accountId,
    };
    server.serve((request) => handleRequest(emulation, request));

    // The token CLI signs with the key in the data directory, so it must be told about a custom one.
    const dataDirArgument = options.dataDir === DEFAULT_DATA_DIR ? '' : ` --data-dir ${options.dataDir}`;
    return {
      url: server.url,
      banner: [
        `亲清互挂 local mode  ${server.url}  (${routes.length} routes, ${functions.definitions.length} functions)`,
        `Tokens from     ${trusted.issuer} (audience ${trusted.audience.join(', ')})`,
        `Token           TOKEN=$(npm run -s token -- --role operator${dataDirArgument})   or   POST ${server.url}/_local/token {"role":"operator"}`,
        `Data            ${options.dataDir}  (npm start -- --fresh starts empty)`,
        ...started.banner,
        ...(await healthBanner(health)),
      ],
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
};
