import type { DownloadTicket } from '../../contract/attachments';
import type { Page } from '../../db/queries';
import type { Attachment } from '../../domain/attachments/attachment';
import type { OwnerRef } from '../../domain/attachments/owner-rules';
import { Conflict, NotFound } from '../../domain/errors';
import type { Viewer } from '../../domain/viewer';
import { objectArrived, signDownload } from '../../repositories/attachment-objects';
import { findAttachment, listAttachmentsOf, markUploaded } from '../../repositories/attachments';
import { readVisibleOwner } from './attachment-owner';

/** An attachment whose owner the viewer may see; otherwise 404 alike, naming neither owner nor file. */
const readVisibleAttachment = async (viewer: Viewer, attachmentId: string): Promise<Attachment> => {
  const attachment = await findAttachment(attachmentId);
  if (!attachment) throw new NotFound('The attachment');
  try {
    await readVisibleOwner(viewer, attachment.owner);
  } catch (error) {
    if (error instanceof NotFound) throw new NotFound('The attachment');
    throw error;
  }
  return attachment;
};

/** A download URL for an uploaded attachment; 409 ATTACHMENT_NOT_UPLOADED while its bytes have not arrived. */
export const requestDownload = async (viewer: Viewer, attachmentId: string): Promise<DownloadTicket> => {
  const attachment = await readVisibleAttachment(viewer, attachmentId);
  if (attachment.status === 'awaiting_upload') {
    if (!(await objectArrived(attachment))) {
      throw new Conflict('ATTACHMENT_NOT_UPLOADED', 'The file has not been uploaded yet.');
    }
    await markUploaded(attachment);
  }
  const { id, fileName, contentType, size } = attachment;
  return { id, fileName, contentType, size, ...(await signDownload(attachment)) };
};

/** The attachments of a record the viewer may see (404 as for the record itself otherwise). */
export const listAttachments = async (
  viewer: Viewer,
  owner: OwnerRef,
  page: { limit: number; cursor?: string },
): Promise<Page<Attachment>> => {
  await readVisibleOwner(viewer, owner);
  return listAttachmentsOf(owner, page);
};
