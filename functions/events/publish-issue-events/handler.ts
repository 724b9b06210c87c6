import type { LedgerFacts } from '../../../shared/domain/ledger/hash-chain';
import { issueEventsOf } from '../../../shared/domain/notifications/issue-events';
import { type PublishEvents, publishToEventBus } from '../../../shared/events/event-bus';
import { tableStreamHandler } from '../../../shared/streams/table-stream-handler';

/**
 * The ledger table's stream: every appended entry becomes the program events it stands for (none
 * for bookkeeping such as progress notes), published in order. A record sent twice (the stream
 * retries from a failed one) makes the same event ids, which subscribers drop.
 */
export const publishIssueEvents = (publish: PublishEvents) =>
  tableStreamHandler({
    workOf: (item, record) => {
      if (record.eventName !== 'INSERT' || typeof item.issueId !== 'string') return undefined;
      const events = issueEventsOf(item as unknown as LedgerFacts);
      return events.length > 0 ? events : undefined;
    },
    handle: async (events) => {
      const failed = await publish(events);
      if (failed.length > 0) throw new Error(`EventBridge did not take ${failed.join(', ')}`);
    },
    failureMessage: 'publishing issue events failed; the stream retries them',
    logFields: (events) => ({ eventIds: events.map((event) => event.id) }),
  });

export const handler = publishIssueEvents(publishToEventBus);
