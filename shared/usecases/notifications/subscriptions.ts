import type { CreateSubscriptionBody } from '../../contract/notifications';
import type { IdempotencyToken } from '../../db/creation-guard';
import { NotFound, ValidationFailed } from '../../domain/errors';
import { newId, nowIso } from '../../domain/ids';
import { defaultEventTypesOf, type Party } from '../../domain/notifications/audience';
import type { DetailType } from '../../domain/notifications/catalogue';
import { DEFAULT_QUIET_HOURS } from '../../domain/notifications/delivery-rules';
import { requireMayManage, type Target, targetProblems } from '../../domain/notifications/subscriptions';
import type { Caller, Viewer } from '../../domain/viewer';
import { findEnterprise } from '../../repositories/enterprises';
import {
  deleteSubscription,
  findSubscription,
  insertSubscription,
  listAllSubscriptions,
  listSubscriptionsOf,
  type Subscription,
} from '../../repositories/notification-subscriptions';
import { findUnit } from '../../repositories/units';
import { destinationOf } from './destination';

/** A subscription as clients read it: no secret, no token, no whole phone number. */
export const subscriptionView = (subscription: Subscription) => ({
  id: subscription.id,
  owner: subscription.owner,
  eventTypes: [...(subscription.eventTypes ?? defaultEventTypesOf(subscription.owner))],
  usesDefaults: subscription.eventTypes === undefined,
  channel: subscription.target.channel,
  destination: destinationOf(subscription.target),
  ...(subscription.target.channel === 'sms' ? { quietHours: subscription.target.quietHours } : {}),
  createdBy: subscription.createdBy,
  version: subscription.version,
  createdAt: subscription.createdAt,
  updatedAt: subscription.updatedAt,
});

const requireOwnerExists = async (owner: Party) => {
  if (owner.kind === 'unit' && !(await findUnit(owner.id))) throw new NotFound('The unit');
  if (owner.kind === 'enterprise' && !(await findEnterprise(owner.id))) throw new NotFound('The enterprise');
};

/** Local mode lets generic webhooks use plain HTTP to this machine (its sink); AWS never. */
const allowLoopbackHttp = () => process.env.NOTIFY_ALLOW_LOOPBACK_HTTP === 'true';

export const createSubscription = async (
  caller: Caller,
  input: CreateSubscriptionBody,
  idempotency?: IdempotencyToken,
) => {
  const owner = input.owner as Party;
  requireMayManage(caller, owner);
  const target: Target =
    input.target.channel === 'sms'
      ? {
          ...input.target,
          quietHours: input.target.quietHours === undefined ? DEFAULT_QUIET_HOURS : input.target.quietHours,
        }
      : input.target;
  const problems = targetProblems(target, allowLoopbackHttp());
  if (problems.length > 0) throw new ValidationFailed(problems);
  await requireOwnerExists(owner);
  const now = nowIso();
  const subscription: Subscription = {
    id: newId(),
    owner,
    ...(input.eventTypes ? { eventTypes: input.eventTypes as DetailType[] } : {}),
    target,
    createdBy: caller.sub,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const view = subscriptionView(subscription);
  await insertSubscription(subscription, idempotency?.guard(view));
  return view;
};

/** Yours (the unit or enterprise of your token) unless you name another you may manage. */
const ownerToList = (viewer: Viewer, query: { ownerKind?: string; ownerId?: string }): Party | undefined => {
  if (query.ownerKind && query.ownerId) return { kind: query.ownerKind, id: query.ownerId } as Party;
  if (viewer.roles.includes('operator') || viewer.roles.includes('admin')) return undefined;
  if (viewer.unitId) return { kind: 'unit', id: viewer.unitId };
  if (viewer.enterpriseId) return { kind: 'enterprise', id: viewer.enterpriseId };
  return undefined;
};

export const listSubscriptions = async (
  viewer: Viewer,
  query: { ownerKind?: string; ownerId?: string; limit: number; cursor?: string },
) => {
  const owner = ownerToList(viewer, query);
  if (owner) requireMayManage(viewer, owner);
  else requireMayManage(viewer, { kind: 'role', id: 'operator' });
  const page = owner ? await listSubscriptionsOf(owner, query) : await listAllSubscriptions(query);
  return { items: page.items.map(subscriptionView), nextCursor: page.nextCursor };
};

export const endSubscription = async (viewer: Viewer, subscriptionId: string) => {
  const subscription = await findSubscription(subscriptionId);
  if (!subscription) throw new NotFound('The subscription');
  requireMayManage(viewer, subscription.owner);
  await deleteSubscription(subscriptionId);
};
