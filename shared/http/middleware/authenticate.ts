import { type ApiMiddleware, stateOf } from '../api-event';
import { principalFromClaims, requireRole } from '../principal';

/**
 * The JWT itself was verified upstream (API Gateway's authorizer, or the local server with the same
 * rules); here the verified claims become a Principal and the route's roles are enforced.
 */
export const authenticate = (): ApiMiddleware => ({
  before: (request) => {
    const state = stateOf(request.event);
    const spec = state.route?.spec;
    if (!spec || spec.access === 'public') return;
    const principal = principalFromClaims(request.event.requestContext?.authorizer?.jwt?.claims);
    requireRole(principal, spec.roles);
    state.principal = principal;
  },
});
