import {
  audienceOf,
  defaultEventTypesOf,
  type IssueContext,
  partyKey,
} from '../../domain/notifications/audience';
import { type DetailType, isDetailType } from '../../domain/notifications/catalogue';
import { deliveryIdOf } from '../../domain/notifications/delivery-rules';
import { type MessageContext, messageFor } from '../../domain/notifications/messages';
import type { QueuedMessage } from '../../notifications/channel-port';
import { findDispatchOrderHeader } from '../../repositories/dispatch-orders';
import { findIssue } from '../../repositories/issues';
import { type Subscription, subscriptionsOfParties } from '../../repositories/notification-subscriptions';
import { findUnit } from '../../repositories/units';

/** An event as the bus hands it to the router (the detail carries the stable id). */
export interface BusEvent {
  detailType: string;
  time: string;
  detail: Record<string, unknown> & { id?: unknown };
}

/** Puts messages on their channel's queue; resolves once every one is queued. */
export type EnqueueMessages = (messages: readonly QueuedMessage[]) => Promise<void>;

const hears = (subscription: Subscription, detailType: DetailType) =>
  (subscription.eventTypes ?? defaultEventTypesOf(subscription.owner)).includes(detailType);

/** What the message needs beyond the event, read now with the program's rights. */
const contextOf = async (detail: Record<string, unknown>, linkBase: string) => {
  const issueId = typeof detail.issueId === 'string' ? detail.issueId : undefined;
  const issue = issueId ? (await findIssue(issueId))?.issue : undefined;
  const unitId = [detail.unitId, detail.leadUnitId, detail.responsibleUnitId, issue?.assignment?.unitId].find(
    (value): value is string => typeof value === 'string' && value.length > 0,
  );
  const unit = unitId ? await findUnit(unitId) : undefined;
  const dispatchOrderId = typeof detail.dispatchOrderId === 'string' ? detail.dispatchOrderId : undefined;
  const order = dispatchOrderId ? await findDispatchOrderHeader(dispatchOrderId) : undefined;
  const link = issueId
    ? `${linkBase}/issues/${issueId}`
    : typeof detail.consultationId === 'string'
      ? `${linkBase}/consultations/${detail.consultationId}`
      : linkBase;
  const message: MessageContext = {
    issueTitle: issue?.title,
    unitName: unit?.name,
    orderNumber: order?.number,
    link,
  };
  const issueContext: IssueContext | undefined = issue
    ? { enterpriseId: issue.enterpriseId, unitId }
    : undefined;
  return { message, issueContext };
};

/**
 * Turns one program event into one queued message per subscription that hears it: the parties the
 * event concerns (audienceOf), their subscriptions, those whose event types include it. Each
 * message's delivery id is derived from the event id and the subscription, so however often the
 * event arrives, each subscription has one delivery of it. Answers the messages it queued.
 */
export const routeEvent = async (
  event: BusEvent,
  enqueue: EnqueueMessages,
  linkBase: string,
): Promise<QueuedMessage[]> => {
  const eventId = typeof event.detail.id === 'string' ? event.detail.id : undefined;
  if (!eventId || !isDetailType(event.detailType)) return [];
  const detailType = event.detailType;
  const { message: context, issueContext } = await contextOf(event.detail, linkBase);
  const parties = audienceOf(detailType, event.detail, issueContext);
  const unique = [...new Map(parties.map((party) => [partyKey(party), party])).values()];
  const subscriptions = (await subscriptionsOfParties(unique)).filter((subscription) =>
    hears(subscription, detailType),
  );
  const { id: _, ...detail } = event.detail;
  const messages = subscriptions.map((subscription): QueuedMessage => {
    const message = messageFor(detailType, event.detail, context);
    return {
      deliveryId: deliveryIdOf(eventId, subscription.id),
      eventId,
      detailType,
      time: event.time,
      subscriptionId: subscription.id,
      channel: subscription.target.channel,
      title: message.title,
      text: message.text,
      params: message.params,
      link: context.link,
      detail,
    };
  });
  if (messages.length > 0) await enqueue(messages);
  return messages;
};
