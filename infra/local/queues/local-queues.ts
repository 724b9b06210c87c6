import { createHash, randomUUID } from 'node:crypto';

/** A queue as the template declares it. */
export interface QueueDefinition {
  logicalId: string;
  name: string;
  /** Seconds a received message stays invisible (SQS default 30). */
  visibilityTimeoutSeconds: number;
  /** Seconds every message is delayed (SQS default 0). */
  delaySeconds: number;
  redrive?: { deadLetterQueue: string; maxReceiveCount: number };
}

export interface QueuedItem {
  messageId: string;
  body: string;
  md5OfBody: string;
  sentAt: number;
  receiveCount: number;
  firstReceivedAt?: number;
  /** Milliseconds since the epoch from which a receive may take it. */
  visibleAt: number;
  receiptHandle?: string;
}

export interface ReceivedMessage extends QueuedItem {
  receiptHandle: string;
}

export class QueueDoesNotExist extends Error {
  override readonly name = 'QueueDoesNotExist';
}

export class ReceiptHandleIsInvalid extends Error {
  override readonly name = 'ReceiptHandleIsInvalid';
}

export interface LocalQueuesOptions {
  now?: () => number;
  /**
   * Every duration (visibility timeouts, delays, backoffs) multiplied by this: 1 behaves like SQS;
   * tests compress time (0.02 turns a 30 s backoff into 0.6 s) without changing what the functions ask.
   */
  timeScale?: number;
}

export const md5Of = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

/**
 * SQS standard queues in memory, with the behaviour the notification functions rely on: a received
 * message is invisible for the visibility timeout and comes back unless deleted; a receiver may
 * change that timeout (backoff); a message received more than `maxReceiveCount` times moves to the
 * dead-letter queue instead of being received again; delays hold a message back.
 */
export const localQueues = (definitions: readonly QueueDefinition[], options: LocalQueuesOptions = {}) => {
  const now = options.now ?? Date.now;
  const scale = options.timeScale ?? 1;
  const ms = (seconds: number) => seconds * 1000 * scale;
  const byName = new Map(
    definitions.map((definition) => [definition.name, { definition, items: [] as QueuedItem[] }]),
  );
  const queue = (name: string) => {
    const found = byName.get(name);
    if (!found) throw new QueueDoesNotExist(`The specified queue ${name} does not exist`);
    return found;
  };
  const byReceipt = (name: string, receiptHandle: string) => {
    const item = queue(name).items.find((candidate) => candidate.receiptHandle === receiptHandle);
    if (!item)
      throw new ReceiptHandleIsInvalid(`The receipt handle ${receiptHandle.slice(0, 12)}… is not valid`);
    return item;
  };

  const send = (name: string, body: string, delaySeconds?: number): QueuedItem => {
    const { definition, items } = queue(name);
    const item: QueuedItem = {
      messageId: randomUUID(),
      body,
      md5OfBody: md5Of(body),
      sentAt: now(),
      receiveCount: 0,
      visibleAt: now() + ms(delaySeconds ?? definition.delaySeconds),
    };
    items.push(item);
    return item;
  };

  /** Moves what has been received too often to the dead-letter queue, as SQS does on the next receive. */
  const redrive = (name: string) => {
    const { definition, items } = queue(name);
    if (!definition.redrive) return;
    const { deadLetterQueue, maxReceiveCount } = definition.redrive;
    const time = now();
    for (const item of [...items]) {
      if (item.visibleAt <= time && item.receiveCount >= maxReceiveCount) {
        items.splice(items.indexOf(item), 1);
        // SQS keeps the message id and body; its receive count starts again on the dead-letter queue.
        queue(deadLetterQueue).items.push({
          ...item,
          receiveCount: 0,
          visibleAt: time,
          receiptHandle: undefined,
        });
      }
    }
  };

  const receive = (name: string, max: number, visibilitySeconds?: number): ReceivedMessage[] => {
    redrive(name);
    const { definition, items } = queue(name);
    const time = now();
    const taken = items.filter((item) => item.visibleAt <= time).slice(0, max);
    return taken.map((item) => {
      item.receiveCount++;
      item.firstReceivedAt ??= time;
      item.receiptHandle = randomUUID();
      item.visibleAt = time + ms(visibilitySeconds ?? definition.visibilityTimeoutSeconds);
      return item as ReceivedMessage;
    });
  };

  return {
    definitions,
    send,
    receive,
    delete: (name: string, receiptHandle: string) => {
      const { items } = queue(name);
      items.splice(items.indexOf(byReceipt(name, receiptHandle)), 1);
    },
    changeVisibility: (name: string, receiptHandle: string, seconds: number) => {
      byReceipt(name, receiptHandle).visibleAt = now() + ms(seconds);
    },
    /** Counts and messages, for `/_local/queues` and health. */
    snapshot: (name: string) => {
      const { items } = queue(name);
      const time = now();
      return {
        visible: items.filter((item) => item.visibleAt <= time && item.receiveCount === 0).length,
        inFlightOrWaiting: items.filter((item) => item.visibleAt > time || item.receiveCount > 0).length,
        messages: items.map(({ messageId, body, receiveCount, sentAt }) => ({
          messageId,
          receiveCount,
          sentAt: new Date(sentAt).toISOString(),
          body,
        })),
      };
    },
    has: (name: string) => byName.has(name),
  };
};

export type LocalQueues = ReturnType<typeof localQueues>;
