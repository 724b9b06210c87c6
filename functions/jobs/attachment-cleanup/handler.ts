import { scheduledJobHandler } from '../../../shared/jobs/scheduled-job-handler';
import {
  ATTACHMENT_CLEANUP,
  runAttachmentCleanup,
} from '../../../shared/usecases/attachments/cleanup-abandoned-uploads';

/** Daily: confirms late uploads, removes the records of abandoned ones (docs/attachments.md). */
export const handler = scheduledJobHandler(ATTACHMENT_CLEANUP, runAttachmentCleanup);
