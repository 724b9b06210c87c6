import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { eventBusName } from '../config';
import { EVENT_SOURCE } from '../domain/notifications/catalogue';

const client = new EventBridgeClient({});

/** One event for the program's bus; `id` is stable, so a subscriber can drop what it has seen. */
export interface ProgramEvent {
  detailType: string;
  /** Stable across re-sends (carried in `detail.id`; EventBridge gives each delivery its own id). */
  id: string;
  /** When the fact happened (the event's `time`). */
  time: Date;
  detail: Record<string, unknown>;
}

/** Publishes events; answers the ids of those EventBridge did not take (to be re-sent by a re-run). */
export type PublishEvents = (events: readonly ProgramEvent[]) => Promise<string[]>;

/** PutEvents takes at most ten entries a call. */
const BATCH = 10;

export const publishToEventBus: PublishEvents = async (events) => {
  const failed: string[] = [];
  for (let i = 0; i < events.length; i += BATCH) {
    const batch = events.slice(i, i + BATCH);
    const { Entries = [] } = await client.send(
      new PutEventsCommand({
        Entries: batch.map((event) => ({
          EventBusName: eventBusName(),
          Source: EVENT_SOURCE,
          DetailType: event.detailType,
          Time: event.time,
          Detail: JSON.stringify({ ...event.detail, id: event.id }),
        })),
      }),
    );
    batch.forEach((event, n) => {
      if (!Entries[n] || Entries[n].ErrorCode) failed.push(event.id);
    });
  }
  return failed;
};
