import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { Attachment } from '../domain/attachments/attachment';
import { sha256Base64 } from '../domain/attachments/file-rules';
import { attachmentObjectKey } from '../domain/attachments/owner-rules';

/** Long enough to upload 10 MiB over a slow mobile link; short enough that a leaked URL soon dies. */
const UPLOAD_SECONDS = 15 * 60;
const DOWNLOAD_SECONDS = 5 * 60;

const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const bucketVariable = process.env.ATTACHMENTS_BUCKET;
if (bucketVariable !== undefined && !BUCKET_NAME.test(bucketVariable)) {
  throw new Error(`Environment variable ATTACHMENTS_BUCKET must be an S3 bucket name, got ${bucketVariable}`);
}
const bucket = () => {
  if (bucketVariable === undefined) throw new Error('Missing environment variable ATTACHMENTS_BUCKET');
  return bucketVariable;
};

const client = new S3Client({
  // An endpoint override is an S3-compatible server (local mode), which serves buckets by path.
  forcePathStyle: process.env.AWS_ENDPOINT_URL_S3 !== undefined,
  // Checksums only where we ask for them: a default CRC32 would be signed into every URL.
  requestChecksumCalculation: 'WHEN_REQUIRED',
  responseChecksumValidation: 'WHEN_REQUIRED',
});

const expiry = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

/**
 * A URL to PUT exactly this file: its length, type and SHA-256 are signed, so S3 refuses any other
 * bytes (the checksum stays a header: hoisted into the query S3 would not check it).
 */
export const signUpload = async (attachment: Attachment) => {
  const checksum = sha256Base64(attachment.sha256);
  const command = new PutObjectCommand({
    Bucket: bucket(),
    Key: attachmentObjectKey(attachment.owner, attachment.id),
    ContentType: attachment.contentType,
    ContentLength: attachment.size,
    ChecksumSHA256: checksum,
  });
  return {
    uploadUrl: await getSignedUrl(client, command, {
      expiresIn: UPLOAD_SECONDS,
      signableHeaders: new Set(['content-type']),
      unhoistableHeaders: new Set(['x-amz-checksum-sha256']),
    }),
    uploadHeaders: { 'content-type': attachment.contentType, 'x-amz-checksum-sha256': checksum },
    expiresAt: expiry(UPLOAD_SECONDS),
  };
};

/** A URL to GET the file, saved under its own name (RFC 6266 with a UTF-8 name: 照片.jpg stays itself). */
export const signDownload = async (attachment: Attachment) => {
  const command = new GetObjectCommand({
    Bucket: bucket(),
    Key: attachmentObjectKey(attachment.owner, attachment.id),
    ResponseContentDisposition: `attachment; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`,
    ResponseContentType: attachment.contentType,
  });
  return {
    downloadUrl: await getSignedUrl(client, command, { expiresIn: DOWNLOAD_SECONDS }),
    expiresAt: expiry(DOWNLOAD_SECONDS),
  };
};

/** Whether the bytes have arrived (S3 stores a PUT whole or not at all). */
export const objectArrived = async (attachment: Attachment): Promise<boolean> => {
  try {
    await client.send(
      new HeadObjectCommand({ Bucket: bucket(), Key: attachmentObjectKey(attachment.owner, attachment.id) }),
    );
    return true;
  } catch (error) {
    if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404)
      return false;
    throw error;
  }
};
