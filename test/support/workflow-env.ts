import { afterAll, inject } from 'vitest';
import { functionRuntime } from '../../infra/local/functions/function-runtime';
import { LOCAL_ACCOUNT_ID, localRegion } from '../../infra/local/local-environment';
import { functionDefinitions } from '../../infra/local/template/functions';
import { startLocalWorkflow } from '../../infra/local/workflow/workflow-module';

// Runs after integration-env.ts, before each workflow test file imports anything: the synthesized state
// machine runs in this worker with the real task handlers, and the handlers and the test reach it
// through @aws-sdk/client-sfn exactly as they do under `npm start`.
const stacks = inject('localStacks');
const target = { region: localRegion(), accountId: LOCAL_ACCOUNT_ID };
const runtime = functionRuntime(stacks.flatMap(functionDefinitions), target);
const workflow = await startLocalWorkflow({ stacks, ...target, invoke: runtime.invoke });
Object.assign(process.env, workflow.environment);
afterAll(workflow.stop);
