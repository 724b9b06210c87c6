import { randomUUID } from 'node:crypto';
import type { ScheduledEvent } from 'aws-lambda';

/** What EventBridge delivers to a function when a scheduled rule fires. */
export const scheduledEvent = (firing: {
  time: Date;
  ruleName: string;
  region: string;
  accountId: string;
}): ScheduledEvent => {
  const partition = firing.region.startsWith('cn-') ? 'aws-cn' : 'aws';
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: firing.accountId,
    // EventBridge writes the scheduled minute without milliseconds.
    time: firing.time.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region: firing.region,
    resources: [`arn:${partition}:events:${firing.region}:${firing.accountId}:rule/${firing.ruleName}`],
    detail: {},
  };
};
