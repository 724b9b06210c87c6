import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ApiError } from './errors';
import { translateKnownError } from './translate-error';

/**
 * RFC 9457 problem+json response for any error: a known one as translate-error.ts maps it, anything
 * else a generic 500 that names only the correlation id.
 */
export const problemResponse = (
  thrown: unknown,
  correlationId: string,
): APIGatewayProxyStructuredResultV2 => {
  const error = translateKnownError(thrown);
  const problem =
    error instanceof ApiError
      ? {
          type: `/problems/${error.code.toLowerCase().replaceAll('_', '-')}`,
          title: error.title,
          status: error.statusCode,
          code: error.code,
          detail: error.detail ?? error.title,
          errors: error.errors ?? [],
        }
      : {
          type: '/problems/internal-error',
          title: 'Internal error',
          status: 500,
          code: 'INTERNAL_ERROR',
          detail: `An unexpected error occurred; quote correlation id ${correlationId}.`,
          errors: [],
        };
  return {
    statusCode: problem.status,
    headers: {
      'content-type': 'application/problem+json',
      'x-correlation-id': correlationId,
      ...(error instanceof ApiError && error.retryAfterSeconds !== undefined
        ? { 'retry-after': String(error.retryAfterSeconds) }
        : {}),
    },
    body: JSON.stringify(problem),
  };
};
