import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { problemResponse } from '../../../shared/http/problem';
import { LocalModeError } from '../local-mode-error';
import { NODE_MAX_HEADER_BYTES, rawHeadersTooLarge } from './header-quota';
import { type IncomingRequest, readIncomingRequest } from './incoming-request';
import { fromLambdaResult, type OutgoingResponse } from './to-response';

type RequestHandler = (request: IncomingRequest) => Promise<OutgoingResponse>;

/** Loopback only: the server mints tokens for any role, so nobody else on the network may reach it. */
const HOST = '127.0.0.1';

const write = (response: ServerResponse, outgoing: OutgoingResponse) => {
  response.writeHead(outgoing.statusCode, {
    ...outgoing.headers,
    'content-length': outgoing.body.byteLength,
  });
  response.end(outgoing.body);
};

const logLine = (request: IncomingMessage, status: number, started: number) =>
  console.log(`[local] ${request.method} ${request.url} → ${status} (${Date.now() - started} ms)`);

/**
 * Binds the port first, so a taken port fails the start at once rather than after DynamoDB Local and
 * the synth; requests that arrive before `serve` is called wait for it.
 */
export const listenLocalServer = async (port: number) => {
  let serve: (handler: RequestHandler) => void = () => {};
  const ready = new Promise<RequestHandler>((resolve) => {
    serve = resolve;
  });
  const server = createServer({ maxHeaderSize: NODE_MAX_HEADER_BYTES }, async (request, response) => {
    const started = Date.now();
    let outgoing: OutgoingResponse;
    try {
      outgoing = await (await ready)(await readIncomingRequest(request));
    } catch (error) {
      // Only reading the request can fail here (e.g. 413); handleRequest answers everything else.
      outgoing = fromLambdaResult(problemResponse(error, randomUUID()));
      if (outgoing.statusCode === 500) console.error('[local] request failed:', error);
    }
    write(response, outgoing);
    logLine(request, outgoing.statusCode, started);
  });
  // Headers past even Node's raised limit: the gateway's answer rather than Node's bare 431.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return;
    if (error.code === 'HPE_HEADER_OVERFLOW') socket.end(rawHeadersTooLarge());
    else socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new LocalModeError(
              `Port ${port} is already in use; stop what runs there or start with PORT=<other port>`,
            )
          : error,
      ),
    );
    server.listen(port, HOST, resolve);
  });
  return {
    url: `http://localhost:${port}`,
    serve,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};
