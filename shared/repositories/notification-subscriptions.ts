import { DeleteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { tableNames } from '../config';
import { documentClient } from '../db/client';
import type { CreationGuard } from '../db/creation-guard';
import { indexKeysOf, subscriptionKeys } from '../db/keys';
import { type Page, queryAll, queryPage } from '../db/queries';
import { createRecords, toRecord } from '../db/records';
import { Conflict } from '../domain/errors';
import type { Party } from '../domain/notifications/audience';
import { partyKey } from '../domain/notifications/audience';
import type { DetailType } from '../domain/notifications/catalogue';
import type { Target } from '../domain/notifications/subscriptions';

/** A subscription as stored: the target with its secret (read only by the delivery function). */
export interface Subscription {
  id: string;
  owner: Party;
  /** Absent: the owner's defaults, which follow the code as it changes. */
  eventTypes?: DetailType[];
  target: Target;
  createdBy: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const insertSubscription = (subscription: Subscription, guard?: CreationGuard) =>
  createRecords(
    [
      {
        item: {
          ...subscriptionKeys.item(subscription.id),
          ...indexKeysOf(subscription.id, [
            subscriptionKeys.all(),
            subscriptionKeys.byOwner(partyKey(subscription.owner)),
          ]),
          entity: 'notificationSubscription',
          ...subscription,
        },
        onTaken: () => new Conflict('CONFLICT', `Subscription ${subscription.id} already exists.`),
      },
    ],
    guard,
  );

export const findSubscription = async (id: string): Promise<Subscription | undefined> => {
  const { Item } = await documentClient.send(
    new GetCommand({
      TableName: tableNames.program,
      Key: subscriptionKeys.item(id),
      ConsistentRead: true,
    }),
  );
  return Item ? toRecord<Subscription>(Item) : undefined;
};

export const deleteSubscription = (id: string) =>
  documentClient.send(new DeleteCommand({ TableName: tableNames.program, Key: subscriptionKeys.item(id) }));

export const listSubscriptionsOf = (owner: Party, page: { limit: number; cursor?: string }) =>
  queryPage<Subscription>({ ...subscriptionKeys.byOwner(partyKey(owner)), ...page });

export const listAllSubscriptions = (page: { limit: number; cursor?: string }): Promise<Page<Subscription>> =>
  queryPage<Subscription>({ ...subscriptionKeys.all(), ...page });

/** Every subscription of the parties (one index query each, all pages): what the router matches. */
export const subscriptionsOfParties = async (parties: readonly Party[]): Promise<Subscription[]> => {
  const found: Subscription[] = [];
  for (const party of parties) {
    found.push(...(await queryAll<Subscription>(subscriptionKeys.byOwner(partyKey(party)))));
  }
  return found;
};
