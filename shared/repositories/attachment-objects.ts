import { partition } from '@aws-sdk/core/client';
import { formatUrl } from '@aws-sdk/core/util';
import { fromEnv } from '@aws-sdk/credential-provider-env';
import { S3RequestPresigner } from '@aws-sdk/s3-request-presigner';
import { Sha256 } from '@smithy/core/checksum';
import { HttpRequest } from '@smithy/core/transport';
import type { Attachment } from '../domain/attachments/attachment';
import { sha256Base64 } from '../domain/attachments/file-rules';
import { attachmentObjectKey } from '../domain/attachments/owner-rules';

/** Long enough to upload 10 MiB over a slow mobile link; short enough that a leaked URL soon dies. */
export const UPLOAD_SECONDS = 15 * 60;
const DOWNLOAD_SECONDS = 5 * 60;
/** A HEAD the function sends itself, at once. */
const HEAD_SECONDS = 60;

const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const bucketVariable = process.env.ATTACHMENTS_BUCKET;
if (bucketVariable !== undefined && !BUCKET_NAME.test(bucketVariable)) {
  throw new Error(`Environment variable ATTACHMENTS_BUCKET must be an S3 bucket name, got ${bucketVariable}`);
}
const bucket = () => {
  if (bucketVariable === undefined) throw new Error('Missing environment variable ATTACHMENTS_BUCKET');
  return bucketVariable;
};

const region = process.env.AWS_REGION ?? '';
/** An S3-compatible server (local mode) serves buckets by path; S3 itself by host, in the region's partition. */
const endpointOverride = process.env.AWS_ENDPOINT_URL_S3
  ? new URL(process.env.AWS_ENDPOINT_URL_S3)
  : undefined;

/**
 * The presigner without the S3 client: the client only resolves the endpoint and builds the request,
 * which for one bucket and three verbs is the URL below, and it doubled this function's bundle. The
 * S3 rules of signing (unsigned payload, host header, path not re-escaped) stay the presigner's.
 */
const presigner = new S3RequestPresigner({ region, credentials: fromEnv(), sha256: Sha256 });

const objectRequest = (
  method: 'PUT' | 'GET' | 'HEAD',
  key: string,
  headers: Record<string, string> = {},
  query: Record<string, string> = {},
) => {
  const path = `/${key.split('/').map(encodeURIComponent).join('/')}`;
  if (endpointOverride) {
    return new HttpRequest({
      method,
      protocol: endpointOverride.protocol,
      hostname: endpointOverride.hostname,
      ...(endpointOverride.port ? { port: Number(endpointOverride.port) } : {}),
      path: `/${bucket()}${path}`,
      headers,
      query,
    });
  }
  return new HttpRequest({
    method,
    protocol: 'https:',
    hostname: `${bucket()}.s3.${region}.${partition(region).dnsSuffix}`,
    path,
    headers,
    query,
  });
};

const expiry = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

/**
 * A URL to PUT exactly this file: its length, type and SHA-256 are signed, so S3 refuses any other
 * bytes (the checksum stays a header: hoisted into the query S3 would not check it).
 */
export const signUpload = async (attachment: Attachment) => {
  const checksum = sha256Base64(attachment.sha256);
  const uploadHeaders = { 'content-type': attachment.contentType, 'x-amz-checksum-sha256': checksum };
  const request = objectRequest('PUT', attachmentObjectKey(attachment.owner, attachment.id), {
    ...uploadHeaders,
    'content-length': String(attachment.size),
  });
  const signed = await presigner.presign(request, {
    expiresIn: UPLOAD_SECONDS,
    signableHeaders: new Set(['content-type', 'content-length']),
    unhoistableHeaders: new Set(['x-amz-checksum-sha256']),
  });
  return { uploadUrl: formatUrl(signed), uploadHeaders, expiresAt: expiry(UPLOAD_SECONDS) };
};

/** A URL to GET the file, saved under its own name (RFC 6266 with a UTF-8 name: 照片.jpg stays itself). */
export const signDownload = async (attachment: Attachment) => {
  const request = objectRequest(
    'GET',
    attachmentObjectKey(attachment.owner, attachment.id),
    {},
    {
      'response-content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`,
      'response-content-type': attachment.contentType,
    },
  );
  const signed = await presigner.presign(request, { expiresIn: DOWNLOAD_SECONDS });
  return { downloadUrl: formatUrl(signed), expiresAt: expiry(DOWNLOAD_SECONDS) };
};

/** Whether the bytes have arrived (S3 stores a PUT whole or not at all): a signed HEAD of the object. */
export const objectArrived = async (attachment: Attachment): Promise<boolean> => {
  const signed = await presigner.presign(
    objectRequest('HEAD', attachmentObjectKey(attachment.owner, attachment.id)),
    {
      expiresIn: HEAD_SECONDS,
    },
  );
  const response = await fetch(formatUrl(signed), { method: 'HEAD' });
  if (response.ok) return true;
  if (response.status === 404) return false;
  throw new Error(`HEAD of attachment ${attachment.id} answered ${response.status}`);
};
