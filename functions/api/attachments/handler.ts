import type { Context, ScheduledEvent } from 'aws-lambda';
import { attachmentRoutes } from '../../../shared/contract/attachments';
import { apiHandler } from '../../../shared/http/api-handler';
import type { Implementations } from '../../../shared/http/contract';
import { runIdempotently } from '../../../shared/http/idempotency';
import { scheduledJobHandler } from '../../../shared/jobs/scheduled-job-handler';
import {
  ATTACHMENT_CLEANUP,
  runAttachmentCleanup,
} from '../../../shared/usecases/attachments/cleanup-abandoned-uploads';
import { listAttachments, requestDownload } from '../../../shared/usecases/attachments/read-attachments';
import { requestUpload } from '../../../shared/usecases/attachments/request-upload';

/** The one function that carries the S3 client and presigner (every other bundle stays within budget). */
export const routes: Implementations<typeof attachmentRoutes> = {
  createAttachment: async ({ principal, body, idempotency }) => ({
    body: await requestUpload(principal, body, idempotency),
  }),
  listAttachments: async ({ principal, query: { ownerKind, ownerId, limit, cursor } }) => ({
    body: await listAttachments(principal, { kind: ownerKind, id: ownerId }, { limit, cursor }),
  }),
  getAttachment: async ({ principal, params }) => ({
    body: await requestDownload(principal, params.attachmentId),
  }),
};

const api = apiHandler(attachmentRoutes, routes, { idempotency: runIdempotently });
const cleanup = scheduledJobHandler(ATTACHMENT_CLEANUP, runAttachmentCleanup);

type ApiEvent = Parameters<typeof api>[0];

const isScheduled = (event: ApiEvent | ScheduledEvent): event is ScheduledEvent =>
  (event as Partial<ScheduledEvent>)['detail-type'] === 'Scheduled Event';

/**
 * API Gateway's requests, and the daily rule's event for the upload cleanup (infra/api-areas.ts
 * `daily`): the cleanup needs the S3 signer that only this function carries.
 */
export function handler(event: ApiEvent, context: Context): ReturnType<typeof api>;
export function handler(event: ScheduledEvent, context: Context): Promise<unknown>;
export function handler(event: ApiEvent | ScheduledEvent, context: Context) {
  return isScheduled(event) ? cleanup(event) : api(event, context);
}
