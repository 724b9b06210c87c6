import { createHash } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkSignature, type ReceivedRequest } from './signature-check';

/** s3rver's one account: it takes any Signature Version 4 in this key's name without checking it. */
const S3RVER_ACCESS_KEY_ID = 'S3RVER';

/** Far above the 10 MiB an attachment may have; keeps a runaway client from filling memory. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

export interface S3Endpoint {
  url: string;
  close(): Promise<void>;
}

interface EndpointOptions {
  /** Where s3rver listens (never given to clients). */
  upstreamPort: number;
  secretOf(accessKeyId: string): string | undefined;
  port?: number;
}

const errorXml = (code: string, message: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;

const answerError = (response: ServerResponse, status: number, code: string, message: string) => {
  response.writeHead(status, { 'content-type': 'application/xml' }).end(errorXml(code, message));
};

const readBody = async (incoming: IncomingMessage): Promise<Buffer | undefined> => {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of incoming) {
    bytes += (chunk as Buffer).length;
    if (bytes > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
};

const headersOf = (incoming: IncomingMessage): Record<string, string> =>
  Object.fromEntries(
    Object.entries(incoming.headers).flatMap(([name, value]) =>
      value === undefined ? [] : [[name, Array.isArray(value) ? value.join(',') : value]],
    ),
  );

/**
 * What S3 checks of a body before it stores it: the payload hash the signature covers
 * (`x-amz-content-sha256`, when not UNSIGNED-PAYLOAD) and the additional checksum the uploader
 * promised (`x-amz-checksum-sha256`). Answers S3's error code, or undefined when the body is whole.
 */
const bodyMismatch = (headers: Record<string, string>, body: Buffer) => {
  const payloadHash = headers['x-amz-content-sha256'];
  if (payloadHash && /^[0-9a-f]{64}$/.test(payloadHash)) {
    if (createHash('sha256').update(body).digest('hex') !== payloadHash) {
      return {
        code: 'XAmzContentSHA256Mismatch',
        message: 'The provided x-amz-content-sha256 header does not match what was computed.',
      };
    }
  }
  const checksum = headers['x-amz-checksum-sha256'];
  if (checksum !== undefined && createHash('sha256').update(body).digest('base64') !== checksum) {
    return { code: 'BadDigest', message: 'The SHA256 you specified did not match the calculated checksum.' };
  }
  return undefined;
};

/** The verified request in s3rver's account's name, for s3rver to serve. */
const forUpstream = (received: ReceivedRequest, rawUrl: string) => {
  const url = new URL(rawUrl, 'http://local');
  if (url.searchParams.has('X-Amz-Credential')) {
    const credential = url.searchParams.get('X-Amz-Credential') ?? '';
    url.searchParams.set('X-Amz-Credential', credential.replace(/^[^/]*/, S3RVER_ACCESS_KEY_ID));
  }
  const headers = { ...received.headers };
  if (headers.authorization) {
    headers.authorization = headers.authorization.replace(
      /Credential=[^/]*/,
      `Credential=${S3RVER_ACCESS_KEY_ID}`,
    );
  }
  return { path: `${url.pathname}${url.search}`, headers };
};

const forward = (
  upstreamPort: number,
  method: string,
  target: { path: string; headers: Record<string, string> },
  body: Buffer,
  response: ServerResponse,
) =>
  new Promise<void>((resolve) => {
    const upstream = httpRequest(
      { host: '127.0.0.1', port: upstreamPort, method, path: target.path, headers: target.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response).on('finish', resolve);
      },
    );
    upstream.on('error', (error) => {
      answerError(response, 502, 'ServiceUnavailable', `s3rver does not answer: ${error.message}`);
      resolve();
    });
    upstream.end(body);
  });

/**
 * The S3 endpoint local mode gives handlers and clients (`AWS_ENDPOINT_URL_S3`, pre-signed URLs). It
 * does what S3 does before storing or serving anything and s3rver leaves out: it checks every
 * Signature Version 4 (header or pre-signed URL, expiry included) against the local credentials, and a
 * body against its signed payload hash and its SHA-256 checksum. What passes goes on to s3rver, which
 * stores the objects on disk. CORS preflights pass unsigned, as they do on S3.
 */
export const listenS3Endpoint = async (options: EndpointOptions): Promise<S3Endpoint> => {
  const handle = async (incoming: IncomingMessage, response: ServerResponse) => {
    const rawUrl = incoming.url ?? '/';
    const url = new URL(rawUrl, 'http://local');
    const method = incoming.method ?? 'GET';
    const body = await readBody(incoming);
    if (body === undefined) {
      answerError(response, 400, 'EntityTooLarge', 'Your proposed upload exceeds the local maximum size.');
      return;
    }
    const received: ReceivedRequest = {
      method,
      path: url.pathname,
      query: url.searchParams,
      headers: headersOf(incoming),
    };
    if (method !== 'OPTIONS') {
      const refusal = await checkSignature(received, options.secretOf);
      if (refusal) {
        answerError(response, refusal.status, refusal.code, refusal.message);
        return;
      }
      const mismatch = bodyMismatch(received.headers, body);
      if (mismatch) {
        answerError(response, 400, mismatch.code, mismatch.message);
        return;
      }
    }
    await forward(options.upstreamPort, method, forUpstream(received, rawUrl), body, response);
  };

  const server = createServer((incoming, response) => {
    handle(incoming, response).catch((error: Error) => {
      if (!response.headersSent) answerError(response, 500, 'InternalError', error.message);
      else response.destroy(error);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
