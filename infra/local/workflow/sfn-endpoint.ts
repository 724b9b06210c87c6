import { createServer } from 'node:http';
import type { ExecutionEngine } from './execution-engine';
import { handleSfnRequest, protocolJson } from './sfn-protocol';

/** Loopback only, like the local server: anyone who reaches it could complete any task. */
const HOST = '127.0.0.1';

/** The local Step Functions endpoint on a free port of its own: the SDK posts every operation to `/`. */
export const listenSfnEndpoint = async (engine: ExecutionEngine) => {
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    let reply: { status: number; body: unknown };
    try {
      reply = handleSfnRequest(
        engine,
        request.headers['x-amz-target']?.toString() ?? '',
        Buffer.concat(chunks).toString('utf8'),
      );
    } catch (error) {
      console.error('[local] Step Functions request failed:', error);
      reply = { status: 500, body: { __type: 'InternalFailure', message: 'Local Step Functions failed' } };
    }
    const body = protocolJson(reply.body);
    response.writeHead(reply.status, {
      'content-type': 'application/x-amz-json-1.0',
      'content-length': Buffer.byteLength(body),
    });
    response.end(body);
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
