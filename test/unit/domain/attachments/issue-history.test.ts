import { describe, expect, it } from 'vitest';
import type { Attachment } from '../../../../shared/domain/attachments/attachment';
import {
  ATTACHMENT_ABANDONED,
  ATTACHMENT_ADDED,
  abandonedBefore,
  attachmentNote,
  ledgeredIssueOf,
} from '../../../../shared/domain/attachments/issue-history';
import { visibilityOf } from '../../../../shared/domain/issues/ledger-visibility';
import { publicTimeline } from '../../../../shared/domain/issues/timeline';
import { chainEntry, GENESIS_HASH } from '../../../../shared/domain/ledger/hash-chain';

const attachment = (kind: Attachment['owner']['kind']): Attachment => ({
  id: '01ATTACHMENT',
  owner: { kind, id: '01OWNER' },
  fileName: '内部审批意见.pdf',
  contentType: 'application/pdf',
  size: 2048,
  sha256: 'a'.repeat(64),
  status: 'awaiting_upload',
  createdBy: 'someone',
  version: 1,
  createdAt: '2026-12-05T10:00:00.000Z',
  updatedAt: '2026-12-05T10:00:00.000Z',
});

describe('the ledger entries of a file on an issue', () => {
  it('belong to the issue of an issue or resolution file, to no ledger for a visit or case file', () => {
    expect(ledgeredIssueOf(attachment('issue'))).toBe('01OWNER');
    expect(ledgeredIssueOf(attachment('resolution'))).toBe('01OWNER');
    expect(ledgeredIssueOf(attachment('visit'))).toBeUndefined();
    expect(ledgeredIssueOf(attachment('accountability_case'))).toBeUndefined();
  });

  it('state which file, never its checksum or who asked for it', () => {
    const note = attachmentNote(attachment('issue'), ATTACHMENT_ADDED);
    expect(note).toEqual({
      action: 'attachment_added',
      data: {
        attachmentId: '01ATTACHMENT',
        ownerKind: 'issue',
        fileName: '内部审批意见.pdf',
        contentType: 'application/pdf',
        size: 2048,
      },
    });
  });

  it('are internal: the enterprise’s timeline shows neither', () => {
    expect(visibilityOf(ATTACHMENT_ADDED)).toBe('internal');
    expect(visibilityOf(ATTACHMENT_ABANDONED)).toBe('internal');
    const raised = chainEntry(
      {
        issueId: 'i',
        seq: 1,
        at: '2026-12-05T09:00:00+08:00',
        actor: { sub: 'e', role: 'enterprise' },
        action: 'raised',
        fromStatus: null,
        toStatus: 'open',
        data: {},
        visibility: 'public',
      },
      GENESIS_HASH,
    );
    const filed = [ATTACHMENT_ADDED, ATTACHMENT_ABANDONED].map((action, i) =>
      chainEntry(
        {
          issueId: 'i',
          seq: i + 2,
          at: '2026-12-05T10:00:00+08:00',
          actor: { sub: 'd', role: 'department' },
          toStatus: 'open',
          fromStatus: 'open',
          ...attachmentNote(attachment('issue'), action as typeof ATTACHMENT_ADDED),
          // Even an entry that claimed to be public (it never is) shows nothing: no step for its action.
          visibility: i === 0 ? 'internal' : 'public',
        },
        raised.hash,
      ),
    );
    const timeline = publicTimeline([raised, ...filed], (unitId) => unitId);
    expect(timeline.map((step) => step.step)).toEqual(['received']);
    expect(JSON.stringify(timeline)).not.toContain('内部审批意见');
  });
});

describe('abandonedBefore', () => {
  it('is the run day’s Shanghai midnight less the upload URL’s lifetime', () => {
    expect(abandonedBefore('2026-12-06', 15 * 60)).toBe('2026-12-05T15:45:00.000Z');
  });

  it('judges an upload asked for just before its URL could expire by midnight as not yet abandoned', () => {
    const cutoff = abandonedBefore('2026-12-06', 15 * 60);
    expect('2026-12-05T15:44:59.999Z' < cutoff).toBe(true);
    expect('2026-12-05T15:45:00.000Z' < cutoff).toBe(false);
  });
});
