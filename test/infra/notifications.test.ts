import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS } from '../../shared/domain/notifications/delivery-rules';
import { apiTemplate, dataTemplate } from './synthesized';

const functionIdOf = (entry: string) => {
  const found = Object.entries(apiTemplate().findResources('AWS::Lambda::Function')).find(
    ([, fn]) => fn.Metadata['local:entry'] === entry,
  );
  if (!found) throw new Error(`no function for ${entry}`);
  return found[0];
};

const ROUTER = 'functions/notifications/route-events/handler.ts';
const DELIVER = 'functions/notifications/deliver/handler.ts';

describe('notifications infrastructure', () => {
  it('gives the ledger table a stream of new images (the issue events’ outbox)', () => {
    dataTemplate().hasResourceProperties('AWS::DynamoDB::Table', {
      StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
      ResourcePolicy: Match.anyValue(),
    });
  });

  it('routes every program event to the router, retried and dead-lettered', () => {
    apiTemplate().hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { source: ['qinqing.program'] },
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [functionIdOf(ROUTER), 'Arn'] },
          RetryPolicy: { MaximumRetryAttempts: 8, MaximumEventAgeInSeconds: 21600 },
          DeadLetterConfig: Match.anyValue(),
        }),
      ],
    });
  });

  it('has one encrypted queue per channel with a dead-letter queue after the last attempt (alarmed with every queue: operational-alarms.test.ts)', () => {
    const template = apiTemplate();
    const queues = Object.values(template.findResources('AWS::SQS::Queue')).filter(
      (queue) => queue.Properties?.RedrivePolicy?.maxReceiveCount === MAX_ATTEMPTS,
    );
    expect(queues).toHaveLength(4);
    for (const queue of queues) {
      expect(queue.Properties).toMatchObject({ SqsManagedSseEnabled: true, VisibilityTimeout: 180 });
    }
    const mappings = Object.values(template.findResources('AWS::Lambda::EventSourceMapping')).filter(
      (mapping) => mapping.Properties.FunctionName?.Ref === functionIdOf(DELIVER),
    );
    expect(mappings).toHaveLength(4);
    for (const mapping of mappings)
      expect(mapping.Properties.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
  });

  it('tells the functions their queues and keeps SMS off until a provider is chosen; no hard-coded partition', () => {
    const template = apiTemplate();
    const variables = (entry: string) =>
      template.toJSON().Resources[functionIdOf(entry)].Properties.Environment.Variables as Record<
        string,
        unknown
      >;
    for (const channel of ['WEBHOOK', 'DINGTALK', 'WECOM', 'SMS']) {
      expect(variables(ROUTER)[`QUEUE_URL_${channel}`]).toEqual({ Ref: expect.stringContaining('queue') });
      expect(variables(DELIVER)[`QUEUE_URL_${channel}`]).toEqual(variables(ROUTER)[`QUEUE_URL_${channel}`]);
    }
    expect(variables(DELIVER).SMS_PROVIDER).toBe('none');
    const mine = Object.entries(template.toJSON().Resources as Record<string, unknown>).filter(([id]) =>
      id.startsWith('Notifications'),
    );
    expect(mine.length).toBeGreaterThan(10);
    // ARNs and endpoints come from the partition and URL suffix (China-ready): none spelled out.
    // (Service principals such as lambda.amazonaws.com are CDK's, region-aware, and stay.)
    expect(JSON.stringify(mine)).not.toMatch(/arn:aws:|https?:\/\/[^"]*amazonaws\.com/);
  });
});
