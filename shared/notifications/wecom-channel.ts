import type { Target } from '../domain/notifications/subscriptions';
import { postJson, providerUrl, requireErrcodeZero, type SendMessage } from './channel-port';

/** WeCom caps a robot's markdown content at 4096 bytes (UTF-8). */
const MAX_BYTES = 4096;

const clip = (text: string): string => {
  let clipped = text;
  while (Buffer.byteLength(clipped, 'utf8') > MAX_BYTES) clipped = clipped.slice(0, -1);
  return clipped;
};

/**
 * WeCom's group robot signs nothing: the `key` in its URL is the credential (so it is stored like a
 * secret and never shown back). A markdown message.
 */
export const weComBody = (message: Parameters<SendMessage>[1]) =>
  JSON.stringify({
    msgtype: 'markdown',
    markdown: { content: clip(`**${message.title}**\n${message.text}`) },
  });

export const sendWeCom: SendMessage<Extract<Target, { channel: 'wecom' }>> = async (target, message) => {
  requireErrcodeZero(await postJson(providerUrl(target.url, 'wecom'), weComBody(message)), 'WeCom');
};
