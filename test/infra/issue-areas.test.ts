import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { apiTemplate } from './synthesized';

/** A function of the API stack by its TypeScript entry, with the statements of its role's policies. */
const functionFor = (entry: string) => {
  const template = apiTemplate();
  const [, fn] =
    Object.entries(template.findResources('AWS::Lambda::Function')).find(
      ([, candidate]) => candidate.Metadata['local:entry'] === entry,
    ) ?? [];
  if (!fn) throw new Error(`no function for ${entry}`);
  const role = fn.Properties.Role['Fn::GetAtt'][0] as string;
  const statements = Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(role))
    .flatMap(
      (policy) =>
        policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[],
    );
  return { fn, statements };
};

const actionsOn = (statements: { Action: string | string[]; Resource: unknown }[], resource: RegExp) =>
  statements
    .filter((statement) => resource.test(JSON.stringify(statement.Resource)))
    .flatMap((statement) => [statement.Action].flat());

const stepFunctionsActions = (statements: { Action: string | string[] }[]) =>
  statements
    .flatMap((statement) => [statement.Action].flat())
    .filter((action) => action.startsWith('states:'));

describe.each(['issues', 'cases', 'consultations', 'jobs', 'visits'])('the %s function', (area) => {
  const { statements } = functionFor(`functions/api/${area}/handler.ts`);

  it('may not call Step Functions: its decisions go to the outbox', () => {
    expect(stepFunctionsActions(statements)).toEqual([]);
  });
});

describe('the cases function', () => {
  it('names the executions of the issues it escalates', () => {
    const { fn } = functionFor('functions/api/cases/handler.ts');
    expect(fn.Properties.Environment.Variables.ISSUE_STATE_MACHINE_ARN).toBeDefined();
  });
});

describe.each(['issues', 'consultations', 'visits'])('the %s function', (area) => {
  const { fn, statements } = functionFor(`functions/api/${area}/handler.ts`);

  it('appends to the ledger but can never change or delete an entry', () => {
    const onLedger = actionsOn(statements, /LedgerTable/);
    expect(onLedger).toContain('dynamodb:PutItem');
    expect(onLedger).not.toContain('dynamodb:UpdateItem');
    expect(onLedger).not.toContain('dynamodb:DeleteItem');
    expect(fn.Properties.Environment.Variables).toMatchObject({
      PROGRAM_TABLE: expect.anything(),
      LEDGER_TABLE: expect.anything(),
      IDEMPOTENCY_TABLE: expect.anything(),
    });
  });
});

describe('the outbox delivery function', () => {
  const entry = 'functions/workflow/deliver-signals/handler.ts';

  it('reads the program table stream, filtered to newly put outbox entry items only, and reports failed records', () => {
    const [deliveryId] =
      Object.entries(apiTemplate().findResources('AWS::Lambda::Function')).find(
        ([, candidate]) => candidate.Metadata['local:entry'] === entry,
      ) ?? [];
    // The program events publisher reads the same stream with its own mapping (test/infra/rhythm.test.ts).
    const mappings = Object.values(apiTemplate().findResources('AWS::Lambda::EventSourceMapping')).filter(
      (candidate) => candidate.Properties.FunctionName.Ref === deliveryId,
    );
    expect(mappings).toHaveLength(1);
    const mapping = mappings[0]?.Properties;
    expect(JSON.stringify(mapping.EventSourceArn)).toMatch(/ProgramTable.*StreamArn/);
    expect(mapping).toMatchObject({
      BatchSize: 10,
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      MaximumRetryAttempts: expect.any(Number),
      MaximumRecordAgeInSeconds: expect.any(Number),
      DestinationConfig: { OnFailure: { Destination: expect.anything() } },
    });
    const patterns = (mapping.FilterCriteria.Filters as { Pattern: string }[]).map((filter) =>
      JSON.parse(filter.Pattern),
    );
    // INSERT only: an entry's later writes (none) and its TTL deletion never deliver it again.
    expect(patterns).toEqual([
      { eventName: ['INSERT'], dynamodb: { NewImage: { entity: { S: ['issueOutbox'] } } } },
    ]);
  });

  it('starts executions of the one state machine and answers task tokens, nothing more of Step Functions', () => {
    const { statements } = functionFor(entry);
    expect(stepFunctionsActions(statements).sort()).toEqual([
      'states:SendTaskFailure',
      'states:SendTaskSuccess',
      'states:StartExecution',
    ]);
    const start = statements.find((statement) => statement.Action === 'states:StartExecution');
    expect(JSON.stringify(start?.Resource)).toMatch(/StateMachine/);
  });

  it('sends records it gives up on to an encrypted, TLS-only queue', () => {
    const template = apiTemplate();
    const queues = template.findResources('AWS::SQS::Queue');
    const [id] = Object.keys(queues).filter((logicalId) => logicalId.startsWith('IssueWorkflowUndelivered'));
    expect(queues[id ?? '']?.Properties.SqsManagedSseEnabled).toBe(true);
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: id }],
      PolicyDocument: {
        Statement: [
          Match.objectLike({
            Effect: 'Deny',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ],
      },
    });
  });
});
