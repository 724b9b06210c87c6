import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * How the program's DynamoDB client retries: the SDK's standard mode, three attempts in all, with
 * exponential backoff and full jitter (longer for throttling). Past them the error reaches the
 * caller; the API answers it 503 SERVICE_BUSY with Retry-After (shared/http/translate-error.ts), so
 * a request never waits on the store for long inside a function's timeout.
 */
export const DYNAMO_RETRIES = { maxAttempts: 3, retryMode: 'standard' } as const;

/** The program's DynamoDB client; `overrides` only for tests that stand in for the network. */
export const newDynamoClient = (overrides: Partial<DynamoDBClientConfig> = {}) =>
  new DynamoDBClient({ ...DYNAMO_RETRIES, ...overrides });

/**
 * One client per process. Locally AWS_ENDPOINT_URL_DYNAMODB points the SDK at DynamoDB Local, so
 * this code is the same in both places.
 */
export const dynamoClient = newDynamoClient();

export const documentClient = DynamoDBDocumentClient.from(dynamoClient, {
  marshallOptions: { removeUndefinedValues: true },
});
