import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/build-app';

/** The three deployment targets, chosen by context exactly as `npx cdk deploy -c …` would. */
const TARGETS = {
  global: { region: 'ap-southeast-1', context: {} },
  beijing: {
    region: 'cn-north-1',
    context: { oidcIssuer: 'https://sso.example.gov.cn/realms/haining', oidcAudience: 'qinqing' },
  },
  ningxia: {
    region: 'cn-northwest-1',
    context: { oidcIssuer: 'https://sso.example.gov.cn/realms/haining', oidcAudience: 'qinqing' },
  },
} as const;
type TargetName = keyof typeof TARGETS;

// biome-ignore lint/suspicious/noExplicitAny: synthesized CloudFormation JSON, read by path
type Json = any;

interface Synthesized {
  dir: string;
  templates: Record<string, Record<string, Json>>;
  report: {
    pluginReports: { pluginName: string; violations: { ruleName: string; description: string }[] }[];
  };
}

const synthesized = new Map<TargetName, Synthesized>();
const synth = (name: TargetName): Synthesized => {
  const target = TARGETS[name];
  const dir = mkdtempSync(join(tmpdir(), `qinqing-target-${name}-`));
  const { app } = buildApp({
    stage: 'test',
    bundling: false,
    outdir: dir,
    context: { region: target.region, account: '123456789012', ...target.context },
  });
  const assembly = app.synth();
  const templates = Object.fromEntries(assembly.stacks.map((stack) => [stack.stackName, stack.template]));
  const report = JSON.parse(readFileSync(join(dir, 'validation-report.json'), 'utf8'));
  return { dir, templates, report };
};

beforeAll(() => {
  for (const name of Object.keys(TARGETS) as TargetName[]) synthesized.set(name, synth(name));
}, 600_000);
afterAll(() => {
  for (const { dir } of synthesized.values()) rmSync(dir, { recursive: true, force: true });
});

const of = (name: TargetName) => synthesized.get(name) as Synthesized;
const api = (name: TargetName) => of(name).templates['Qinqing-test-Api'] as Record<string, Json>;
const resources = (template: Record<string, Json>, type: string) =>
  Object.entries(template.Resources as Record<string, Json>).filter(([, resource]) => resource.Type === type);

/** Every string in a template with the path that leads to it. */
const strings = (value: unknown, path: string[] = []): { path: string[]; text: string }[] => {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item) => strings(item, path));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => strings(item, [...path, key]));
  return [];
};

const REGION =
  /\b(?:us|eu|ap|sa|ca|me|af|il|mx|cn)-(?:north|south|east|west|central|northeast|northwest|southeast|southwest)-\d\b/;

describe.each(Object.keys(TARGETS) as TargetName[])('the %s target', (name) => {
  it('synthesizes with no template validation warning (F3006 and kin) and no cdk-nag finding', () => {
    const findings = of(name).report.pluginReports.flatMap((report) =>
      report.violations.map(
        (violation) => `${report.pluginName} ${violation.ruleName}: ${violation.description}`,
      ),
    );
    expect(findings).toEqual([]);
  });

  it('hard-codes no partition and no amazonaws.com: ARNs use AWS::Partition, domains AWS::URLSuffix', () => {
    for (const [stackName, template] of Object.entries(of(name).templates)) {
      for (const { path, text } of strings(template.Resources)) {
        expect(text, `${stackName} ${path.join('.')}`).not.toMatch(/arn:aws(-cn)?:/);
        // A policy document kept as a JSON string (a log group's resource policy) names its service
        // principals inside the text.
        const outsidePrincipals = text.replace(/"Service":"[a-z0-9-]+\.amazonaws\.com"/g, '');
        if (outsidePrincipals.includes('amazonaws')) {
          // Service principals are `<service>.amazonaws.com` in every partition (CDK's standardized form).
          expect(path.at(-1), `${stackName} ${path.join('.')}: ${text}`).toMatch(/^(Service|Principal)$/);
          expect(text).toMatch(/^[a-z0-9-]+\.amazonaws\.com$/);
        }
      }
    }
  });

  it('names no region but its own, and the other region of its partition for backup copies', () => {
    const allowed = new Set([
      TARGETS[name].region,
      ...(name === 'global' ? [] : ['cn-north-1', 'cn-northwest-1']),
    ]);
    for (const [stackName, template] of Object.entries(of(name).templates)) {
      for (const { path, text } of strings(template.Resources)) {
        const region = text.match(REGION)?.[0];
        if (region) expect(allowed.has(region), `${stackName} ${path.join('.')}: ${text}`).toBe(true);
      }
    }
  });
});

describe('AWS China', () => {
  it.each(['beijing', 'ningxia'] as const)(
    '%s: no Cognito, the OIDC issuer’s JWT authorizer, no Lambda X-Ray',
    (name) => {
      for (const template of Object.values(of(name).templates)) {
        expect(JSON.stringify(template)).not.toContain('AWS::Cognito::');
      }
      const [[, authorizer]] = resources(api(name), 'AWS::ApiGatewayV2::Authorizer') as [[string, Json]];
      expect(authorizer.Properties.JwtConfiguration).toEqual({
        Issuer: 'https://sso.example.gov.cn/realms/haining',
        Audience: ['qinqing'],
      });
      for (const [, fn] of resources(api(name), 'AWS::Lambda::Function')) {
        expect(fn.Properties.TracingConfig).toBeUndefined();
      }
    },
  );

  it('copies backups to the other China region', () => {
    expect(Object.keys(of('beijing').templates)).toContain('Qinqing-test-BackupCopy');
    expect(JSON.stringify(of('beijing').templates['Qinqing-test-Data'])).toContain(':backup:cn-northwest-1:');
  });

  it('refuses to synthesize without an issuer: China has no Cognito user pools', () => {
    expect(() =>
      buildApp({
        stage: 'test',
        bundling: false,
        context: { region: 'cn-north-1', account: '123456789012' },
      }),
    ).toThrow(/oidcIssuer/);
  });
});

describe('the global target', () => {
  it('trusts its Cognito pool with an issuer built from the partition’s URL suffix', () => {
    const [[, authorizer]] = resources(api('global'), 'AWS::ApiGatewayV2::Authorizer') as [[string, Json]];
    expect(JSON.stringify(authorizer.Properties.JwtConfiguration.Issuer)).toContain('AWS::URLSuffix');
  });
});

describe('least privilege', () => {
  it('fails synth on a new Resource: * grant in the API stack', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qinqing-star-'));
    try {
      const { app, api: stack } = buildApp({ stage: 'star', bundling: false, outdir: dir });
      stack.functions
        .get('reports')
        ?.fn.addToRolePolicy(new PolicyStatement({ actions: ['dynamodb:GetItem'], resources: ['*'] }));
      expect(() => app.synth()).toThrow(/AwsSolutions-IAM5/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** A readable name for a resource an ARN expression refers to. */
const resourceLabel = (resource: unknown): string => {
  const text = JSON.stringify(resource);
  const labels: [RegExp, string][] = [
    [/\/index\//, 'index'],
    [/StreamArn/, 'program stream'],
    [/issue-workflow|IssueWorkflowStateMachine/, 'issue state machine'],
    [/ProgramTable/, 'program table'],
    [/LedgerTable/, 'ledger table'],
    [/IdempotencyTable/, 'idempotency table'],
  ];
  return labels.find(([pattern]) => pattern.test(text))?.[1] ?? text;
};

/** function (its `local:entry`) → the DynamoDB and Step Functions actions its role allows, per resource. */
const permissionTable = (template: Record<string, Json>) => {
  const entries = new Map<string, string>();
  for (const [, fn] of resources(template, 'AWS::Lambda::Function')) {
    const entry = fn.Metadata?.['local:entry'];
    if (typeof entry === 'string') entries.set(fn.Properties.Role['Fn::GetAtt'][0], entry);
  }
  const table: Record<string, string[]> = {};
  for (const [, policy] of resources(template, 'AWS::IAM::Policy')) {
    for (const role of policy.Properties.Roles) {
      const entry = entries.get(role.Ref);
      if (!entry) continue;
      for (const statement of policy.Properties.PolicyDocument.Statement) {
        const actions = [statement.Action]
          .flat()
          .filter((action: string) => /^(dynamodb|states):/.test(action));
        const targets = [statement.Resource]
          .flat()
          .map((resource: unknown) => (typeof resource === 'string' ? resource : resourceLabel(resource)));
        for (const action of actions) {
          table[entry] = [...(table[entry] ?? []), `${action} on ${[...new Set(targets)].join('+')}`];
        }
      }
    }
  }
  return table;
};

describe('the permission table (function → actions → resources)', () => {
  const table = () => permissionTable(api('beijing'));

  it('gives read-only areas reads only', () => {
    for (const area of ['reports', 'inspections', 'ledger']) {
      const grants = table()[`functions/api/${area}/handler.ts`] ?? [];
      expect(grants.length, area).toBeGreaterThan(0);
      expect(
        grants.filter((grant) => /Put|Update|Delete|BatchWrite/.test(grant)),
        area,
      ).toEqual([]);
    }
  });

  it('lets the outbox delivery only update items, start executions and answer its own state machine', () => {
    expect(table()['functions/workflow/deliver-signals/handler.ts']?.sort()).toEqual(
      [
        'dynamodb:DescribeStream on program stream',
        'dynamodb:GetRecords on program stream',
        'dynamodb:GetShardIterator on program stream',
        'dynamodb:ListStreams on *',
        'dynamodb:UpdateItem on program table',
        'states:SendTaskFailure on issue state machine',
        'states:SendTaskSuccess on issue state machine',
        'states:StartExecution on issue state machine',
      ].sort(),
    );
  });

  it('never grants a write action on an index ARN, nor any table action on *', () => {
    for (const [entry, grants] of Object.entries(table())) {
      expect(
        grants.filter((grant) => /(Put|Update|Delete|BatchWrite)Item on .*index/.test(grant)),
        entry,
      ).toEqual([]);
      expect(
        grants.filter((grant) => grant.endsWith(' on *') && !grant.startsWith('dynamodb:ListStreams')),
        entry,
      ).toEqual([]);
    }
  });

  it('scopes task responses to the named issue state machine', () => {
    const statements = resources(api('beijing'), 'AWS::IAM::Policy').flatMap(
      ([, policy]) => policy.Properties.PolicyDocument.Statement,
    );
    const responses = statements.filter((statement: Json) =>
      [statement.Action].flat().includes('states:SendTaskSuccess'),
    );
    expect(responses.length).toBe(2);
    for (const statement of responses) {
      expect(JSON.stringify(statement.Resource)).toContain(':stateMachine:Qinqing-test-Api-issue-workflow');
    }
  });
});
