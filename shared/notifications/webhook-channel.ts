import { webhookSignature } from '../domain/notifications/signing';
import type { Target } from '../domain/notifications/subscriptions';
import { postJson, type SendMessage } from './channel-port';

/** The JSON a generic webhook receives (docs/notifications.md). */
export const webhookBody = (message: Parameters<SendMessage>[1]) =>
  JSON.stringify({
    deliveryId: message.deliveryId,
    eventId: message.eventId,
    detailType: message.detailType,
    time: message.time,
    title: message.title,
    text: message.text,
    link: message.link,
    detail: message.detail,
  });

/**
 * A generic HTTPS webhook: the body signed with the subscription's secret and the current time
 * (`X-Qinqing-Signature: t=…,v1=…`); the ids let a receiver drop a repeat.
 */
export const sendWebhook: SendMessage<Extract<Target, { channel: 'webhook' }>> = async (
  target,
  message,
  now,
) => {
  const body = webhookBody(message);
  await postJson(target.url, body, {
    'x-qinqing-signature': webhookSignature(target.secret, Math.floor(now.getTime() / 1000), body),
    'x-qinqing-event-id': message.eventId,
    'x-qinqing-event-type': message.detailType,
    'x-qinqing-delivery-id': message.deliveryId,
  });
};
