import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  aliyunRpcSignature,
  dingTalkRobotSign,
  verifyWebhookSignature,
  webhookSignature,
} from '../../../../shared/domain/notifications/signing';

describe('DingTalk robot 加签', () => {
  // DingTalk's documented Python sample (open.dingtalk.com, 自定义机器人安全设置 → 加签), run with its
  // own secret 'this is secret' and the timestamp fixed at 1733400000000, prints this url-encoded sign.
  it('matches the provider’s published sample code for a fixed timestamp', () => {
    expect(encodeURIComponent(dingTalkRobotSign('this is secret', 1733400000000))).toBe(
      'hAqYYaNKPcDhb%2BEhKNFNuF4Q0V4on7nB5cPzVgj8M3U%3D',
    );
  });

  it('signs timestamp + "\\n" + secret, so another timestamp or secret gives another sign', () => {
    const sign = dingTalkRobotSign('SECabc', 1);
    expect(dingTalkRobotSign('SECabc', 2)).not.toBe(sign);
    expect(dingTalkRobotSign('SECabd', 1)).not.toBe(sign);
  });
});

describe('Alibaba Cloud SMS SendSms signature', () => {
  // The worked example of Alibaba Cloud's SMS signature document (AccessKey testId / testSecret,
  // SendSms to 15300000001 with template SMS_71390007): Signature zJDF+Lrzhj/ThnlvIToysFRq6t4=.
  it('reproduces the provider’s documented example', () => {
    const parameters = {
      AccessKeyId: 'testId',
      Action: 'SendSms',
      Format: 'XML',
      OutId: '123',
      PhoneNumbers: '15300000001',
      RegionId: 'cn-hangzhou',
      SignName: '阿里云短信测试专用',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466',
      SignatureVersion: '1.0',
      TemplateCode: 'SMS_71390007',
      TemplateParam: '{"customer":"test"}',
      Timestamp: '2017-07-12T02:42:19Z',
      Version: '2017-05-25',
    };
    expect(aliyunRpcSignature('testSecret', 'GET', parameters)).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
  });
});

describe('generic webhook signature', () => {
  const body = '{"eventId":"issue/01J/3/IssueAssigned"}';

  it('is HMAC-SHA256 over "<t>.<body>", hex, as `t=…,v1=…` (the documented openssl command gives the same)', () => {
    const expected = createHmac('sha256', 'whsec_test').update(`1733400000.${body}`).digest('hex');
    expect(webhookSignature('whsec_test', 1733400000, body)).toBe(`t=1733400000,v1=${expected}`);
    expect(expected).toBe('a5771034b9f9af133a298678f3d53c47710f1c01f18448c78b9355cc94e3c90c');
  });

  it('verifies within the replay window and refuses a stale timestamp, another body or another secret', () => {
    const header = webhookSignature('whsec_test', 1000, body);
    expect(verifyWebhookSignature('whsec_test', header, body, 1000 + 300)).toBe(true);
    expect(verifyWebhookSignature('whsec_test', header, body, 1000 + 301)).toBe(false);
    expect(verifyWebhookSignature('whsec_test', header, `${body} `, 1000)).toBe(false);
    expect(verifyWebhookSignature('whsec_other', header, body, 1000)).toBe(false);
    expect(verifyWebhookSignature('whsec_test', 't=1000,v1=zz', body, 1000)).toBe(false);
  });
});
