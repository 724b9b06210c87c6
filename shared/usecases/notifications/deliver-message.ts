import { partyKey } from '../../domain/notifications/audience';
import {
  DEFAULT_QUIET_HOURS,
  DEFAULT_RATE_PER_HOUR,
  rateWindowExpiry,
  rateWindowOf,
  releaseTime,
} from '../../domain/notifications/delivery-rules';
import type { QueuedMessage, SendMessage } from '../../notifications/channel-port';
import {
  claimDelivery,
  countDuplicate,
  type DeliveryStart,
  settleDelivery,
  takeRateSlot,
} from '../../repositories/notification-deliveries';
import { findSubscription } from '../../repositories/notification-subscriptions';
import { destinationOf } from './destination';

export interface DeliverySettings {
  ratePerHour: number;
  /** How long one attempt may hold a delivery before another may take it over. */
  leaseSeconds: number;
}

export const DEFAULT_DELIVERY_SETTINGS: DeliverySettings = {
  ratePerHour: DEFAULT_RATE_PER_HOUR,
  leaseSeconds: 60,
};

/** What became of a queued message; `held` asks the caller to bring it back at `until`. */
export type DeliveryOutcome =
  | { outcome: 'sent' }
  | { outcome: 'duplicate' }
  | { outcome: 'suppressed'; reason: string }
  | { outcome: 'held'; until: Date };

/** Another attempt is sending this delivery right now: retry later, do not send beside it. */
export class DeliveryBusy extends Error {
  override readonly name = 'DeliveryBusy';
}

/**
 * Delivers one queued message at most once: claims its delivery record (a repeat of a sent or
 * suppressed one is counted and dropped), holds an SMS in quiet hours, suppresses what exceeds the
 * subscription's hourly rate, then sends through the channel port. A failure is recorded and thrown,
 * for the queue to retry with backoff (the last failure stays on the record when it dead-letters).
 */
export const deliverMessage = async (
  message: QueuedMessage,
  send: SendMessage,
  now: Date,
  settings: DeliverySettings = DEFAULT_DELIVERY_SETTINGS,
): Promise<DeliveryOutcome> => {
  const subscription = await findSubscription(message.subscriptionId);
  const start: DeliveryStart = {
    id: message.deliveryId,
    eventId: message.eventId,
    detailType: message.detailType,
    subscriptionId: message.subscriptionId,
    owner: subscription ? partyKey(subscription.owner) : 'unsubscribed',
    channel: message.channel,
    destination: subscription ? destinationOf(subscription.target) : '',
    title: message.title,
    text: message.text,
  };
  const claim = await claimDelivery(start, now, settings.leaseSeconds);
  if (!claim.claimed) {
    const { existing } = claim;
    if (existing.status === 'held' && existing.heldUntil)
      return { outcome: 'held', until: new Date(existing.heldUntil) };
    if (existing.status === 'sending') throw new DeliveryBusy(`delivery ${existing.id} is being sent`);
    await countDuplicate(existing.id);
    return { outcome: 'duplicate' };
  }
  const suppress = async (reason: string): Promise<DeliveryOutcome> => {
    await settleDelivery(message.deliveryId, { status: 'suppressed', reason }, now);
    return { outcome: 'suppressed', reason };
  };
  if (!subscription) return suppress('unsubscribed');
  const target = subscription.target;
  if (claim.delivery.attempts === 1) {
    const window = rateWindowOf(now);
    const allowed = await takeRateSlot(
      subscription.id,
      { name: window, expiresAt: rateWindowExpiry(window) },
      settings.ratePerHour,
    );
    if (!allowed) return suppress(`rate-limited: more than ${settings.ratePerHour} messages in the hour`);
  }
  if (target.channel === 'sms') {
    const release = releaseTime(
      now,
      target.quietHours === undefined ? DEFAULT_QUIET_HOURS : target.quietHours,
    );
    if (release.getTime() > now.getTime()) {
      await settleDelivery(message.deliveryId, { status: 'held', heldUntil: release.toISOString() }, now);
      return { outcome: 'held', until: release };
    }
  }
  try {
    await send(target, message, now);
  } catch (error) {
    await settleDelivery(
      message.deliveryId,
      { status: 'failed', lastError: String((error as Error).message).slice(0, 500) },
      now,
    );
    throw error;
  }
  await settleDelivery(message.deliveryId, { status: 'sent' }, now);
  return { outcome: 'sent' };
};
