import { createServer } from 'node:http';

/** Loopback only, like the local server: anyone who reaches an emulated service could act on it. */
const HOST = '127.0.0.1';

export interface JsonProtocolReply {
  status: number;
  /** The serialized JSON answer. */
  body: string;
}

/**
 * An emulated AWS service speaking the JSON protocol on a free port of its own: the SDK posts every
 * operation to `/`, naming it in `X-Amz-Target`. Local Step Functions and EventBridge both use this.
 */
export const listenJsonProtocolEndpoint = async (
  contentType: string,
  handle: (target: string, body: string) => JsonProtocolReply,
) => {
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const reply = handle(
      request.headers['x-amz-target']?.toString() ?? '',
      Buffer.concat(chunks).toString('utf8'),
    );
    response.writeHead(reply.status, {
      'content-type': contentType,
      'content-length': Buffer.byteLength(reply.body),
    });
    response.end(reply.body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, HOST, resolve);
  });
  const address = server.address();
  return {
    url: `http://${HOST}:${typeof address === 'object' && address ? address.port : 0}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};
