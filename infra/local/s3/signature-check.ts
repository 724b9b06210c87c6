import { createHash, createHmac, type Hash, type Hmac, timingSafeEqual } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';

/** SHA-256 for the signer from node:crypto: a hash, or an HMAC when given a key. */
class NodeSha256 {
  private readonly hash: Hash | Hmac;

  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', toBytes(secret));
  }

  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(toBytes(data));
  }

  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

const toBytes = (data: string | ArrayBuffer | ArrayBufferView): Buffer =>
  typeof data === 'string'
    ? Buffer.from(data, 'utf8')
    : ArrayBuffer.isView(data)
      ? Buffer.from(data.buffer, data.byteOffset, data.byteLength)
      : Buffer.from(data);

/** A request as it reached the local S3 endpoint. */
export interface ReceivedRequest {
  method: string;
  /** The path as sent (still percent-encoded). */
  path: string;
  query: URLSearchParams;
  /** Lower-case names. */
  headers: Record<string, string>;
}

/** Why S3 would refuse the request's authentication, as S3's error code and message. */
export interface SignatureRefusal {
  status: 403;
  code: 'AccessDenied' | 'InvalidAccessKeyId' | 'SignatureDoesNotMatch';
  message: string;
}

/** How a request was signed: in the query (a pre-signed URL) or in the Authorization header. */
interface SignatureParts {
  accessKeyId: string;
  region: string;
  signingDate: Date;
  signedHeaders: string[];
  signature: string;
  /** Only pre-signed URLs carry an expiry. */
  expiresInSeconds?: number;
}

/** `20261205T125932Z` as S3 writes it. */
const parseAmzDate = (text: string | null | undefined): Date | undefined => {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text ?? '');
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match;
  return new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
};

/** `AKID/20261205/cn-north-1/s3/aws4_request` */
const parseCredential = (credential: string | null | undefined) => {
  const [accessKeyId, , region, service, terminator] = (credential ?? '').split('/');
  return accessKeyId && region && service === 's3' && terminator === 'aws4_request'
    ? { accessKeyId, region }
    : undefined;
};

const fromQuery = (query: URLSearchParams): SignatureParts | undefined => {
  const credential = parseCredential(query.get('X-Amz-Credential'));
  const signingDate = parseAmzDate(query.get('X-Amz-Date'));
  const expires = Number(query.get('X-Amz-Expires'));
  const signature = query.get('X-Amz-Signature');
  const signedHeaders = query.get('X-Amz-SignedHeaders');
  if (query.get('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256') return undefined;
  if (!credential || !signingDate || !signature || !signedHeaders || !Number.isInteger(expires))
    return undefined;
  return {
    ...credential,
    signingDate,
    signature,
    signedHeaders: signedHeaders.split(';'),
    expiresInSeconds: expires,
  };
};

const fromHeader = (headers: Record<string, string>): SignatureParts | undefined => {
  const match = /^AWS4-HMAC-SHA256 Credential=([^,]+), ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]+)$/.exec(
    headers.authorization ?? '',
  );
  const credential = parseCredential(match?.[1]);
  const signingDate = parseAmzDate(headers['x-amz-date']);
  if (!match?.[2] || !match[3] || !credential || !signingDate) return undefined;
  return { ...credential, signingDate, signedHeaders: match[2].split(';'), signature: match[3] };
};

const sameText = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

const refuse = (code: SignatureRefusal['code'], message: string): SignatureRefusal => ({
  status: 403,
  code,
  message,
});

/**
 * Checks a request's Signature Version 4 the way S3 does: the signature is computed again with the
 * secret of its access key over the same method, path, query and signed headers, and a pre-signed URL
 * must not have expired. Unsigned requests are refused, as a bucket that blocks public access does.
 * Answers undefined when the request is authentic.
 */
export const checkSignature = async (
  request: ReceivedRequest,
  secretOf: (accessKeyId: string) => string | undefined,
  now: Date = new Date(),
): Promise<SignatureRefusal | undefined> => {
  const presigned = request.query.has('X-Amz-Signature');
  const parts = presigned ? fromQuery(request.query) : fromHeader(request.headers);
  if (!parts) return refuse('AccessDenied', 'The request is not signed with AWS Signature Version 4.');
  const secretAccessKey = secretOf(parts.accessKeyId);
  if (secretAccessKey === undefined) {
    return refuse('InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.');
  }
  if (
    parts.expiresInSeconds !== undefined &&
    now.getTime() > parts.signingDate.getTime() + parts.expiresInSeconds * 1000
  ) {
    return refuse('AccessDenied', 'Request has expired');
  }

  const signer = new SignatureV4({
    service: 's3',
    region: parts.region,
    credentials: { accessKeyId: parts.accessKeyId, secretAccessKey },
    sha256: NodeSha256,
    uriEscapePath: false,
  });
  const headers = Object.fromEntries(parts.signedHeaders.map((name) => [name, request.headers[name] ?? '']));
  const [hostname = '', port] = (request.headers.host ?? '').split(':');
  const query: Record<string, string> = {};
  for (const [name, value] of request.query) if (name !== 'X-Amz-Signature') query[name] = value;
  // A pre-signed URL's payload hash (UNSIGNED-PAYLOAD) was a header the signer hoisted into the query;
  // as that header again (its case decides the hoisted name) it is what the signer puts last, as then.
  const payloadHash = query['X-Amz-Content-Sha256'];
  if (presigned && payloadHash !== undefined) {
    delete query['X-Amz-Content-Sha256'];
    headers['X-Amz-Content-Sha256'] = payloadHash;
  }
  const unsigned = {
    method: request.method,
    protocol: 'http:',
    hostname,
    port: port ? Number(port) : undefined,
    // As sent: S3 signs the path encoded once, which is how the SDK builds it (uriEscapePath: false).
    path: request.path,
    query,
    headers,
  };
  const keepAsSigned = new Set(parts.signedHeaders.filter((name) => name !== 'host'));
  const expected = presigned
    ? (
        await signer.presign(unsigned, {
          signingDate: parts.signingDate,
          expiresIn: parts.expiresInSeconds,
          unhoistableHeaders: keepAsSigned,
          signableHeaders: keepAsSigned,
        })
      ).query?.['X-Amz-Signature']
    : /Signature=([0-9a-f]+)$/.exec(
        String((await signer.sign(unsigned, { signingDate: parts.signingDate })).headers.authorization),
      )?.[1];
  if (typeof expected !== 'string' || !sameText(expected, parts.signature)) {
    return refuse(
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided.',
    );
  }
  return undefined;
};
