import type { AttachmentType } from './file-rules';
import type { OwnerRef } from './owner-rules';

/**
 * A photo or document on a record. The record is written when the upload URL is handed out; the bytes
 * go straight to the bucket. `awaiting_upload` until a download request finds the object there.
 */
export interface Attachment {
  id: string;
  owner: OwnerRef;
  fileName: string;
  contentType: AttachmentType;
  size: number;
  sha256: string;
  status: 'awaiting_upload' | 'uploaded';
  /** Who asked to upload it (the verified caller). */
  createdBy: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}
