import { jsonResponse as json } from '../http/json-response';
import type { LocalModule } from '../local-module';
import { localQueues } from './local-queues';
import { localQueueNamer, queueDefinitions, queueMappings } from './queue-definitions';
import { pollQueue } from './queue-poller';
import { listenSqsEndpoint, sqsOperations } from './sqs-endpoint';

export interface QueuesModuleOptions {
  /** Durations multiplied by this (see LocalQueuesOptions); `LOCAL_QUEUE_TIME_SCALE`, default 1. */
  timeScale?: number;
  log?: (line: string) => void;
}

/**
 * SQS as a local module of `npm start`: the template's queues in memory (a restart forgets what they
 * hold), an SQS endpoint for the functions (`AWS_ENDPOINT_URL_SQS`), the template's queue event
 * source mappings run as Lambda runs them, and `GET /_local/queues` for what each queue holds —
 * a dead-letter queue's messages among them.
 */
export const queuesModule = (options: QueuesModuleOptions = {}): LocalModule => ({
  name: 'sqs',
  async start({ stacks, region, accountId, invoke }) {
    const definitions = stacks.flatMap(queueDefinitions);
    const timeScale = options.timeScale ?? Number(process.env.LOCAL_QUEUE_TIME_SCALE ?? 1);
    const queues = localQueues(definitions, { timeScale });
    let baseUrl = '';
    const queueUrl = (name: string) => `${baseUrl}/${accountId}/${name}`;
    const partition = region.startsWith('cn-') ? 'aws-cn' : 'aws';
    const queueArn = (name: string) => `arn:${partition}:sqs:${region}:${accountId}:${name}`;
    const endpoint = await listenSqsEndpoint(sqsOperations(queues, queueUrl));
    baseUrl = endpoint.url;
    // The queues start empty, so no poller invokes a function before local mode has started.
    const mappings = stacks.flatMap(queueMappings);
    const pollers = mappings.map((mapping) =>
      pollQueue(mapping, { queues, invoke, queueArn, region, log: options.log ?? console.log }),
    );
    const deadLetterQueues = new Set(
      definitions.flatMap((definition) => (definition.redrive ? [definition.redrive.deadLetterQueue] : [])),
    );
    const view = () =>
      definitions.map((definition) => ({
        name: definition.name,
        deadLetterQueueOf: definitions
          .filter((other) => other.redrive?.deadLetterQueue === definition.name)
          .map((other) => other.name),
        ...queues.snapshot(definition.name),
      }));
    return {
      environment: { AWS_ENDPOINT_URL_SQS: endpoint.url },
      namers: { 'AWS::SQS::Queue': localQueueNamer(endpoint.url, region, accountId) },
      routes: [
        { method: 'GET', path: '/_local/queues', handle: async () => json({ timeScale, queues: view() }) },
      ],
      health: async () => {
        const deadLettered = view()
          .filter((queue) => deadLetterQueues.has(queue.name))
          .reduce((sum, queue) => sum + queue.messages.length, 0);
        return {
          component: 'sqs',
          status: deadLettered > 0 ? 'attention' : 'ok',
          summary: `${definitions.length} queues, ${mappings.length} consumers; ${deadLettered} dead-lettered (GET /_local/queues)`,
        };
      },
      banner: [
        `SQS             ${endpoint.url}  (${definitions.length} queues in memory${timeScale === 1 ? '' : `, time ×${timeScale}`}: GET /_local/queues)`,
      ],
      stop: async () => {
        await Promise.all(pollers.map((poller) => poller.stop()));
        await endpoint.close();
      },
    };
  },
});
