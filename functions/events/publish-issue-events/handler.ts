import type { LedgerFacts } from '../../../shared/domain/ledger/hash-chain';
import { issueEventsOf } from '../../../shared/domain/notifications/issue-events';
import { type PublishEvents, publishToEventBus } from '../../../shared/events/event-bus';
import { streamEventPublisher } from '../../../shared/events/stream-publisher';

/**
 * The ledger table's stream: every appended entry becomes the program events it stands for (none
 * for bookkeeping such as progress notes), published in order. A record sent twice (the stream
 * retries from a failed one) makes the same event ids, which subscribers drop.
 */
export const publishIssueEvents = (publish: PublishEvents) =>
  streamEventPublisher(publish, 'issue events', (item, record) =>
    record.eventName === 'INSERT' && typeof item.issueId === 'string'
      ? issueEventsOf(item as unknown as LedgerFacts)
      : undefined,
  );

export const handler = publishIssueEvents(publishToEventBus);
