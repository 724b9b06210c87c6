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

describe.each(['issues', 'consultations'])('the %s function', (area) => {
  const { fn, statements } = functionFor(`functions/api/${area}/handler.ts`);

  it('starts issue executions and answers their callback waits', () => {
    expect(fn.Properties.Environment.Variables.ISSUE_STATE_MACHINE_ARN).toBeDefined();
    const granted = statements.flatMap((statement) => [statement.Action].flat());
    expect(granted).toEqual(expect.arrayContaining(['states:StartExecution', 'states:SendTaskSuccess']));
  });

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
