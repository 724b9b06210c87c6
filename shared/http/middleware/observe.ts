import { logger } from '../../observability/logger';
import { type ApiMiddleware, startState, stateOf } from '../api-event';
import { problemResponse } from '../problem';

/**
 * First in the chain: sets the correlation id, turns every error into problem+json, and writes one
 * access line per request (route, status, duration; no personal data).
 */
export const observe = (): ApiMiddleware => {
  const started = new WeakMap<object, number>();
  const accessLine = (routeKey: string, status: number, event: object) =>
    logger.info('request', { routeKey, status, durationMs: Date.now() - (started.get(event) ?? Date.now()) });

  return {
    before: (request) => {
      const correlationId = request.event.requestContext?.requestId ?? request.context.awsRequestId;
      startState(request.event, correlationId);
      logger.setCorrelationId(correlationId);
      started.set(request.event, Date.now());
    },
    after: (request) => {
      const status = request.response?.statusCode ?? 200;
      accessLine(request.event.routeKey, status, request.event);
    },
    onError: (request) => {
      const { correlationId } = stateOf(request.event);
      const response = problemResponse(request.error, correlationId);
      if (response.statusCode === 500) logger.error('unhandled error', { error: request.error as Error });
      // The client is told to retry; the operator needs the store's own error to see why it refused.
      if (response.statusCode === 503) logger.warn('store busy', { error: request.error as Error });
      accessLine(request.event.routeKey, response.statusCode ?? 500, request.event);
      request.response = response;
    },
  };
};
