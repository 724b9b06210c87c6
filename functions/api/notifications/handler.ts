import { notificationRoutes } from '../../../shared/contract/notifications';
import { apiHandler } from '../../../shared/http/api-handler';
import type { Implementations } from '../../../shared/http/contract';
import { runIdempotently } from '../../../shared/http/idempotency';
import { listDeliveries } from '../../../shared/usecases/notifications/deliveries';
import {
  createSubscription,
  endSubscription,
  listSubscriptions,
} from '../../../shared/usecases/notifications/subscriptions';

export const routes: Implementations<typeof notificationRoutes> = {
  createSubscription: async ({ principal, body, idempotency }) => ({
    body: await createSubscription(principal, body, idempotency),
  }),
  listSubscriptions: async ({ principal, query }) => ({ body: await listSubscriptions(principal, query) }),
  deleteSubscription: async ({ principal, params }) => {
    await endSubscription(principal, params.subscriptionId);
    return {};
  },
  listDeliveries: async ({ query }) => ({ body: await listDeliveries(query) }),
};

export const handler = apiHandler(notificationRoutes, routes, { idempotency: runIdempotently });
