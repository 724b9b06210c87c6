import * as z from 'zod/mini';
import { OWNER_KINDS } from '../domain/attachments/owner-rules';
import { defineRoute } from '../http/contract';
import { ALL_ROLES, id, name, pageOf, pageQuery, recordMeta } from './common';

/** Everyone who works a record may attach to it; leaders read. Which records, the owner's rules decide. */
export const ATTACHMENT_WRITERS = ['enterprise', 'cadre', 'department', 'operator', 'admin'] as const;

const ownerRef = z.strictObject({ kind: z.enum(OWNER_KINDS), id });

/**
 * A file to upload: type, size and name are checked against the attachment rules
 * (shared/domain/attachments/file-rules.ts), the SHA-256 (hex) is signed into the upload URL.
 */
export const createAttachmentBody = z.strictObject({
  owner: ownerRef,
  fileName: name,
  contentType: z.string().check(z.maxLength(100)),
  size: z.int().check(z.minimum(0)),
  sha256: z.string().check(z.regex(/^[0-9A-Fa-f]{64}$/), z.toLowerCase()),
});
export type CreateAttachmentBody = z.output<typeof createAttachmentBody>;

const expiresAt = z.string();

export const uploadTicket = z.object({
  id: z.string(),
  /** PUT the bytes here, with exactly `uploadHeaders`, before `expiresAt`. */
  uploadUrl: z.string(),
  uploadHeaders: z.record(z.string(), z.string()),
  expiresAt,
});
export type UploadTicket = z.output<typeof uploadTicket>;

export const downloadTicket = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  downloadUrl: z.string(),
  expiresAt,
});
export type DownloadTicket = z.output<typeof downloadTicket>;

export const attachmentRecord = z.object({
  ...recordMeta,
  owner: z.object({ kind: z.enum(OWNER_KINDS), id: z.string() }),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  sha256: z.string(),
  status: z.enum(['awaiting_upload', 'uploaded']),
  createdBy: z.string(),
});

export const attachmentRoutes = {
  createAttachment: defineRoute({
    method: 'POST',
    path: '/attachments',
    area: 'attachments',
    summary:
      'A pre-signed S3 PUT for a photo or PDF (≤ 10 MiB) on an issue, visit, resolution or accountability case; S3 refuses other bytes than the SHA-256 names',
    roles: ATTACHMENT_WRITERS,
    body: createAttachmentBody,
    response: uploadTicket,
    successStatus: 201,
    idempotency: 'optional',
  }),
  listAttachments: defineRoute({
    method: 'GET',
    path: '/attachments',
    area: 'attachments',
    summary: "The attachments of one record (ownerKind, ownerId), oldest first; the owner's scope applies",
    roles: ALL_ROLES,
    query: z.strictObject({ ownerKind: z.enum(OWNER_KINDS), ownerId: id, ...pageQuery }),
    response: pageOf(attachmentRecord),
  }),
  getAttachment: defineRoute({
    method: 'GET',
    path: '/attachments/{attachmentId}',
    area: 'attachments',
    summary:
      "A pre-signed S3 GET for an uploaded attachment; 409 ATTACHMENT_NOT_UPLOADED before its bytes arrive; the owner's scope applies",
    roles: ALL_ROLES,
    params: z.strictObject({ attachmentId: id }),
    response: downloadTicket,
    readConflict: 'The file has not been uploaded yet (ATTACHMENT_NOT_UPLOADED)',
  }),
};
