import { Stack, Token } from 'aws-cdk-lib';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import type { IConstruct } from 'constructs';

/**
 * Where the stacks go, from `-c account=… -c region=…` or else the CLI's environment
 * (CDK_DEFAULT_ACCOUNT/REGION, i.e. the credentials' account and the profile's region). Neither set
 * (`npx cdk synth` with no credentials): an environment-agnostic template shaped for a global region.
 */
export const deploymentEnvironment = (context: (key: string) => unknown) => {
  const given = (key: string, variable: string) => {
    const value = context(key) ?? process.env[variable];
    return typeof value === 'string' && value.length > 0 ? value : undefined;
  };
  return { account: given('account', 'CDK_DEFAULT_ACCOUNT'), region: given('region', 'CDK_DEFAULT_REGION') };
};

/** What differs between partitions, decided at synth from the stack's region. */
export interface TargetFeatures {
  /** The stack's region is in AWS China (`aws-cn`): Beijing or Ningxia. */
  china: boolean;
  /** Lambda's X-Ray integration (docs/deploy.md: not available in the China regions). */
  tracing: boolean;
  /** Cognito user pools (not available in the China regions). */
  cognitoUserPools: boolean;
}

/** The features of the target a construct is deployed to (an unresolved region counts as global). */
export const targetFeatures = (scope: IConstruct): TargetFeatures => {
  const region = stackRegion(scope);
  const china = region !== undefined && RegionInfo.get(region).partition === 'aws-cn';
  return { china, tracing: !china, cognitoUserPools: !china };
};

const stackRegion = (scope: IConstruct): string | undefined => {
  const { region } = Stack.of(scope);
  return Token.isUnresolved(region) ? undefined : region;
};
