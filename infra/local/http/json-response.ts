import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/** A `/_local` route's JSON answer. */
export const jsonResponse = (body: unknown, statusCode = 200): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
