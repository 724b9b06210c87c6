import type { IncomingMessage } from 'node:http';
import { payloadTooLarge } from '../../../shared/http/errors';

/** A request as received, before any API Gateway translation; plain data so it is easy to test with. */
export interface IncomingRequest {
  method: string;
  /** Path and query exactly as sent. */
  url: string;
  /** Lower-cased names; repeated headers keep every value. */
  headers: Record<string, string[]>;
  body: Buffer;
  sourceIp: string;
  protocol: string;
}

/** API Gateway HTTP APIs refuse payloads over 10 MB before any function runs. */
export const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

export const readIncomingRequest = async (message: IncomingMessage): Promise<IncomingRequest> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of message) {
    size += (chunk as Buffer).byteLength;
    if (size > MAX_PAYLOAD_BYTES) throw payloadTooLarge(MAX_PAYLOAD_BYTES);
    chunks.push(chunk as Buffer);
  }
  // fromEntries keeps a header named `__proto__` as a header, where an assignment would drop it.
  const headers: Record<string, string[]> = Object.fromEntries(
    Object.entries(message.headersDistinct).flatMap(([name, values]) =>
      values ? [[name.toLowerCase(), values]] : [],
    ),
  );
  return {
    method: message.method ?? 'GET',
    url: message.url ?? '/',
    headers,
    body: Buffer.concat(chunks),
    sourceIp: (message.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
    protocol: `HTTP/${message.httpVersion}`,
  };
};

export const headerValue = (request: IncomingRequest, name: string): string | undefined =>
  request.headers[name.toLowerCase()]?.join(',');
