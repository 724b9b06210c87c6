import { type ApiMiddleware, stateOf } from '../api-event';
import type { RouteImpl, RouteSpec } from '../contract';
import { ApiError } from '../errors';

/** API Gateway has already routed the request; map its route key to this area's spec and implementation. */
export const resolveRoute = (
  table: ReadonlyMap<string, { spec: RouteSpec; impl: RouteImpl<RouteSpec> }>,
): ApiMiddleware => ({
  before: (request) => {
    const route = table.get(request.event.routeKey);
    if (!route) {
      throw new ApiError(
        404,
        'ROUTE_NOT_FOUND',
        'Not found',
        `No route ${request.event.routeKey} in this function.`,
      );
    }
    stateOf(request.event).route = route;
  },
});
