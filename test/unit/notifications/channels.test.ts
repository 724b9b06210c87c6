import { afterEach, describe, expect, it, vi } from 'vitest';
import { verifyWebhookSignature } from '../../../shared/domain/notifications/signing';
import type { QueuedMessage } from '../../../shared/notifications/channel-port';
import { providerUrl } from '../../../shared/notifications/channel-port';
import { channelSenders } from '../../../shared/notifications/channels';
import { dingTalkRequest } from '../../../shared/notifications/dingtalk-channel';
import {
  aliyunSendSmsRequest,
  recordingSmsProvider,
  type Sms,
} from '../../../shared/notifications/sms-provider';
import { weComBody } from '../../../shared/notifications/wecom-channel';

const message: QueuedMessage = {
  deliveryId: 'D1',
  eventId: 'issue/I1/2/IssueAssigned',
  detailType: 'IssueAssigned',
  time: '2026-12-05T02:00:00Z',
  subscriptionId: 'S1',
  channel: 'webhook',
  title: '问题交办',
  text: '【亲清互挂】问题「用地指标」已交市经信局办理。',
  params: { title: '用地指标' },
  link: 'https://qinqing.test/issues/I1',
  detail: { issueId: 'I1' },
};
const now = new Date(1733400000000);

afterEach(() => vi.unstubAllGlobals());

describe('channel requests', () => {
  it('DingTalk: the robot URL with timestamp and the URL-encoded sign, a markdown message', () => {
    const request = dingTalkRequest(
      {
        channel: 'dingtalk',
        url: 'https://oapi.dingtalk.com/robot/send?access_token=abcdef0123456789',
        secret: 'this is secret',
      },
      message,
      now,
    );
    expect(request.url).toBe(
      'https://oapi.dingtalk.com/robot/send?access_token=abcdef0123456789&timestamp=1733400000000&sign=hAqYYaNKPcDhb%2BEhKNFNuF4Q0V4on7nB5cPzVgj8M3U%3D',
    );
    expect(JSON.parse(request.body)).toEqual({
      msgtype: 'markdown',
      markdown: { title: '问题交办', text: `#### 问题交办\n\n${message.text}` },
    });
  });

  it('WeCom: a markdown message within the 4096-byte limit', () => {
    expect(JSON.parse(weComBody(message))).toEqual({
      msgtype: 'markdown',
      markdown: { content: `**问题交办**\n${message.text}` },
    });
    const long = JSON.parse(weComBody({ ...message, text: '长'.repeat(3000) })).markdown.content as string;
    expect(Buffer.byteLength(long, 'utf8')).toBeLessThanOrEqual(4096);
  });

  it('Aliyun SendSms: a signed form with the template for the event type and its parameters as JSON', () => {
    const sms: Sms = {
      phone: '13812345678',
      template: 'VerdictRequested',
      params: { title: '用地指标' },
      text: '…',
      reference: 'D1',
    };
    const request = aliyunSendSmsRequest(
      {
        accessKeyId: 'testId',
        accessKeySecret: 'testSecret',
        signName: '海宁亲清',
        templateCodes: { VerdictRequested: 'SMS_000001' },
      },
      sms,
      now,
      'nonce-1',
    );
    const form = new URLSearchParams(request.body);
    expect(request.url).toBe('https://dysmsapi.aliyuncs.com/');
    expect(Object.fromEntries(form)).toMatchObject({
      Action: 'SendSms',
      Version: '2017-05-25',
      PhoneNumbers: '13812345678',
      SignName: '海宁亲清',
      TemplateCode: 'SMS_000001',
      TemplateParam: '{"title":"用地指标"}',
      OutId: 'D1',
      SignatureMethod: 'HMAC-SHA1',
      Timestamp: '2024-12-05T12:00:00Z',
    });
    expect(form.get('Signature')).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(() =>
      aliyunSendSmsRequest(
        { accessKeyId: 'a', accessKeySecret: 'b', signName: 'c', templateCodes: {} },
        sms,
        now,
      ),
    ).toThrow('no approved SMS template');
  });

  it('local mode points providers at its sink, keeping path and query', () => {
    expect(
      providerUrl(
        'https://oapi.dingtalk.com/robot/send?access_token=x&sign=y',
        'dingtalk',
        'http://127.0.0.1:9/',
      ),
    ).toBe('http://127.0.0.1:9/dingtalk/robot/send?access_token=x&sign=y');
    expect(providerUrl('https://oapi.dingtalk.com/robot/send?a=1', 'dingtalk', undefined)).toBe(
      'https://oapi.dingtalk.com/robot/send?a=1',
    );
  });
});

describe('the one port', () => {
  it('signs a generic webhook so the receiver can verify it, and refuses a non-2xx answer', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response('nope', { status: calls.length === 1 ? 200 : 500 });
    });
    const send = channelSenders(undefined);
    const target = {
      channel: 'webhook' as const,
      url: 'https://hooks.example.cn/a',
      secret: 'whsec_0123456789abcdef',
    };
    await send(target, message, now);
    const headers = calls[0]?.init.headers as Record<string, string>;
    expect(
      verifyWebhookSignature(
        target.secret,
        headers['x-qinqing-signature'] ?? '',
        String(calls[0]?.init.body),
        1733400000,
      ),
    ).toBe(true);
    expect(headers['x-qinqing-event-id']).toBe(message.eventId);
    await expect(send(target, message, now)).rejects.toThrow('500 from hooks.example.cn');
  });

  it('a chat robot answering errcode ≠ 0 is a failure; SMS goes through the provider adapter, and without one is refused', async () => {
    vi.stubGlobal(
      'fetch',
      async () => new Response(JSON.stringify({ errcode: 310000, errmsg: 'sign not match' })),
    );
    const recorded: Sms[] = [];
    const send = channelSenders(recordingSmsProvider(async (sms) => void recorded.push(sms)));
    await expect(
      send(
        { channel: 'wecom', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=0123456789abcdef' },
        message,
        now,
      ),
    ).rejects.toThrow('errcode 310000');
    await send({ channel: 'sms', phone: '13812345678', quietHours: null }, message, now);
    expect(recorded).toEqual([
      {
        phone: '13812345678',
        template: 'IssueAssigned',
        params: message.params,
        text: message.text,
        reference: 'D1',
      },
    ]);
    await expect(
      channelSenders(undefined)({ channel: 'sms', phone: '13812345678', quietHours: null }, message, now),
    ).rejects.toThrow('no SMS provider');
  });
});
