import { App, Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AttributeType, StreamViewType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { describe, expect, it } from 'vitest';
import { CALLBACK_SAFETY_NET_DAYS, IssueWorkflow } from '../../infra/constructs/issue-workflow';
import { policyEnvironment } from '../../infra/policy-settings';
import { FAULTS } from '../support/dynamo-faults';
import { SFN_FAULTS } from '../support/sfn-faults';
import { apiTemplate } from './synthesized';

interface AslState {
  Type: string;
  Resource?: unknown;
  TimeoutSeconds?: number;
  Retry?: { ErrorEquals: string[]; JitterStrategy?: string }[];
  Catch?: { ErrorEquals: string[]; Next: string }[];
  Parameters?: { Payload?: Record<string, unknown> };
  Choices?: { Variable: string; StringEquals: string; Next: string }[];
  Default?: string;
}

/** The definition with the function ARNs (intrinsics) replaced by their logical ids. */
const definitionOf = (template: Template): { StartAt: string; States: Record<string, AslState> } => {
  const [machine] = Object.values(template.findResources('AWS::StepFunctions::StateMachine'));
  const parts = machine?.Properties.DefinitionString['Fn::Join'][1] as unknown[];
  return JSON.parse(parts.map((part) => (typeof part === 'string' ? part : 'X')).join(''));
};

const tasks = (states: Record<string, AslState>) =>
  Object.entries(states).filter(([, s]) => s.Type === 'Task');

describe('issue workflow state machine', () => {
  const template = apiTemplate();
  const { StartAt, States } = definitionOf(template);

  it('is one Standard state machine, logging every event to a retained log group, traced with X-Ray', () => {
    template.resourceCountIs('AWS::StepFunctions::StateMachine', 1);
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineType: 'STANDARD',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: Match.objectLike({ Level: 'ALL' }),
    });
    expect(JSON.stringify(definitionOf(template))).not.toMatch(/JSONata|"Assign"|QueryLanguage/);
  });

  it('names its states for people and starts by routing the escalation', () => {
    expect(StartAt).toBe('Route escalation');
    expect(Object.keys(States).sort()).toEqual(
      [
        'Route escalation',
        'Next step',
        'Await dispatch',
        'Await resolution',
        'Await consultation decision',
        'Await enterprise verdict',
        'Route decision',
        'Supervise',
        'Close out',
        'Close out (no response)',
        'Unexpected route',
        'Record failure',
        'Failed',
      ].sort(),
    );
  });

  it('gives every Task a timeout, transient-only retries with full jitter, and a catch-all last', () => {
    for (const [name, state] of tasks(States)) {
      expect(state.TimeoutSeconds, name).toBeGreaterThan(0);
      for (const retry of state.Retry ?? []) {
        expect(retry.ErrorEquals, name).not.toContain('States.ALL');
        expect(retry.JitterStrategy, name).toBe('FULL');
      }
      expect(state.Retry?.[0]?.ErrorEquals, name).toContain('Lambda.ServiceException');
      expect(state.Catch?.at(-1)?.ErrorEquals, name).toEqual(['States.ALL']);
    }
    expect(States['Record failure']?.Catch?.at(-1)?.Next).toBe('Failed');
  });

  it('retries every store fault the fault-injection tests throw, rather than failing the issue’s workflow', () => {
    // Found by fault injection: a timeout or a DynamoDB 500 in an automatic step (Supervise, Close
    // out) went to Record failure, so a passing fault left the issue needing an operator's restart.
    const names = [
      ...Object.values(FAULTS).map((fault) => fault.error().name),
      // A wait whose decision came first answers Step Functions itself (faults-workflow-steps.test.ts).
      ...Object.values(SFN_FAULTS).map((fault) => fault().name),
    ];
    for (const [name, state] of tasks(States)) {
      const retried = (state.Retry ?? []).flatMap((retry) => retry.ErrorEquals);
      for (const error of names) expect(retried, `${name} retries ${error}`).toContain(error);
    }
  });

  it('waits for people with callback tasks on one function, below the one-year execution limit, consuming the next decision', () => {
    const waits = tasks(States).filter(([name]) => name.startsWith('Await'));
    expect(waits).toHaveLength(4);
    for (const [name, state] of waits) {
      expect(JSON.stringify(state.Resource), name).toContain('lambda:invoke.waitForTaskToken');
      // Below the one-year execution limit, so that `Record failure` still runs after a timed-out wait.
      expect(state.TimeoutSeconds, name).toBe(Duration.days(CALLBACK_SAFETY_NET_DAYS).toSeconds());
      expect(state.TimeoutSeconds, name).toBeLessThan(Duration.days(365).toSeconds());
      expect(state.Parameters?.Payload, name).toMatchObject({
        'issueId.$': '$.issueId',
        'seq.$': 'States.MathAdd($.signal.seq, 1)',
        'taskToken.$': '$$.Task.Token',
      });
      expect(state.Catch?.[0]?.Next ?? '', name).toMatch(
        /Supervise|Close out \(no response\)|Record failure/,
      );
    }
    expect(States['Await resolution']?.Catch?.[0]).toEqual(
      expect.objectContaining({ ErrorEquals: ['Overdue'], Next: 'Supervise' }),
    );
    expect(States['Await enterprise verdict']?.Catch?.[0]).toEqual(
      expect.objectContaining({ ErrorEquals: ['NoResponse'], Next: 'Close out (no response)' }),
    );
  });

  it('routes every decision kind to its next wait and anything else to the failure path', () => {
    const routes = Object.fromEntries(
      (States['Route decision']?.Choices ?? []).map((choice) => [choice.StringEquals, choice.Next]),
    );
    expect(routes).toEqual({
      dispatched: 'Await resolution',
      decided: 'Await resolution',
      re_review: 'Await resolution',
      returned: 'Await dispatch',
      consultation_requested: 'Await consultation decision',
      consultation: 'Await consultation decision',
      resolved: 'Await enterprise verdict',
      closed: 'Close out',
    });
    expect(States['Route decision']?.Default).toBe('Unexpected route');
    expect(States['Next step']?.Default).toBe('Unexpected route');
  });

  it('tells a function that escalates issues where executions are, and grants it no Step Functions call', () => {
    const stack = new Stack(new App({ context: { 'aws:cdk:bundling-stacks': [] } }), 'Decisions');
    const table = (id: string) =>
      new Table(stack, id, {
        partitionKey: { name: 'pk', type: AttributeType.STRING },
        stream: StreamViewType.NEW_IMAGE,
      });
    const workflow = new IssueWorkflow(stack, 'IssueWorkflow', {
      programTable: table('Program'),
      ledgerTable: table('Ledger'),
      logRetention: RetentionDays.ONE_MONTH,
      policy: policyEnvironment('test', undefined),
    });
    const fn = new LambdaFunction(stack, 'Issues', {
      runtime: Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: Code.fromInline('export const handler = async () => {};'),
    });

    workflow.nameExecutions(fn);

    const decisions = Template.fromStack(stack);
    decisions.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'index.handler',
      Environment: {
        Variables: { ISSUE_STATE_MACHINE_ARN: { Ref: Match.stringLikeRegexp('StateMachine') } },
      },
    });
    const issuesPolicies = Object.values(decisions.findResources('AWS::IAM::Policy')).filter((policy) =>
      JSON.stringify(policy.Properties.Roles).includes('IssuesServiceRole'),
    );
    expect(JSON.stringify(issuesPolicies)).not.toContain('states:');
  });
});
