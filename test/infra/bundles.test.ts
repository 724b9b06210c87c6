import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PolicyGroup, policyEnvironment } from '../../infra/policy-settings';
import { BASELINE_ENTRY, budgetRatioOf } from '../../tools/lambda-bundles/budget';
import { type BuiltBundle, buildBundle } from '../../tools/lambda-bundles/build-bundle';
import { apiTemplate } from './synthesized';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const outRoot = mkdtempSync(join(tmpdir(), 'qinqing-bundles-'));

/** Every function of the template by its entry, with its environment variables. */
const functions = new Map(
  Object.values(apiTemplate().findResources('AWS::Lambda::Function'))
    .filter((fn) => typeof fn.Metadata?.['local:entry'] === 'string')
    .map((fn) => [
      fn.Metadata['local:entry'] as string,
      (fn.Properties.Environment?.Variables ?? {}) as Record<string, unknown>,
    ]),
);
const entries = [...functions.keys()];
const apiEntries = entries.filter((entry) => entry.startsWith('functions/api/'));

/** Each bundle built once, as CDK builds it (esbuild runs the builds in parallel). */
const bundles = new Map<string, BuiltBundle>();
beforeAll(async () => {
  const built = await Promise.all(
    [BASELINE_ENTRY, ...entries].map(
      async (entry) =>
        [entry, await buildBundle(repoRoot, entry, join(outRoot, entry.replaceAll('/', '-')))] as const,
    ),
  );
  for (const [entry, bundle] of built) bundles.set(entry, bundle);
}, 300_000);
afterAll(() => rmSync(outRoot, { recursive: true, force: true }));

const bundleOf = (entry: string): BuiltBundle => {
  const bundle = bundles.get(entry);
  if (!bundle) throw new Error(`${entry} was not built`);
  return bundle;
};

/** The files a bundle is made of (repository paths, node_modules included), as esbuild's metafile lists them. */
const bundledFrom = (entry: string): string[] =>
  Object.values(bundleOf(entry).metafile.outputs).flatMap((output) => Object.keys(output.inputs));

describe('the bundle budget', () => {
  it('covers every API area', () => {
    expect(apiEntries.length).toBeGreaterThanOrEqual(9);
  });

  // Sizes are deterministic (same sources, same esbuild); import time is measured by `npm run bench`.
  it.each(apiEntries)('%s is within its budget of the baseline bundle in size', (entry) => {
    const ratio = bundleOf(entry).bytes / bundleOf(BASELINE_ENTRY).bytes;
    expect(ratio, `${entry} is ${ratio.toFixed(3)}× the baseline`).toBeLessThanOrEqual(budgetRatioOf(entry));
  });
});

const STEP_FUNCTIONS_CLIENT = /node_modules\/@aws-sdk\/client-sfn\//;

/** API handlers never call Step Functions after a commit (the outbox does): none may bundle its client. */
describe('the Step Functions client', () => {
  it.each(apiEntries)('%s does not bundle it', (entry) => {
    expect(bundledFrom(entry).filter((input) => STEP_FUNCTIONS_CLIENT.test(input))).toEqual([]);
  });

  it('the delivery function does bundle it (the check sees the client where it is)', () => {
    const inputs = bundledFrom('functions/workflow/deliver-signals/handler.ts');
    expect(inputs.some((input) => STEP_FUNCTIONS_CLIENT.test(input))).toBe(true);
  });
});

const S3_CLIENT = /node_modules\/@aws-sdk\/(client-s3|s3-request-presigner)\//;
const ATTACHMENTS = 'functions/api/attachments/handler.ts';

/** The S3 client and presigner live in the attachments function only: every other bundle stays small. */
describe('the S3 client', () => {
  it.each(entries.filter((entry) => entry !== ATTACHMENTS))('%s does not bundle it', (entry) => {
    expect(bundledFrom(entry).filter((input) => S3_CLIENT.test(input))).toEqual([]);
  });

  it('the attachments function does (the check sees the client where it is)', () => {
    expect(bundledFrom(ATTACHMENTS).some((input) => S3_CLIENT.test(input))).toBe(true);
  });
});

const EVENTBRIDGE_CLIENT = /node_modules\/@aws-sdk\/client-eventbridge\//;
const PUBLISHER = 'functions/events/publish-reports/handler.ts';

/** Program events leave through the table stream: no API handler or job carries the EventBridge client. */
describe('the EventBridge client', () => {
  it.each(entries.filter((entry) => /^functions\/(api|jobs)\//.test(entry)))(
    '%s does not bundle it',
    (entry) => {
      expect(bundledFrom(entry).filter((input) => EVENTBRIDGE_CLIENT.test(input))).toEqual([]);
    },
  );

  it('the publisher does (the check sees the client where it is)', () => {
    expect(bundledFrom(PUBLISHER).some((input) => EVENTBRIDGE_CLIENT.test(input))).toBe(true);
  });
});

/** The module that reads each group of policy settings at cold start. */
const POLICY_READERS: Record<PolicyGroup, string> = {
  issue: 'shared/usecases/issues/issue-policy.ts',
  scoring: 'shared/usecases/scoring/scoring-config.ts',
  appraisal: 'shared/appraisal-config.ts',
};
const policyVariables = policyEnvironment('test', undefined);

/** Declared by hand per function (infra/policy-settings.ts), checked here against what the code reads. */
describe.each(Object.entries(POLICY_READERS) as [PolicyGroup, string][])(
  'the %s policy settings',
  (group, reader) => {
    it.each(entries)('are set on %s exactly when its bundle reads them', (entry) => {
      const variables = functions.get(entry) ?? {};
      const expected = bundledFrom(entry).includes(reader) ? policyVariables[group] : {};
      const set = Object.fromEntries(
        Object.keys(policyVariables[group])
          .filter((name) => name in variables)
          .map((name) => [name, variables[name]]),
      );
      expect(set).toEqual(expected);
    });
  },
);

/** Development code (tools/, test/, bench/) stays out of what Lambda loads. */
describe('function bundles', () => {
  it.each(entries)('%s bundles no development code', (entry) => {
    expect(bundledFrom(entry).filter((input) => /^(tools|test|bench)\//.test(input))).toEqual([]);
  });
});
