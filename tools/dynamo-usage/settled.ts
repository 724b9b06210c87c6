import type { DynamoDbMeter } from './meter';

/**
 * Resolves once the system has made no DynamoDB call for `quietMs`: the stream consumers, the
 * workflow's tasks and the event publishers have done what the last request set off. The stream is
 * polled every 100 ms, so a second of quiet means nothing is left in flight.
 */
export const settled = async (meter: DynamoDbMeter, quietMs = 1_500): Promise<void> => {
  let seen = meter.calls().length;
  let quietSince = Date.now();
  while (Date.now() - quietSince < quietMs) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = meter.calls().length;
    if (now !== seen) {
      seen = now;
      quietSince = Date.now();
    }
  }
};
