import { jsonResponse as json } from '../http/json-response';
import type { LocalModule } from '../local-module';
import type { CfnResource } from '../template/types';
import { eventRecorder, listenEventBusEndpoint } from './event-bus-endpoint';

/**
 * EventBridge as a local module of `npm start`: the template's buses answer `Ref` and `Fn::GetAtt`,
 * handlers' PutEvents reach a local endpoint (`AWS_ENDPOINT_URL_EVENTBRIDGE`), and what they published
 * is listed at `GET /_local/events` (newest last; `?detailType=` narrows). No rules or targets run:
 * nothing subscribes to the program's events yet. Events are in memory: a restart forgets them.
 */
export const eventsModule = (): LocalModule => ({
  name: 'eventbridge',
  async start({ region, accountId }) {
    const recorder = eventRecorder();
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
      ],
      health: async () => ({
        component: 'eventbridge',
        status: 'ok',
        summary: `${recorder.events().length} events recorded`,
      }),
      banner: [`EventBridge     ${endpoint.url}  (PutEvents recorded in memory: GET /_local/events)`],
      stop: endpoint.close,
    };
  },
});
