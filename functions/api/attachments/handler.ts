import { attachmentRoutes } from '../../../shared/contract/attachments';
import { apiHandler } from '../../../shared/http/api-handler';
import type { Implementations } from '../../../shared/http/contract';
import { runIdempotently } from '../../../shared/http/idempotency';
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

export const handler = apiHandler(attachmentRoutes, routes, { idempotency: runIdempotently });
