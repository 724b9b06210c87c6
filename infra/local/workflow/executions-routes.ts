import { NotFound } from '../../../shared/domain/errors';
import { jsonResponse as json } from '../http/json-response';
import type { LocalRoute } from '../local-module';
import type { ExecutionEngine } from './execution-engine';
import { executionDetail, executionSummary } from './executions-view';

/**
 * What an operator would look at in the Step Functions console: `GET /_local/executions` lists every
 * execution since local mode started (newest first) with its status and the states it went through;
 * `GET /_local/executions/{name}` shows one with inputs and outputs. Executions live in memory only.
 */
export const executionsRoutes = (engine: ExecutionEngine): LocalRoute[] => [
  {
    method: 'GET',
    path: '/_local/executions',
    handle: async () => json({ executions: engine.list().map(executionSummary) }),
  },
  {
    method: 'GET',
    path: '/_local/executions/{name}',
    handle: async (_request, { name }) => {
      const execution = engine.list().find((candidate) => candidate.name === name);
      if (!execution) throw new NotFound(`Execution ${name}`);
      return json(executionDetail(execution));
    },
  },
];
