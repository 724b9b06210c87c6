import type { Target } from '../domain/notifications/subscriptions';

/** One message for one subscription, as the router queues it: no secret, no phone number. */
export interface QueuedMessage {
  deliveryId: string;
  eventId: string;
  detailType: string;
  time: string;
  subscriptionId: string;
  channel: Target['channel'];
  title: string;
  text: string;
  params: Record<string, string>;
  link: string;
  /** The event's detail, for generic webhooks (ids and codes only, see the event schemas). */
  detail: Record<string, unknown>;
}

/** The one port every channel is behind: deliver or throw (the queue retries what throws). */
export type SendMessage<T extends Target = Target> = (
  target: T,
  message: QueuedMessage,
  now: Date,
) => Promise<void>;

/** A channel's endpoint answered, but not with success. */
export class ChannelRefused extends Error {
  override readonly name = 'ChannelRefused';
}

/**
 * Provider hosts (DingTalk, WeCom, the SMS provider) replaced by one base URL, the channel as the
 * first path segment: how local mode points every provider at its sink, as AWS_ENDPOINT_URL_* points
 * the SDK at local services. Unset, requests go to the providers.
 */
export const providerUrl = (
  url: string,
  channel: string,
  base = process.env.NOTIFY_PROVIDER_ENDPOINT_URL,
): string => {
  if (!base) return url;
  const parsed = new URL(url);
  return `${base.replace(/\/$/, '')}/${channel}${parsed.pathname}${parsed.search}`;
};

/** POSTs and answers the body; a transport error or a non-2xx status throws. */
export const postJson = async (url: string, body: string, headers: Record<string, string> = {}) => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  if (!response.ok)
    throw new ChannelRefused(`${response.status} from ${new URL(url).host}: ${text.slice(0, 200)}`);
  return text;
};

/** Chat robots answer 200 with `errcode`: 0 is success, anything else a refusal. */
export const requireErrcodeZero = (text: string, provider: string) => {
  let answer: { errcode?: number; errmsg?: string };
  try {
    answer = JSON.parse(text);
  } catch {
    throw new ChannelRefused(`${provider} answered something other than JSON`);
  }
  if (answer.errcode !== 0)
    throw new ChannelRefused(`${provider} errcode ${answer.errcode}: ${answer.errmsg ?? ''}`);
};
