import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { alarmSubscribers } from '../../infra/alarm-subscribers';
import { buildApp } from '../../infra/build-app';

describe('alarmSubscribers (context)', () => {
  it('reads the stage’s e-mail, SMS and HTTPS endpoints, from an object or a -c JSON string', () => {
    const context = {
      prod: { email: ['ops@example.cn'], sms: ['+8613800000000'], https: ['https://relay.example.cn/sns'] },
    };
    expect(alarmSubscribers('prod', context)).toEqual(context.prod);
    expect(alarmSubscribers('prod', JSON.stringify(context))).toEqual(context.prod);
  });

  it('gives a stage without an entry a topic with no subscriber', () => {
    expect(alarmSubscribers('dev', { prod: { email: ['ops@example.cn'] } })).toEqual({
      email: [],
      sms: [],
      https: [],
    });
    expect(alarmSubscribers('dev', undefined)).toEqual({ email: [], sms: [], https: [] });
  });

  it('fails synth on a malformed endpoint or an unknown kind, naming it', () => {
    expect(() => alarmSubscribers('prod', { prod: { https: ['http://relay.example.cn'] } })).toThrow(
      /alarmSubscribers\.prod\.https: "http:\/\/relay\.example\.cn"/,
    );
    expect(() => alarmSubscribers('prod', { prod: { sms: ['13800000000'] } })).toThrow(/sms/);
    expect(() => alarmSubscribers('prod', { prod: { pager: [] } })).toThrow(/prod\.pager/);
  });
});

describe('the alarm topic’s subscriptions', () => {
  it('subscribes each endpoint, SMS only where the partition has it', () => {
    const { api } = buildApp({
      stage: 'alerts',
      bundling: false,
      context: {
        alarmSubscribers: {
          alerts: {
            email: ['ops@example.cn'],
            sms: ['+8613800000000'],
            https: ['https://relay.example.cn/sns'],
          },
        },
      },
    });
    const template = Template.fromStack(api);
    const subscriptions = Object.values(template.findResources('AWS::SNS::Subscription'));
    expect(
      subscriptions.map(({ Properties, Condition }) => [Properties.Protocol, Properties.Endpoint, Condition]),
    ).toEqual(
      expect.arrayContaining([
        ['email', 'ops@example.cn', undefined],
        ['https', 'https://relay.example.cn/sns', undefined],
        ['sms', '+8613800000000', expect.any(String)],
      ]),
    );
    const smsCondition = subscriptions.find(({ Properties }) => Properties.Protocol === 'sms')?.Condition;
    expect(template.toJSON().Conditions[smsCondition]).toEqual({
      'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'AWS::Partition' }, 'aws-cn'] }],
    });
  });
});
