import type { IndexPartition, ItemKey } from './attributes';

/** A subscription (`NSUB#<id>`): GSI1 all, GSI2 by owner (`unit#<id>`, `enterprise#<id>`, `role#<role>`). */
export const subscriptionKeys = {
  item: (id: string): ItemKey => ({ pk: `NSUB#${id}`, sk: 'NSUB' }),
  all: (): IndexPartition => ({ index: 'GSI1', partition: 'NSUB' }),
  byOwner: (ownerKey: string): IndexPartition => ({ index: 'GSI2', partition: `NSUB#OWNER#${ownerKey}` }),
};

/**
 * One delivery of one event to one subscription (`NDLV#<delivery id>`, the id derived from both, so a
 * second delivery of the event meets the first), and a subscription's messages in one rate window
 * (`NRATE#<subscription>` / `W#<window>`). GSI1 by UTC day of the first attempt (`createdAt#id`),
 * GSI2 by event.
 */
export const deliveryKeys = {
  item: (id: string): ItemKey => ({ pk: `NDLV#${id}`, sk: 'NDLV' }),
  rateWindow: (subscriptionId: string, window: string): ItemKey => ({
    pk: `NRATE#${subscriptionId}`,
    sk: `W#${window}`,
  }),
  byDay: (day: string, createdAt?: string, id?: string): IndexPartition => ({
    index: 'GSI1',
    partition: `NDLV#DAY#${day}`,
    sort: createdAt && id ? `${createdAt}#${id}` : undefined,
  }),
  byEvent: (eventId: string): IndexPartition => ({ index: 'GSI2', partition: `NDLV#EVENT#${eventId}` }),
};
