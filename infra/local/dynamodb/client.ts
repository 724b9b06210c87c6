import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** DynamoDB Local ignores credentials but the SDK signs anyway; they must be alphanumeric. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

export const localDynamoClient = (endpoint: string, region: string, maxAttempts = 3) =>
  new DynamoDBClient({ endpoint, region, credentials: LOCAL_CREDENTIALS, maxAttempts });
