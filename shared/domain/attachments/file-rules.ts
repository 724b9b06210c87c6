import type { FieldProblem } from '../errors';

/**
 * What may be attached: photos and PDF documents, each type with the file-name extensions it goes by.
 * The extension must fit the type, so a download saved under its file name opens as what it is.
 */
export const ATTACHMENT_TYPES = {
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/webp': ['webp'],
  'image/heic': ['heic'],
  'application/pdf': ['pdf'],
} as const satisfies Record<string, readonly string[]>;

export type AttachmentType = keyof typeof ATTACHMENT_TYPES;

/** 10 MiB: a phone photo or a scanned decision fits; a video does not. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export interface AttachmentFile {
  fileName: string;
  contentType: string;
  size: number;
  /** SHA-256 of the bytes, 64 hex digits. */
  sha256: string;
}

export const isAttachmentType = (contentType: string): contentType is AttachmentType =>
  Object.hasOwn(ATTACHMENT_TYPES, contentType);

const extensionOf = (fileName: string) => {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
};

/** Everything wrong with a file someone wants to attach (empty when it may be uploaded). */
export const attachmentFileProblems = (file: AttachmentFile): FieldProblem[] => {
  const problems: FieldProblem[] = [];
  if (!isAttachmentType(file.contentType)) {
    problems.push({
      path: 'body.contentType',
      message: `Only ${Object.keys(ATTACHMENT_TYPES).join(', ')} may be attached`,
    });
  } else if (
    !(ATTACHMENT_TYPES[file.contentType] as readonly string[]).includes(extensionOf(file.fileName))
  ) {
    problems.push({
      path: 'body.fileName',
      message: `A ${file.contentType} file is named .${ATTACHMENT_TYPES[file.contentType].join(' or .')}`,
    });
  }
  if (!Number.isInteger(file.size) || file.size < 1 || file.size > MAX_ATTACHMENT_BYTES) {
    problems.push({ path: 'body.size', message: `A file has 1 to ${MAX_ATTACHMENT_BYTES} bytes (10 MiB)` });
  }
  if (!/^[0-9a-f]{64}$/.test(file.sha256)) {
    problems.push({ path: 'body.sha256', message: 'The SHA-256 of the file as 64 lower-case hex digits' });
  }
  return problems;
};

/** The checksum as S3 takes it in `x-amz-checksum-sha256`: the same digest, base64. */
export const sha256Base64 = (sha256Hex: string): string => Buffer.from(sha256Hex, 'hex').toString('base64');
