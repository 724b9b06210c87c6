import type { DynamoDBStreamEvent } from 'aws-lambda';

type Invoke = (functionLogicalId: string, event: unknown) => Promise<unknown>;

let held: { promise: Promise<void>; release: () => void } | undefined;
let failures = 0;
const dropped = new Map<string, number>();

/** The issue an outbox entry record is for. */
const issueIdOf = (record: DynamoDBStreamEvent['Records'][number]) => record.dynamodb?.NewImage?.issueId?.S;

/**
 * Stands between the program table's stream and the delivery function in the workflow tests
 * (test/support/workflow-env.ts), so a test can put a delivery where it wants it: after some
 * decisions are committed (`holdDuring`), or after failed attempts (`failNext`: the function fails as
 * it does while Step Functions is unreachable, and the stream retries the record), or never
 * (`dropRecordsOf`: as records end up once the stream's retries give up).
 */
export const deliveryGate = {
  around:
    (invoke: Invoke): Invoke =>
    async (functionLogicalId, event) => {
      await held?.promise;
      if (failures > 0) {
        failures--;
        throw Object.assign(new Error('Step Functions is unreachable'), { name: 'ServiceUnavailable' });
      }
      const records = (event as DynamoDBStreamEvent).Records.filter((record) => {
        const issueId = issueIdOf(record);
        if (issueId === undefined || !dropped.has(issueId)) return true;
        dropped.set(issueId, (dropped.get(issueId) ?? 0) + 1);
        return false;
      });
      return records.length > 0 ? invoke(functionLogicalId, { Records: records }) : { batchItemFailures: [] };
    },

  /** Deliveries wait while `work` runs, then go in the order their records were written. */
  async holdDuring<T>(work: () => Promise<T>): Promise<T> {
    let release = () => {};
    const promise = new Promise<void>((resolve) => {
      release = resolve;
    });
    held = { promise, release };
    try {
      return await work();
    } finally {
      held = undefined;
      release();
    }
  },

  /** Records of the issue are dropped from now on; answers how many were, and stops dropping. */
  dropRecordsOf(issueId: string): { count(): number; stop(): void } {
    dropped.set(issueId, 0);
    return { count: () => dropped.get(issueId) ?? 0, stop: () => dropped.delete(issueId) };
  },

  /** The next `count` deliveries fail. */
  failNext(count: number): void {
    failures = count;
  },
};
