import * as z from 'zod/mini';
import { ALL_DETAIL_TYPES } from '../domain/notifications/catalogue';
import { CHANNELS } from '../domain/notifications/subscriptions';
import { defineRoute } from '../http/contract';
import { id, isoDate, pageOf, pageQuery } from './common';
import { distinctList } from './distinct-list';

const MANAGERS = ['operator', 'admin', 'department', 'enterprise'] as const;

export const detailType = z.enum(ALL_DETAIL_TYPES as [string, ...string[]]);

export const partySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('unit'), id }),
  z.strictObject({ kind: z.literal('enterprise'), id }),
  z.strictObject({ kind: z.literal('role'), id: z.enum(['leader', 'operator']) }),
]);

const url = z.string().check(z.maxLength(2048));
/** HMAC keys: long enough to resist guessing, printable. */
const secret = z.string().check(z.regex(/^[\x21-\x7e]{16,256}$/));
const timeOfDay = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/));

export const targetSchema = z.discriminatedUnion('channel', [
  z.strictObject({ channel: z.literal('webhook'), url, secret }),
  z.strictObject({ channel: z.literal('dingtalk'), url, secret }),
  z.strictObject({ channel: z.literal('wecom'), url }),
  z.strictObject({
    channel: z.literal('sms'),
    phone: z.string().check(z.regex(/^\d{11}$/)),
    /** Absent: 22:00–08:00; null: none (a duty phone). */
    quietHours: z.optional(z.nullable(z.strictObject({ from: timeOfDay, to: timeOfDay }))),
  }),
]);

export const createSubscriptionBody = z.strictObject({
  owner: partySchema,
  /** Absent: the owner's defaults (docs/notifications.md). */
  eventTypes: z.optional(
    distinctList(detailType, ALL_DETAIL_TYPES.length, 'Event types').check(z.minLength(1)),
  ),
  target: targetSchema,
});
export type CreateSubscriptionBody = z.output<typeof createSubscriptionBody>;

/** A subscription as clients read it: secrets never, URLs without their tokens, phones masked. */
export const subscriptionRecord = z.object({
  id: z.string(),
  owner: partySchema,
  eventTypes: z.array(z.string()),
  usesDefaults: z.boolean(),
  channel: z.enum(CHANNELS),
  destination: z.string(),
  quietHours: z.optional(z.nullable(z.object({ from: z.string(), to: z.string() }))),
  createdBy: z.string(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const DELIVERY_STATUSES = ['sending', 'sent', 'failed', 'held', 'suppressed'] as const;

export const deliveryRecord = z.object({
  id: z.string(),
  eventId: z.string(),
  detailType: z.string(),
  subscriptionId: z.string(),
  owner: z.string(),
  channel: z.enum(CHANNELS),
  destination: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  reason: z.optional(z.string()),
  attempts: z.number(),
  duplicates: z.optional(z.number()),
  title: z.string(),
  text: z.string(),
  heldUntil: z.optional(z.string()),
  lastError: z.optional(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const notificationRoutes = {
  createSubscription: defineRoute({
    method: 'POST',
    path: '/notification-subscriptions',
    area: 'notifications',
    summary: 'Subscribe a unit, an enterprise or a role to program events on a channel',
    roles: MANAGERS,
    body: createSubscriptionBody,
    response: subscriptionRecord,
    successStatus: 201,
    idempotency: 'optional',
  }),
  listSubscriptions: defineRoute({
    method: 'GET',
    path: '/notification-subscriptions',
    area: 'notifications',
    summary: "A party's subscriptions (your own unit's or enterprise's unless you are an operator)",
    roles: MANAGERS,
    query: z.strictObject({
      ownerKind: z.optional(z.enum(['unit', 'enterprise', 'role'])),
      ownerId: z.optional(id),
      ...pageQuery,
    }),
    response: pageOf(subscriptionRecord),
  }),
  deleteSubscription: defineRoute({
    method: 'DELETE',
    path: '/notification-subscriptions/{subscriptionId}',
    area: 'notifications',
    summary: 'End a subscription',
    roles: MANAGERS,
    params: z.strictObject({ subscriptionId: id }),
    successStatus: 204,
  }),
  listDeliveries: defineRoute({
    method: 'GET',
    path: '/notification-deliveries',
    area: 'notifications',
    summary: 'Every delivery of a day (sent, failed, held, suppressed), or of one event',
    roles: ['operator', 'admin'],
    query: z.strictObject({
      date: z.optional(isoDate),
      eventId: z.optional(z.string().check(z.maxLength(300))),
      status: z.optional(z.enum(DELIVERY_STATUSES)),
      ...pageQuery,
    }),
    response: pageOf(deliveryRecord),
  }),
};
