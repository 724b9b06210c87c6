import { type TableStreamConsumer, tableStreamHandler } from '../streams/table-stream-handler';
import type { ProgramEvent, PublishEvents } from './event-bus';

/**
 * A table stream's records published as program events, in order: `eventsOf` says which events a
 * record stands for (none: nothing to publish). A record whose events EventBridge does not all take fails,
 * and the stream retries from it; the events' ids stay the same, so subscribers drop what they already had.
 */
export const streamEventPublisher = (
  publish: PublishEvents,
  what: string,
  eventsOf: TableStreamConsumer<ProgramEvent[]>['workOf'],
) =>
  tableStreamHandler<ProgramEvent[]>({
    workOf: (item, record) => {
      const events = eventsOf(item, record);
      return events && events.length > 0 ? events : undefined;
    },
    handle: async (events) => {
      const failed = await publish(events);
      if (failed.length > 0) throw new Error(`EventBridge did not take ${failed.join(', ')}`);
    },
    failureMessage: `publishing ${what} failed; the stream retries them`,
    logFields: (events) => ({ eventIds: events.map((event) => event.id) }),
  });
