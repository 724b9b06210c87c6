import type { LocalModule, LocalModuleContext } from '../local-module';
import { executionEngine } from './execution-engine';
import { executionsRoutes } from './executions-routes';
import { listenSfnEndpoint } from './sfn-endpoint';
import { localStateMachine, stateMachineDefinitions } from './state-machines';

/**
 * The template's state machines, run by the local engine, and the endpoint handlers reach it through.
 * Also used without the rest of local mode (the workflow tests run it beside DynamoDB Local).
 */
export const startLocalWorkflow = async ({
  stacks,
  region,
  accountId,
  invoke,
}: Pick<LocalModuleContext, 'stacks' | 'region' | 'accountId' | 'invoke'>) => {
  const machines = stacks.flatMap((stack) => stateMachineDefinitions(stack, { stacks, region, accountId }));
  const engine = executionEngine(machines, invoke);
  const endpoint = await listenSfnEndpoint(engine);
  return {
    engine,
    endpoint,
    /** The SDK endpoint override, and each state machine's ARN under the variable its metadata names. */
    environment: {
      AWS_ENDPOINT_URL_SFN: endpoint.url,
      // GET /issues/{id} links an operator to the execution here instead of the console.
      EXECUTION_LINK_TEMPLATE: '/_local/executions/{name}',
      ...Object.fromEntries(
        machines.flatMap((machine) => (machine.arnVariable ? [[machine.arnVariable, machine.arn]] : [])),
      ),
    },
    stop: async () => {
      engine.stop();
      await endpoint.close();
    },
  };
};

/** Step Functions as a local module of `npm start`. Executions are in memory: a restart forgets them. */
export const workflowModule = (): LocalModule => ({
  name: 'stepfunctions',
  async start(context) {
    const workflow = await startLocalWorkflow(context);
    const namer = localStateMachine(context.region, context.accountId);
    return {
      environment: workflow.environment,
      namers: { 'AWS::StepFunctions::StateMachine': namer },
      routes: executionsRoutes(workflow.engine),
      health: async () => {
        const executions = workflow.engine.list();
        const count = (status: string) =>
          executions.filter((execution) => execution.status === status).length;
        const unsuccessful = executions.length - count('RUNNING') - count('SUCCEEDED');
        return {
          component: 'stepfunctions',
          // A failed execution is an issue someone must look at, not a broken engine.
          status: unsuccessful > 0 ? 'attention' : 'ok',
          summary: `${count('RUNNING')} running, ${count('SUCCEEDED')} succeeded, ${unsuccessful} failed, timed out or aborted (GET /_local/executions)`,
          details: { endpoint: workflow.endpoint.url, running: count('RUNNING'), unsuccessful },
        };
      },
      banner: [
        `Step Functions  ${workflow.endpoint.url}  (state machines: ${workflow.engine.stateMachines.length}; executions in memory: GET /_local/executions)`,
      ],
      stop: workflow.stop,
    };
  },
});
