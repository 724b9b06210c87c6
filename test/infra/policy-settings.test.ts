import { Stack } from 'aws-cdk-lib';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/build-app';
import { apiTemplate } from './synthesized';

/** The app for a stage with these `policySettings` context values (built, not synthesized). */
// A prod synth must name its web client's origins (the attachments bucket's CORS).
const appWith = (policySettings: unknown) =>
  buildApp({
    stage: 'prod',
    bundling: false,
    context: { policySettings, webOrigins: ['https://qinqing.example.gov.cn'] },
  });

const variablesOf = (api: ReturnType<typeof appWith>['api'], area: string): Record<string, string> => {
  const fn = api.functions.get(area)?.fn;
  if (!fn) throw new Error(`no function for area ${area}`);
  const cfn = fn.node.defaultChild as CfnFunction;
  return (Stack.of(fn).resolve(cfn.environment) as { variables: Record<string, string> }).variables;
};

describe('policy settings per stage', () => {
  it('gives the functions that read a group every variable of it, defaults filled in', () => {
    const issues = Object.values(apiTemplate().findResources('AWS::Lambda::Function')).find(
      (fn) => fn.Metadata['local:entry'] === 'functions/api/issues/handler.ts',
    );
    expect(issues?.Properties.Environment.Variables).toMatchObject({
      ISSUE_DEFAULT_DUE_WORKING_DAYS: '10',
      ISSUE_MAX_RE_REVIEWS: '2',
      ISSUE_FOLLOW_UP_WORKING_DAYS: '5',
      ISSUE_SUPERVISION_LIMIT: '2',
      ISSUE_SUPERVISION_STEP_WORKING_DAYS: '3',
      ISSUE_DUE_SOON_WORKING_DAYS: '2',
    });
  });

  it("takes a stage's values from the policySettings context, in cdk.json's form or as -c JSON", () => {
    const settings = { prod: { ISSUE_MAX_RE_REVIEWS: 3, EXCELLENT_BASE_PERCENT: '12.5' }, dev: {} };
    for (const context of [settings, JSON.stringify(settings)]) {
      const { api } = appWith(context);
      expect(variablesOf(api, 'issues')).toMatchObject({
        ISSUE_MAX_RE_REVIEWS: '3',
        ISSUE_SUPERVISION_LIMIT: '2',
      });
      expect(variablesOf(api, 'assessments')).toMatchObject({ EXCELLENT_BASE_PERCENT: '12.5' });
    }
  });

  it.each([
    [
      { prod: { ISSUE_MAX_RE_REVIEWS: '-1' } },
      /stage "prod".*ISSUE_MAX_RE_REVIEWS must be a non-negative integer/,
    ],
    [{ prod: { SCORING_WEIGHT_PARTY: '0.5' } }, /stage "prod".*Scoring weights must sum to 1/],
    [{ prod: { EXCELLENT_BASE_PERCENT: '96' } }, /stage "prod".*base ratio must be 0–9500/],
    [{ prod: { ISSUE_MAX_REREVIEWS: '3' } }, /stage "prod".*unknown variable ISSUE_MAX_REREVIEWS/],
    [{ prod: { ISSUE_MAX_RE_REVIEWS: true } }, /ISSUE_MAX_RE_REVIEWS must be a string or a number/],
    [{ prod: ['ISSUE_MAX_RE_REVIEWS'] }, /policySettings\.prod.*expected an object of variables/],
    ['{not json', /policySettings is not JSON/],
  ])('fails synth on a bad value: %j', (policySettings, message) => {
    expect(() => appWith(policySettings)).toThrow(message);
  });
});
