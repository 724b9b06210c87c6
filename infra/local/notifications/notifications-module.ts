import { jsonResponse as json } from '../http/json-response';
import type { LocalModule } from '../local-module';
import { listenNotificationSink } from './notification-sink';

/**
 * Notifications in local mode: the delivery function's providers (DingTalk, WeCom, the recording
 * SMS adapter) are pointed at a local sink, generic webhooks may use `http://127.0.0.1` URLs (the
 * sink's `/webhook/<name>`), and `GET /_local/notifications` lists every message that reached the
 * sink — channel, recipient, headers and the exact body (`?channel=` narrows). In memory.
 */
export const notificationsModule = (): LocalModule => ({
  name: 'notifications',
  async start() {
    const sink = await listenNotificationSink();
    return {
      environment: {
        NOTIFY_PROVIDER_ENDPOINT_URL: sink.url,
        SMS_PROVIDER: 'recording',
        NOTIFY_ALLOW_LOOPBACK_HTTP: 'true',
      },
      routes: [
        {
          method: 'GET',
          path: '/_local/notifications',
          handle: async (request) => {
            const channel = new URL(request.url, 'http://local').searchParams.get('channel');
            const messages = sink.messages().filter((message) => !channel || message.channel === channel);
            return json({ sinkUrl: sink.url, webhookUrl: `${sink.url}/webhook/<name>`, messages });
          },
        },
      ],
      health: async () => ({
        component: 'notifications',
        status: 'ok',
        summary: `${sink.messages().length} messages received by the local sink (GET /_local/notifications)`,
      }),
      banner: [
        `Notifications   ${sink.url}  (webhooks: ${sink.url}/webhook/<name>; GET /_local/notifications)`,
      ],
      stop: sink.close,
    };
  },
});
