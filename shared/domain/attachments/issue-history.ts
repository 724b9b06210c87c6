import type { Attachment } from './attachment';

/**
 * The ledger entries of a file on an issue (or on its resolution): recorded when the upload is asked
 * for, and when the job finds the upload abandoned and removes the record. Both are `internal`
 * (ledger-visibility.ts): the enterprise's timeline never names them; it lists the issue's files
 * through `GET /attachments`, under the issue's own scope.
 */
export const ATTACHMENT_ADDED = 'attachment_added';
export const ATTACHMENT_ABANDONED = 'attachment_abandoned';

/** The issue whose ledger tells of this file, if it belongs to an issue or its resolution. */
export const ledgeredIssueOf = (attachment: Pick<Attachment, 'owner'>): string | undefined =>
  attachment.owner.kind === 'issue' || attachment.owner.kind === 'resolution'
    ? attachment.owner.id
    : undefined;

/** What the entry states of the file: which one, on what, its name, type and size (never its bytes or URL). */
export const attachmentNote = (
  attachment: Attachment,
  action: typeof ATTACHMENT_ADDED | typeof ATTACHMENT_ABANDONED,
) => ({
  action,
  data: {
    attachmentId: attachment.id,
    ownerKind: attachment.owner.kind,
    fileName: attachment.fileName,
    contentType: attachment.contentType,
    size: attachment.size,
  },
});

/**
 * The cleanup of a day (`asOf`) removes the records whose upload URL had expired before that day
 * began in Shanghai: asked for before midnight less the URL's lifetime. An upload can only start
 * before its URL expires and a single PUT of 10 MiB ends long before the job runs hours later, so no
 * upload still in flight is ever judged abandoned.
 */
export const abandonedBefore = (asOf: string, uploadSeconds: number): string =>
  new Date(Date.parse(`${asOf}T00:00:00+08:00`) - uploadSeconds * 1000).toISOString();
