import type { IncomingRequest } from './incoming-request';
import type { OutgoingResponse } from './to-response';

/**
 * API Gateway HTTP APIs refuse a request whose request line and header values together exceed
 * 10,240 bytes (HTTP API quotas, not adjustable) before any route, authorizer or function runs.
 */
export const MAX_REQUEST_LINE_AND_HEADER_BYTES = 10_240;

/**
 * Node's own parser limit, raised above the quota so that every request API Gateway would refuse
 * reaches the quota check (Node's default 16 KB would answer a bare 431 itself); past this, the
 * server's clientError handler answers the same response.
 */
export const NODE_MAX_HEADER_BYTES = 64 * 1024;

/**
 * The gateway's own answer, in its `{"message": …}` form like its 401 and 413 (no function can change
 * it), so a client meets the same body locally as in the cloud.
 */
export const HEADERS_TOO_LARGE = {
  statusCode: 431,
  contentType: 'application/json',
  body: JSON.stringify({ message: 'Request Header Fields Too Large' }),
} as const;

export const headersTooLargeResponse = (): OutgoingResponse => ({
  statusCode: HEADERS_TOO_LARGE.statusCode,
  headers: { 'content-type': HEADERS_TOO_LARGE.contentType },
  body: Buffer.from(HEADERS_TOO_LARGE.body),
});

/** The same response as raw HTTP/1.1, for a request Node's parser refused before any handler ran. */
export const rawHeadersTooLarge = (): string =>
  [
    'HTTP/1.1 431 Request Header Fields Too Large',
    `content-type: ${HEADERS_TOO_LARGE.contentType}`,
    `content-length: ${Buffer.byteLength(HEADERS_TOO_LARGE.body)}`,
    'connection: close',
    '',
    HEADERS_TOO_LARGE.body,
  ].join('\r\n');

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

export const exceedsHeaderQuota = (request: IncomingRequest): boolean => {
  let total = bytes(`${request.method} ${request.url} ${request.protocol}`);
  for (const values of Object.values(request.headers)) {
    for (const value of values) total += bytes(value);
  }
  return total > MAX_REQUEST_LINE_AND_HEADER_BYTES;
};
