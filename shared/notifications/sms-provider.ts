import { randomUUID } from 'node:crypto';
import { aliyunPercentEncode, aliyunRpcSignature } from '../domain/notifications/signing';
import { ChannelRefused, postJson, providerUrl } from './channel-port';

/** One SMS: to whom, the template (by event type) and its values, and the whole text. */
export interface Sms {
  phone: string;
  template: string;
  params: Record<string, string>;
  text: string;
  /** The delivery id, for the provider's own correlation (Aliyun `OutId`). */
  reference: string;
}

/** The SMS provider adapter: none is chosen yet; any provider is one of these. */
export interface SmsProvider {
  name: string;
  send(sms: Sms, now: Date): Promise<void>;
}

/**
 * Records each SMS instead of sending it: local mode and tests. Local mode posts it to its sink
 * (`/_local/notifications` lists it); a test passes its own recorder.
 */
export const recordingSmsProvider = (record: (sms: Sms) => Promise<void>): SmsProvider => ({
  name: 'recording',
  send: (sms) => record(sms),
});

export const postToSink = (base: string) => async (sms: Sms) => {
  await postJson(`${base.replace(/\/$/, '')}/sms`, JSON.stringify(sms));
};

export interface AliyunSmsSettings {
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  /** An approved template code per event type (`SMS_…`). */
  templateCodes: Record<string, string>;
  endpoint?: string;
}

/**
 * Alibaba Cloud SMS `SendSms` (API version 2017-05-25), RPC style, signed with HMAC-SHA1: the form
 * this builds is the one the provider documents (docs/notifications.md).
 */
export const aliyunSendSmsRequest = (
  settings: AliyunSmsSettings,
  sms: Sms,
  now: Date,
  nonce: string = randomUUID(),
) => {
  const templateCode = settings.templateCodes[sms.template];
  if (!templateCode) throw new ChannelRefused(`no approved SMS template for ${sms.template}`);
  const parameters: Record<string, string> = {
    AccessKeyId: settings.accessKeyId,
    Action: 'SendSms',
    Format: 'JSON',
    OutId: sms.reference,
    PhoneNumbers: sms.phone,
    RegionId: 'cn-hangzhou',
    SignName: settings.signName,
    SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: nonce,
    SignatureVersion: '1.0',
    TemplateCode: templateCode,
    TemplateParam: JSON.stringify(sms.params),
    Timestamp: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    Version: '2017-05-25',
  };
  const signature = aliyunRpcSignature(settings.accessKeySecret, 'POST', parameters);
  const body = Object.entries({ ...parameters, Signature: signature })
    .map(([name, value]) => `${aliyunPercentEncode(name)}=${aliyunPercentEncode(value)}`)
    .join('&');
  return { url: settings.endpoint ?? 'https://dysmsapi.aliyuncs.com/', body };
};

export const aliyunSmsProvider = (settings: AliyunSmsSettings): SmsProvider => ({
  name: 'aliyun',
  async send(sms, now) {
    const request = aliyunSendSmsRequest(settings, sms, now);
    const response = await fetch(providerUrl(request.url, 'sms'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: request.body,
      signal: AbortSignal.timeout(10_000),
    });
    const answer = (await response.json().catch(() => ({}))) as { Code?: string; Message?: string };
    if (!response.ok || answer.Code !== 'OK') {
      throw new ChannelRefused(`Aliyun SMS ${response.status} ${answer.Code ?? ''}: ${answer.Message ?? ''}`);
    }
  },
});
