import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { parseScheduleExpression } from '../../infra/local/schedules/schedule-expression';
import { SCHEDULED_JOBS } from '../../infra/scheduled-jobs';
import { programDateOf } from '../../shared/domain/calendar';
import { quarterJustEnded } from '../../shared/domain/scoring/quarter';
import { jobNames } from '../../shared/usecases/jobs/job-runners';
import { apiTemplate } from './synthesized';

const entryOf = (job: string) => SCHEDULED_JOBS[job]?.entry;

const jobFunctionId = (job: string) => {
  const [id] = Object.entries(apiTemplate().findResources('AWS::Lambda::Function')).find(
    ([, fn]) => fn.Metadata['local:entry'] === entryOf(job),
  ) ?? [undefined];
  if (!id) throw new Error(`no function for job ${job}`);
  return id;
};

describe('scheduled jobs', () => {
  it('runs the daily sweep at 00:30 Asia/Shanghai, written as 16:30 UTC', () => {
    apiTemplate().hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'cron(30 16 * * ? *)',
      State: 'ENABLED',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [jobFunctionId('daily-sweep'), 'Arn'] } })],
    });
    const next = parseScheduleExpression(SCHEDULED_JOBS['daily-sweep']?.schedule ?? '');
    const firing = next(new Date('2026-03-09T12:00:00+08:00'));
    // 00:30 in Shanghai: the program date is the day it fires on there.
    expect(firing?.toISOString()).toBe('2026-03-09T16:30:00.000Z');
    expect(programDateOf(firing ?? new Date(Number.NaN))).toBe('2026-03-10');
  });

  it('runs quarterly scoring at 01:00 Asia/Shanghai on the first day of a quarter, for the quarter just ended', () => {
    apiTemplate().hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'cron(0 17 L 3,6,9,12 ? *)',
      State: 'ENABLED',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [jobFunctionId('quarterly-scoring'), 'Arn'] } })],
    });
    const next = parseScheduleExpression(SCHEDULED_JOBS['quarterly-scoring']?.schedule ?? '');
    const firings = [
      '2026-02-10T12:00:00+08:00',
      '2026-04-01T02:00:00+08:00',
      '2026-11-28T12:00:00+08:00',
    ].map((from) => next(new Date(from))?.toISOString());
    expect(firings).toEqual([
      '2026-03-31T17:00:00.000Z',
      '2026-06-30T17:00:00.000Z',
      '2026-12-31T17:00:00.000Z',
    ]);
    // The program date of the firing is the quarter's first day, so the job scores the quarter before.
    expect(programDateOf(new Date('2026-12-31T17:00:00.000Z'))).toBe('2027-01-01');
    expect(quarterJustEnded('2027-01-01')).toBe('2026Q4');
  });

  it('retries delivery for a bounded time and dead-letters what still fails, from EventBridge and from Lambda', () => {
    const template = apiTemplate();
    const [queueId] = Object.keys(template.findResources('AWS::SQS::Queue')).filter((id) =>
      id.startsWith('Jobdailysweep'),
    );
    const dlq = { 'Fn::GetAtt': [queueId, 'Arn'] };
    template.hasResourceProperties('AWS::Events::Rule', {
      Targets: [
        Match.objectLike({
          RetryPolicy: { MaximumRetryAttempts: 8, MaximumEventAgeInSeconds: 21600 },
          DeadLetterConfig: { Arn: dlq },
        }),
      ],
    });
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: jobFunctionId('daily-sweep') },
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 21600,
      DestinationConfig: { OnFailure: { Destination: dlq } },
    });
  });

  it('keeps dead letters encrypted, TLS-only, sendable by its rule only, for 14 days', () => {
    const template = apiTemplate();
    template.hasResourceProperties('AWS::SQS::Queue', {
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 14 * 86400,
    });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: 'sqs:*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
          Match.objectLike({
            Effect: 'Allow',
            Action: 'sqs:SendMessage',
            Principal: { Service: 'events.amazonaws.com' },
            Condition: { ArnEquals: { 'aws:SourceArn': Match.anyValue() } },
          }),
        ]),
      },
    });
  });

  it('gives a job function time for a whole sweep and the tables it writes, but no Step Functions call', () => {
    const template = apiTemplate();
    const fn = template.toJSON().Resources[jobFunctionId('daily-sweep')];
    expect(fn.Properties.Timeout).toBe(600);
    const roleId = fn.Properties.Role['Fn::GetAtt'][0];
    const statements = Object.values(template.findResources('AWS::IAM::Policy'))
      .filter((policy) => JSON.stringify(policy.Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement);
    const granted = JSON.stringify(statements);
    expect(granted).toContain('/index/GSI3');
    expect(granted).toContain('dynamodb:UpdateItem');
    expect(granted).not.toContain('/index/*');
    // Its signals (Overdue, NoResponse) and re-queued starts go to the outbox, delivered from the stream.
    expect(granted).not.toContain('states:');
    expect(fn.Properties.Environment.Variables).toMatchObject({
      PROGRAM_TABLE: expect.anything(),
      LEDGER_TABLE: expect.anything(),
    });
  });

  it('gives the API function that runs jobs by hand as long as API Gateway waits', () => {
    const template = apiTemplate();
    const [, jobsApi] =
      Object.entries(template.findResources('AWS::Lambda::Function')).find(
        ([, fn]) => fn.Metadata['local:entry'] === 'functions/api/jobs/handler.ts',
      ) ?? [];
    expect(jobsApi?.Properties.Timeout).toBe(29);
  });

  it('can run every scheduled job by hand too (POST /jobs/{job}/runs)', () => {
    expect(jobNames().sort()).toEqual(Object.keys(SCHEDULED_JOBS).sort());
  });
});
