import { afterAll, inject } from 'vitest';
import { functionRuntime } from '../../infra/local/functions/function-runtime';
import { LOCAL_ACCOUNT_ID, localRegion } from '../../infra/local/local-environment';
import { startLocalStreams } from '../../infra/local/streams/streams-module';
import { functionDefinitions } from '../../infra/local/template/functions';
import { startLocalWorkflow } from '../../infra/local/workflow/workflow-module';
import { deliveryGate } from './delivery-gate';

// Runs after integration-env.ts, before each workflow test file imports anything: the synthesized state
// machine runs in this worker with the real task handlers, and the handlers and the test reach it
// through @aws-sdk/client-sfn exactly as they do under `npm start`; the program table's stream feeds
// the outbox delivery function as it does there. Workflow test files run one at a time: every
// worker's poller would see every record of the shared table, and deliver it to its own engine.
const stacks = inject('localStacks');
const target = { region: localRegion(), accountId: LOCAL_ACCOUNT_ID };
const runtime = functionRuntime(stacks.flatMap(functionDefinitions), target);
const workflow = await startLocalWorkflow({ stacks, ...target, invoke: runtime.invoke });
Object.assign(process.env, workflow.environment);
const endpoint = process.env.AWS_ENDPOINT_URL_DYNAMODB;
if (!endpoint) throw new Error('integration-env.ts sets AWS_ENDPOINT_URL_DYNAMODB');
const streams = await startLocalStreams({
  stacks,
  ...target,
  invoke: deliveryGate.around(runtime.invoke),
  endpoint,
  log: console.warn,
});
afterAll(async () => {
  await streams.stop();
  await workflow.stop();
});
