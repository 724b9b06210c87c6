import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ATTACHMENT_TYPES,
  attachmentFileProblems,
  MAX_ATTACHMENT_BYTES,
  sha256Base64,
} from '../../../../shared/domain/attachments/file-rules';

const SHA = 'a'.repeat(64);
const photo = { fileName: '现场照片.JPG', contentType: 'image/jpeg', size: 2_000_000, sha256: SHA };
const paths = (file: typeof photo) => attachmentFileProblems(file).map((problem) => problem.path);

describe('which files may be attached', () => {
  it('takes photos and PDFs named for their type, extension in any case', () => {
    for (const [contentType, extensions] of Object.entries(ATTACHMENT_TYPES)) {
      for (const extension of extensions) {
        expect(paths({ ...photo, contentType, fileName: `文件.${extension.toUpperCase()}` })).toEqual([]);
      }
    }
  });

  it('refuses any other type, and a name whose extension is not its type’s', () => {
    expect(paths({ ...photo, contentType: 'text/html', fileName: 'a.html' })).toEqual(['body.contentType']);
    expect(paths({ ...photo, contentType: 'image/svg+xml', fileName: 'a.svg' })).toEqual([
      'body.contentType',
    ]);
    expect(paths({ ...photo, fileName: 'invoice.pdf.exe' })).toEqual(['body.fileName']);
    expect(paths({ ...photo, fileName: 'no-extension' })).toEqual(['body.fileName']);
    expect(paths({ ...photo, contentType: 'application/pdf', fileName: 'scan.jpg' })).toEqual([
      'body.fileName',
    ]);
  });

  it('takes 1 byte up to 10 MiB and nothing outside', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10, max: MAX_ATTACHMENT_BYTES * 2 }), (size) => {
        const allowed = size >= 1 && size <= MAX_ATTACHMENT_BYTES;
        expect(paths({ ...photo, size })).toEqual(allowed ? [] : ['body.size']);
      }),
    );
    expect(paths({ ...photo, size: 10 * 1024 * 1024 })).toEqual([]);
    expect(paths({ ...photo, size: 10 * 1024 * 1024 + 1 })).toEqual(['body.size']);
  });

  it('wants the SHA-256 as 64 lower-case hex digits, and reports every problem at once', () => {
    expect(paths({ ...photo, sha256: 'A'.repeat(64) })).toEqual(['body.sha256']);
    expect(paths({ ...photo, sha256: 'a'.repeat(63) })).toEqual(['body.sha256']);
    expect(paths({ fileName: 'x.exe', contentType: 'application/zip', size: 0, sha256: '' })).toEqual([
      'body.contentType',
      'body.size',
      'body.sha256',
    ]);
  });

  it('gives S3 the same digest in base64', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const hash = createHash('sha256').update(bytes);
        const digest = hash.digest();
        expect(sha256Base64(digest.toString('hex'))).toBe(digest.toString('base64'));
      }),
    );
  });
});
