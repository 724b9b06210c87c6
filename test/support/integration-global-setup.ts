import type { TestProject } from 'vitest/node';
import { launchDynamoDbLocal } from '../../infra/local/dynamodb/dynamodb-local';
import { provisionTables } from '../../infra/local/dynamodb/dynamodb-module';
import { requireJava } from '../../infra/local/dynamodb/java';
import { functionsWithEnvironment } from '../../infra/local/functions/environment';
import { LOCAL_ACCOUNT_ID, localAwsEnvironment, localRegion } from '../../infra/local/local-environment';
import { freePort } from '../../infra/local/ports';
import { localQueueNamer } from '../../infra/local/queues/queue-definitions';
import { tableDefinitions } from '../../infra/local/template/tables';
import type { StackTemplate } from '../../infra/local/template/types';
import { localStateMachine } from '../../infra/local/workflow/state-machines';
import { standInYears } from './stand-in-calendar';

declare module 'vitest' {
  export interface ProvidedContext {
    /** What a handler's process.env holds in local mode: table names, DynamoDB endpoint, region, credentials. */
    localEnvironment: Record<string, string>;
    /** The synthesized templates, for tests that run more of the template (the workflow tests run its state machine). */
    localStacks: StackTemplate[];
  }
}

/**
 * `ProgramTable49512687` → `PROGRAM_TABLE`: the variable bindTable's convention would bind the table
 * to. Integration tests may exercise a table (the ledger, say) before any function is bound to it.
 */
const conventionalTableVariables = (stacks: readonly StackTemplate[]): Record<string, string> =>
  Object.fromEntries(
    stacks.flatMap(tableDefinitions).map((table) => {
      const base = table.logicalId
        .replace(/[0-9A-F]{8}$/, '')
        .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
        .toUpperCase();
      return [base.endsWith('TABLE') ? base : `${base}_TABLE`, table.create.TableName];
    }),
  );

/** Stores the stand-in calendar years the tests need, as an operator loading them would. */
const loadStandInCalendarYears = async (environment: Record<string, string>) => {
  Object.assign(process.env, environment);
  const { saveCalendarYear } = await import('../../shared/repositories/calendar-years');
  for (const year of standInYears()) {
    await saveCalendarYear(year, {
      loadedBy: 'test-setup',
      loadedAt: new Date().toISOString(),
      replace: true,
    });
  }
};

/**
 * DynamoDB Local in memory on a free port, with the tables of the synthesized template (as local
 * mode creates them), shared by every integration test file; stopped after the run.
 */
export default async function setup(project: TestProject) {
  const region = localRegion();
  const aws = localAwsEnvironment(region);
  Object.assign(process.env, aws);
  const dynamo = launchDynamoDbLocal({ java: requireJava(), port: await freePort(), region });
  try {
    // Imported after the launch so the JVM boots while aws-cdk-lib loads and the app synthesizes.
    const { synthStacks } = await import('../../infra/local/template/synth');
    const stacks = synthStacks();
    const context = { stacks, region, accountId: LOCAL_ACCOUNT_ID };
    const tables = await provisionTables(dynamo, context);
    const namers = {
      ...tables.namers,
      'AWS::StepFunctions::StateMachine': localStateMachine(region, LOCAL_ACCOUNT_ID),
      // No queue runs here: tests hand the notification use cases their own queue.
      'AWS::SQS::Queue': localQueueNamer('http://127.0.0.1:9', region, LOCAL_ACCOUNT_ID),
    };
    const functions = functionsWithEnvironment(stacks, { ...context, namers });
    const environment = {
      ...conventionalTableVariables(stacks),
      ...functions.environment,
      ...tables.environment,
      ...aws,
    };
    project.provide('localEnvironment', environment);
    project.provide('localStacks', stacks);
    await loadStandInCalendarYears(environment);
  } catch (error) {
    await dynamo.stop();
    throw error;
  }
  return () => dynamo.stop();
}
