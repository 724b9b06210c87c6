import { dingTalkRobotSign } from '../domain/notifications/signing';
import type { Target } from '../domain/notifications/subscriptions';
import { postJson, providerUrl, requireErrcodeZero, type SendMessage } from './channel-port';

/** The robot's request: its URL with `timestamp` and the URL-encoded `sign`, a markdown message. */
export const dingTalkRequest = (
  target: Extract<Target, { channel: 'dingtalk' }>,
  message: Parameters<SendMessage>[1],
  now: Date,
) => {
  const timestamp = now.getTime();
  const sign = encodeURIComponent(dingTalkRobotSign(target.secret, timestamp));
  return {
    url: `${target.url}&timestamp=${timestamp}&sign=${sign}`,
    body: JSON.stringify({
      msgtype: 'markdown',
      markdown: { title: message.title, text: `#### ${message.title}\n\n${message.text}` },
    }),
  };
};

/** DingTalk (and 浙政钉, built on it) custom group robot with 加签. */
export const sendDingTalk: SendMessage<Extract<Target, { channel: 'dingtalk' }>> = async (
  target,
  message,
  now,
) => {
  const request = dingTalkRequest(target, message, now);
  requireErrcodeZero(await postJson(providerUrl(request.url, 'dingtalk'), request.body), 'DingTalk');
};
