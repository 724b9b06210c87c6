import { jsonResponse as json } from '../http/json-response';
import type { LocalModule } from '../local-module';
import type { CfnResource } from '../template/types';
import { eventRecorder, listenEventBusEndpoint, type RecordedEvent } from './event-bus-endpoint';
import { eventRules } from './event-rules';
import { ruleTargets } from './rule-targets';

/**
 * EventBridge as a local module of `npm start`: the template's buses answer `Ref` and `Fn::GetAtt`,
 * handlers' PutEvents reach a local endpoint (`AWS_ENDPOINT_URL_EVENTBRIDGE`), the template's rules
 * deliver matching events to their target functions (retried, then dead-lettered), and what was
 * published is listed at `GET /_local/events` (newest last; `?detailType=` narrows).
 * `POST /_local/events/{id}/redeliver` puts one on the bus again, as a publisher's retry would.
 * Events are in memory: a restart forgets them.
 */
export const eventsModule = (): LocalModule => ({
  name: 'eventbridge',
  async start({ stacks, region, accountId, invoke, deadLetters }) {
    const rules = stacks.flatMap(eventRules);
    const targets = ruleTargets(rules, { invoke, deadLetters, region, accountId, log: console.log });
    const recorder = eventRecorder((event: RecordedEvent) => targets.dispatch(event));
    const endpoint = await listenEventBusEndpoint(recorder);
    const namer = (logicalId: string, resource: CfnResource) => {
      const name = typeof resource.Properties?.Name === 'string' ? resource.Properties.Name : logicalId;
      const arn = `arn:${region.startsWith('cn-') ? 'aws-cn' : 'aws'}:events:${region}:${accountId}:event-bus/${name}`;
      return { ref: name, attributes: { Name: name, Arn: arn } };
    };
    return {
      environment: { AWS_ENDPOINT_URL_EVENTBRIDGE: endpoint.url },
      namers: { 'AWS::Events::EventBus': namer },
      routes: [
        {
          method: 'GET',
          path: '/_local/events',
          handle: async (request) => {
            const detailType = new URL(request.url, 'http://local').searchParams.get('detailType');
            const events = recorder
              .events()
              .filter((event) => !detailType || event.detailType === detailType);
            return json({ events });
          },
        },
        {
          method: 'POST',
          path: '/_local/events/{id}/redeliver',
          handle: async (_request, { id = '' }) => {
            const copy = recorder.redeliver(id);
            return copy ? json(copy) : json({ message: `No recorded event ${id}` }, 404);
          },
        },
      ],
      health: async () => ({
        component: 'eventbridge',
        status: 'ok',
        summary: `${recorder.events().length} events recorded, ${rules.length} rules`,
        details: targets.stats(),
      }),
      banner: [`EventBridge     ${endpoint.url}  (PutEvents recorded in memory: GET /_local/events)`],
      stop: endpoint.close,
    };
  },
});
