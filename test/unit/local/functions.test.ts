import { describe, expect, it } from 'vitest';
import { functionsWithEnvironment, sharedEnvironment } from '../../../infra/local/functions/environment';
import { functionRuntime } from '../../../infra/local/functions/function-runtime';
import { lambdaContext } from '../../../infra/local/functions/lambda-context';
import {
  enforceResponseLimit,
  LAMBDA_RESPONSE_LIMIT_BYTES,
  LambdaResponseTooLarge,
} from '../../../infra/local/functions/response-limit';
import { LocalModeError } from '../../../infra/local/local-mode-error';
import { functionDefinitions } from '../../../infra/local/template/functions';
import { localTable } from '../../../infra/local/template/tables';
import { apiStack, dataStack } from '../../support/local-template-fixture';

const target = { region: 'cn-north-1', accountId: '000000000000' };
const scope = {
  stacks: [dataStack, apiStack],
  ...target,
  namers: { 'AWS::DynamoDB::Table': localTable(target.region, target.accountId) },
};

describe('functionsWithEnvironment', () => {
  it('resolves every function’s variables into the one environment they share locally', () => {
    const { definitions, environment } = functionsWithEnvironment([dataStack, apiStack], scope);

    expect(definitions).toHaveLength(2);
    expect(environment).toEqual({
      SERVICE_NAME: 'Qinqing-test-Api',
      PROGRAM_TABLE: 'ProgramTable49512687',
      IDEMPOTENCY_TABLE: 'IdempotencyTable22A5A209',
    });
  });

  it('names the function and variable it cannot resolve', () => {
    const withoutTables = { ...scope, namers: {} };

    expect(() => functionsWithEnvironment([dataStack, apiStack], withoutTables)).toThrow(
      /^Function ApiunitsFunction449702D4: environment variable PROGRAM_TABLE: ProgramTable49512687 is a AWS::DynamoDB::Table/,
    );
  });
});

describe('sharedEnvironment', () => {
  it('fails loudly when two functions need different values for one variable', () => {
    const conflicting = [
      { logicalId: 'A', environment: { MODE: 'x', SAME: '1' } },
      { logicalId: 'B', environment: { MODE: 'y', SAME: '1' } },
    ];

    expect(() => sharedEnvironment(conflicting)).toThrow(LocalModeError);
    expect(() => sharedEnvironment(conflicting)).toThrow('Functions A and B need different values for MODE');
  });
});

describe('lambdaContext', () => {
  it('counts the remaining time down from the function’s timeout', () => {
    const [units] = functionDefinitions(apiStack);
    if (!units) throw new Error('fixture has no units function');

    const context = lambdaContext(units, target);

    expect(context).toMatchObject({
      functionName: 'ApiunitsFunction449702D4',
      memoryLimitInMB: '512',
      invokedFunctionArn: 'arn:aws-cn:lambda:cn-north-1:000000000000:function:ApiunitsFunction449702D4',
    });
    expect(context.awsRequestId).not.toBe(lambdaContext(units, target).awsRequestId);
    expect(context.getRemainingTimeInMillis()).toBeGreaterThan(9_000);
    expect(context.getRemainingTimeInMillis()).toBeLessThanOrEqual(10_000);
  });
});

describe('functionRuntime', () => {
  it('imports a handler from its TypeScript entry on first use and invokes it', async () => {
    const runtime = functionRuntime(functionDefinitions(apiStack), target);

    const result = await runtime.invoke('ApimetaFunction39598C30', {
      version: '2.0',
      routeKey: 'GET /health',
      rawPath: '/health',
      rawQueryString: '',
      headers: {},
      requestContext: { requestId: 'r1', http: { method: 'GET', path: '/health' } },
      isBase64Encoded: false,
    });

    expect(result).toMatchObject({ statusCode: 200, body: '{"status":"ok"}' });
  });

  it('refuses to start with an entry that does not exist', () => {
    const [units] = functionDefinitions(apiStack);
    if (!units) throw new Error('fixture has no units function');

    expect(() => functionRuntime([{ ...units, entry: 'functions/api/nope/handler.ts' }], target)).toThrow(
      'entry functions/api/nope/handler.ts does not exist',
    );
  });
});

describe('enforceResponseLimit', () => {
  it("passes a result up to Lambda's 6 MB and fails one beyond it, as Lambda does", () => {
    const envelope = Buffer.byteLength(JSON.stringify({ statusCode: 200, body: '' }));
    const fits = { statusCode: 200, body: 'x'.repeat(LAMBDA_RESPONSE_LIMIT_BYTES - envelope) };
    const over = { statusCode: 200, body: 'x'.repeat(LAMBDA_RESPONSE_LIMIT_BYTES - envelope + 1) };

    expect(enforceResponseLimit('Fn', fits)).toBe(fits);
    expect(() => enforceResponseLimit('Fn', over)).toThrow(LambdaResponseTooLarge);
  });
});
