/** A fixed, obviously fake account: ARNs built locally must never be mistaken for real ones. */
export const LOCAL_ACCOUNT_ID = '000000000000';

/** Haining's program runs in AWS China; an explicit AWS_REGION wins. */
export const localRegion = (): string => process.env.AWS_REGION ?? 'cn-north-1';

/**
 * What every local handler's SDK needs: the region, fake credentials (alphanumeric, as DynamoDB Local
 * requires) so no real profile is ever consulted, and no Node 20 support warning on every cold start.
 */
export const localAwsEnvironment = (region: string): Record<string, string> => ({
  AWS_REGION: region,
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
});

/** The secret key of the one local access key, as the local S3 endpoint checks signatures with it. */
export const localSecretOf = (accessKeyId: string): string | undefined =>
  accessKeyId === 'local' ? 'local' : undefined;

/** Variables that would make the SDK mix real credentials into the fake ones. */
export const REAL_CREDENTIAL_VARIABLES = ['AWS_SESSION_TOKEN', 'AWS_PROFILE'];
