import { Readable } from 'node:stream';
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { DYNAMO_RETRIES, newDynamoClient } from '../../../shared/db/client';

/**
 * aws-sdk-client-mock replaces `send` and so skips the SDK's retry loop; this stands in for the
 * network instead (a request handler), under the program's own client configuration, and answers
 * throttling `throttleTimes` times before a success. It records when each attempt arrived.
 */
const throttlingNetwork = (throttleTimes: number) => {
  const attempts: number[] = [];
  const handle = async () => {
    attempts.push(performance.now());
    const throttled = attempts.length <= throttleTimes;
    const body = throttled
      ? { __type: 'com.amazonaws.dynamodb.v20120810#ThrottlingException', message: 'Rate exceeded' }
      : { Item: { pk: { S: 'P' }, sk: { S: 'S' } } };
    return {
      response: {
        statusCode: throttled ? 400 : 200,
        headers: { 'content-type': 'application/x-amz-json-1.0' },
        body: Readable.from([Buffer.from(JSON.stringify(body))]),
      },
    };
  };
  return {
    attempts,
    requestHandler: { handle, updateHttpClientConfig: () => {}, httpHandlerConfigs: () => ({}) },
  };
};

const getItem = (network: ReturnType<typeof throttlingNetwork>) =>
  newDynamoClient({ requestHandler: network.requestHandler as never }).send(
    new GetItemCommand({ TableName: 'program', Key: { pk: { S: 'P' }, sk: { S: 'S' } } }),
  );

const gapsOf = (attempts: number[]) => attempts.slice(1).map((at, i) => at - (attempts[i] as number));

describe('the program DynamoDB client under throttling', () => {
  it('retries within its bound and then lets the throttling through (the API answers 503)', async () => {
    const network = throttlingNetwork(100);

    await expect(getItem(network)).rejects.toMatchObject({ name: 'ThrottlingException' });
    expect(network.attempts).toHaveLength(DYNAMO_RETRIES.maxAttempts);
  });

  it('gets through when the throttling stops before its attempts run out', async () => {
    const network = throttlingNetwork(DYNAMO_RETRIES.maxAttempts - 1);

    const { Item } = await getItem(network);
    expect(Item).toEqual({ pk: { S: 'P' }, sk: { S: 'S' } });
    expect(network.attempts).toHaveLength(DYNAMO_RETRIES.maxAttempts);
  });

  it('waits a jittered, bounded time between attempts, so throttled callers do not return together', async () => {
    const runs = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const network = throttlingNetwork(1);
        await getItem(network);
        return gapsOf(network.attempts);
      }),
    );
    const firstGaps = runs.map((gaps) => gaps[0] as number);
    // Full jitter: each wait is a random share of the backoff cap (at most 1 s before the first
    // retry after throttling in standard mode; some slack for a loaded machine).
    for (const gap of firstGaps) expect(gap).toBeLessThan(1_300);
    expect(new Set(firstGaps.map((gap) => Math.round(gap / 10))).size).toBeGreaterThan(1);
  });
});
