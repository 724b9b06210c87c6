import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, inject, it } from 'vitest';
import { parseScheduleExpression } from '../../infra/local/schedules/schedule-expression';
import { SCHEDULED_JOBS } from '../../infra/scheduled-jobs';
import { programDateOf } from '../../shared/domain/calendar';
import { apiTemplate } from './synthesized';

const functionIdOf = (entry: string) => {
  const [id] = Object.entries(apiTemplate().findResources('AWS::Lambda::Function')).find(
    ([, fn]) => fn.Metadata['local:entry'] === entry,
  ) ?? [undefined];
  if (!id) throw new Error(`no function for ${entry}`);
  return id;
};

const grantsOf = (functionId: string): string => {
  const template = apiTemplate();
  const roleId = template.toJSON().Resources[functionId].Properties.Role['Fn::GetAtt'][0];
  return JSON.stringify(
    Object.values(template.findResources('AWS::IAM::Policy'))
      .filter((policy) => JSON.stringify(policy.Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement),
  );
};

const firstFiringAfter = (job: string, instant: string) =>
  parseScheduleExpression(SCHEDULED_JOBS[job]?.schedule ?? '')(new Date(instant));

describe('the weekly rhythm jobs', () => {
  it.each([
    ['weekly-inspection', 'cron(30 0 ? * MON *)', '2026-03-09T00:30:00.000Z'],
    ['consultation-agenda', 'cron(0 1 ? * MON *)', '2026-03-09T01:00:00.000Z'],
  ])(
    'runs %s on Monday morning in Shanghai (%s), with retries and its dead-letter queue',
    (job, cron, firing) => {
      const template = apiTemplate();
      const fnId = functionIdOf(SCHEDULED_JOBS[job]?.entry ?? '');
      const [queueId] = Object.keys(template.findResources('AWS::SQS::Queue')).filter((id) =>
        id.startsWith(`Job${job.replaceAll('-', '')}`),
      );
      template.hasResourceProperties('AWS::Events::Rule', {
        ScheduleExpression: cron,
        State: 'ENABLED',
        Targets: [
          Match.objectLike({
            Arn: { 'Fn::GetAtt': [fnId, 'Arn'] },
            RetryPolicy: { MaximumRetryAttempts: 8, MaximumEventAgeInSeconds: 21600 },
            DeadLetterConfig: { Arn: { 'Fn::GetAtt': [queueId, 'Arn'] } },
          }),
        ],
      });
      // From Sunday noon in Shanghai, the next firing is Monday morning there: asOf is that Monday.
      const next = firstFiringAfter(job, '2026-03-08T12:00:00+08:00');
      expect(next?.toISOString()).toBe(firing);
      expect(programDateOf(next ?? new Date(Number.NaN))).toBe('2026-03-09');
    },
  );
});

describe('the program event bus', () => {
  it('is a named custom bus', () => {
    apiTemplate().hasResourceProperties('AWS::Events::EventBus', {
      Name: `${inject('stackNames').api}-program-events`,
    });
  });

  it('is fed from the program table stream by one publisher, on the rows that are program facts only, with a failure queue', () => {
    const template = apiTemplate();
    const publisher = functionIdOf('functions/events/publish-reports/handler.ts');
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: publisher },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
      FilterCriteria: {
        Filters: [
          ...['inspectionReport', 'consultation', 'residency'].map((entity) => ({
            Pattern: JSON.stringify({
              eventName: ['INSERT'],
              dynamodb: { NewImage: { entity: { S: [entity] } } },
            }),
          })),
          {
            Pattern: JSON.stringify({
              eventName: ['MODIFY'],
              dynamodb: { NewImage: { entity: { S: ['residency'] }, status: { S: ['ended'] } } },
            }),
          },
          { Pattern: JSON.stringify({ dynamodb: { NewImage: { entity: { S: ['rankingHead'] } } } }) },
        ],
      },
    });
    expect(template.toJSON().Resources[publisher].Properties.Environment.Variables.EVENT_BUS_NAME).toBe(
      `${inject('stackNames').api}-program-events`,
    );
    const grants = JSON.parse(grantsOf(publisher)) as { Action: string | string[]; Resource: unknown }[];
    const putEvents = grants.filter((statement) => [statement.Action].flat().includes('events:PutEvents'));
    expect(putEvents).toHaveLength(1);
    expect(JSON.stringify(putEvents[0]?.Resource)).toContain('ProgramEventsBus');
  });

  it('carries every appended issue ledger entry through a second publisher on the ledger stream', () => {
    const template = apiTemplate();
    const publisher = functionIdOf('functions/events/publish-issue-events/handler.ts');
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: publisher },
      EventSourceArn: Match.objectLike({ 'Fn::ImportValue': Match.stringLikeRegexp('LedgerTable') }),
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
      FilterCriteria: { Filters: [{ Pattern: JSON.stringify({ eventName: ['INSERT'] }) }] },
    });
    expect(grantsOf(publisher)).toContain('events:PutEvents');
  });

  it('is not reachable from API functions or jobs: they only store rows', () => {
    const template = apiTemplate();
    const publishers = [
      'functions/events/publish-reports/handler.ts',
      'functions/events/publish-issue-events/handler.ts',
    ];
    const others = Object.entries(template.findResources('AWS::Lambda::Function')).filter(
      ([, fn]) => !publishers.includes(fn.Metadata['local:entry']),
    );
    for (const [id] of others) expect(grantsOf(id)).not.toContain('events:PutEvents');
  });

  it('serves GET /inspections from a read-only function', () => {
    const grants = grantsOf(functionIdOf('functions/api/inspections/handler.ts'));
    expect(grants).toContain('dynamodb:Query');
    expect(grants).not.toContain('dynamodb:PutItem');
    expect(grants).not.toContain('dynamodb:UpdateItem');
  });
});
