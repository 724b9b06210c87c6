import { randomUUID } from 'node:crypto';
import { listenJsonProtocolEndpoint } from '../http/json-protocol-endpoint';

/** An event as EventBridge would deliver it to a rule's target, with the id this endpoint gave it. */
export interface RecordedEvent {
  id: string;
  eventBusName: string;
  source: string;
  detailType: string;
  time: string;
  detail: unknown;
}

interface PutEventsEntry {
  EventBusName?: string;
  Source?: string;
  DetailType?: string;
  Detail?: string;
  Time?: number | string;
}

/** At most this many events are kept (oldest dropped): local mode runs for days. */
const KEEP = 10_000;

const timeOf = (time: PutEventsEntry['Time']) =>
  time === undefined
    ? new Date().toISOString()
    : new Date(typeof time === 'number' ? time * 1000 : time).toISOString();

const detailOf = (detail: string | undefined): unknown => {
  try {
    return detail === undefined ? undefined : JSON.parse(detail);
  } catch {
    return detail;
  }
};

/**
 * The events handlers published, kept in memory in order. Answers `PutEvents` the way EventBridge does
 * (AWS JSON 1.1: `{ FailedEntryCount, Entries: [{ EventId }] }`); an entry without a source, detail
 * type or detail fails as it would there. Other operations answer `UnknownOperationException`.
 */
export const eventRecorder = (onRecorded: (event: RecordedEvent) => void = () => {}) => {
  const events: RecordedEvent[] = [];
  const record = (event: RecordedEvent) => {
    events.push(event);
    if (events.length > KEEP) events.splice(0, events.length - KEEP);
    onRecorded(event);
  };
  const putEvents = (body: { Entries?: PutEventsEntry[] }) => {
    const entries = (body.Entries ?? []).map((entry) => {
      if (!entry.Source || !entry.DetailType || entry.Detail === undefined) {
        return { ErrorCode: 'InvalidArgument', ErrorMessage: 'Source, DetailType and Detail are required' };
      }
      const event: RecordedEvent = {
        id: randomUUID(),
        eventBusName: entry.EventBusName ?? 'default',
        source: entry.Source,
        detailType: entry.DetailType,
        time: timeOf(entry.Time),
        detail: detailOf(entry.Detail),
      };
      record(event);
      return { EventId: event.id };
    });
    return {
      FailedEntryCount: entries.filter((entry) => 'ErrorCode' in entry).length,
      Entries: entries,
    };
  };
  return {
    events: (): readonly RecordedEvent[] => events,
    /**
     * Puts a recorded event on the bus again, as a publisher re-sending it would (a stream retry):
     * a new EventBridge id, the same detail and so the same program event id.
     */
    redeliver: (id: string): RecordedEvent | undefined => {
      const original = events.find((event) => event.id === id);
      if (!original) return undefined;
      const copy = { ...original, id: randomUUID(), time: new Date().toISOString() };
      record(copy);
      return copy;
    },
    handle: (target: string, body: string): { status: number; body: unknown } => {
      if (target !== 'AWSEvents.PutEvents') {
        return {
          status: 400,
          body: { __type: 'UnknownOperationException', message: `${target} is not emulated` },
        };
      }
      try {
        return { status: 200, body: putEvents(JSON.parse(body || '{}')) };
      } catch {
        return { status: 400, body: { __type: 'SerializationException', message: 'Malformed request body' } };
      }
    },
  };
};

export type EventRecorder = ReturnType<typeof eventRecorder>;

/** The local EventBridge endpoint on a free port: the SDK posts every operation to `/`. */
export const listenEventBusEndpoint = (recorder: EventRecorder) =>
  listenJsonProtocolEndpoint('application/x-amz-json-1.1', (target, body) => {
    const reply = recorder.handle(target, body);
    return { status: reply.status, body: JSON.stringify(reply.body) };
  });
