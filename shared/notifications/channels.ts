import type { Target } from '../domain/notifications/subscriptions';
import { ChannelRefused, type SendMessage } from './channel-port';
import { sendDingTalk } from './dingtalk-channel';
import { aliyunSmsProvider, postToSink, recordingSmsProvider, type SmsProvider } from './sms-provider';
import { sendWebhook } from './webhook-channel';
import { sendWeCom } from './wecom-channel';

/**
 * The SMS provider this function was configured with (`SMS_PROVIDER`): `recording` (local mode: to
 * the sink at NOTIFY_PROVIDER_ENDPOINT_URL), `aliyun` (ALIYUN_SMS_* settings), or `none` — no
 * provider chosen yet, and every SMS is refused and so recorded as failed, never silently dropped.
 */
export const configuredSmsProvider = (env: NodeJS.ProcessEnv = process.env): SmsProvider | undefined => {
  switch (env.SMS_PROVIDER) {
    case 'recording':
      if (!env.NOTIFY_PROVIDER_ENDPOINT_URL)
        throw new Error('SMS_PROVIDER=recording needs NOTIFY_PROVIDER_ENDPOINT_URL');
      return recordingSmsProvider(postToSink(env.NOTIFY_PROVIDER_ENDPOINT_URL));
    case 'aliyun':
      return aliyunSmsProvider({
        accessKeyId: env.ALIYUN_SMS_ACCESS_KEY_ID ?? '',
        accessKeySecret: env.ALIYUN_SMS_ACCESS_KEY_SECRET ?? '',
        signName: env.ALIYUN_SMS_SIGN_NAME ?? '',
        templateCodes: JSON.parse(env.ALIYUN_SMS_TEMPLATE_CODES ?? '{}'),
      });
    default:
      return undefined;
  }
};

/** Every channel behind the one port; SMS through whichever provider adapter is given. */
export const channelSenders =
  (sms: SmsProvider | undefined): SendMessage =>
  async (target: Target, message, now) => {
    switch (target.channel) {
      case 'webhook':
        return sendWebhook(target, message, now);
      case 'dingtalk':
        return sendDingTalk(target, message, now);
      case 'wecom':
        return sendWeCom(target, message, now);
      case 'sms':
        if (!sms) throw new ChannelRefused('no SMS provider is configured (SMS_PROVIDER)');
        return sms.send(
          {
            phone: target.phone,
            template: message.detailType,
            params: message.params,
            text: message.text,
            reference: message.deliveryId,
          },
          now,
        );
    }
  };
