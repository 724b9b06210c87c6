import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as registries } from '../../functions/api/registries/handler';
import { localSecretOf } from '../../infra/local/local-environment';
import { freePort } from '../../infra/local/ports';
import { listenS3Endpoint, type S3Endpoint } from '../../infra/local/s3/s3-endpoint';
import { type LedgerEntry, verifyChain } from '../../shared/domain/ledger/hash-chain';
import { readLedger } from '../../shared/repositories/issues';
import { claimsFor, invoke } from '../../tools/lambda-events';
import { issueFunctions as issues } from '../support/issue-functions';
import { createEnterprise, raiseIssue } from './issue-fixtures';
import { createCadre, createDepartment, operator } from './master-data-fixtures';

/**
 * Files on an issue in its ledger, and the daily cleanup of abandoned uploads, against DynamoDB Local
 * and a real S3-compatible server (s3rver behind the local endpoint that checks signatures), as in
 * local mode. The attachment modules read the bucket and endpoint when loaded, so they are imported
 * once both exist.
 */
const BUCKET = 'qinqing-test-files-000000000000-cn-north-1';
let storage: string;
let s3rver: S3rver;
let endpoint: S3Endpoint;
let attachments: typeof import('../../functions/api/attachments/handler').handler;
let cleanup: typeof import('../../shared/usecases/attachments/cleanup-abandoned-uploads').runAttachmentCleanup;
let findAttachment: typeof import('../../shared/repositories/attachments').findAttachment;

beforeAll(async () => {
  storage = await mkdtemp(join(tmpdir(), 'qinqing-s3-'));
  s3rver = new S3rver({
    address: '127.0.0.1',
    port: await freePort(),
    directory: storage,
    silent: true,
    configureBuckets: [{ name: BUCKET, configs: [] }],
  });
  const { port } = await s3rver.run();
  endpoint = await listenS3Endpoint({ upstreamPort: port, secretOf: localSecretOf });
  process.env.AWS_ENDPOINT_URL_S3 = endpoint.url;
  process.env.ATTACHMENTS_BUCKET = BUCKET;
  attachments = (await import('../../functions/api/attachments/handler')).handler;
  cleanup = (await import('../../shared/usecases/attachments/cleanup-abandoned-uploads'))
    .runAttachmentCleanup;
  findAttachment = (await import('../../shared/repositories/attachments')).findAttachment;
}, 60_000);

afterAll(async () => {
  await endpoint?.close();
  await s3rver?.close();
  await rm(storage, { recursive: true, force: true });
});

type Ticket = { id: string; uploadUrl: string; uploadHeaders: Record<string, string> };

const pdf = () => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(1024)]);

const requestUpload = async (owner: { kind: string; id: string }, bytes: Buffer, claims = operator) => {
  const { status, body } = await invoke(attachments, {
    routeKey: 'POST /attachments',
    body: {
      owner,
      fileName: '现场照片说明.pdf',
      contentType: 'application/pdf',
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    },
    claims,
  });
  expect(status, JSON.stringify(body)).toBe(201);
  return body as unknown as Ticket;
};

const upload = async (ticket: Ticket, bytes: Buffer) => {
  const response = await fetch(ticket.uploadUrl, {
    method: 'PUT',
    headers: ticket.uploadHeaders,
    body: bytes,
  });
  expect(response.status).toBe(200);
};

const ledgerOf = async (issueId: string) =>
  (
    (
      await invoke(issues, {
        routeKey: 'GET /issues/{issueId}/ledger',
        pathParameters: { issueId },
        claims: operator,
        query: { limit: '100' },
      })
    ).body as unknown as { items: LedgerEntry[] }
  ).items;

const timelineOf = async (issueId: string, enterpriseId: string) => {
  const { status, body } = await invoke(issues, {
    routeKey: 'GET /issues/{issueId}/timeline',
    pathParameters: { issueId },
    claims: claimsFor('enterprise', { enterpriseId }),
  });
  expect(status).toBe(200);
  return body as unknown as { step: string; text: string }[];
};

/** The program date of now in Shanghai, and the day after it. */
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const tomorrow = () => new Date(Date.now() + 32 * 3_600_000).toISOString().slice(0, 10);

describe('files on an issue in its ledger', () => {
  it('records each file asked for on an issue or its resolution as an internal entry, kept out of the timeline', async () => {
    const { id: enterpriseId } = await createEnterprise();
    const { id: issueId, version } = await raiseIssue(enterpriseId);
    const before = await timelineOf(issueId, enterpriseId);

    const byEnterprise = await requestUpload(
      { kind: 'issue', id: issueId },
      pdf(),
      claimsFor('enterprise', { enterpriseId }),
    );
    await requestUpload({ kind: 'resolution', id: issueId }, pdf());

    const ledger = await ledgerOf(issueId);
    expect(ledger.map((entry) => entry.action)).toEqual(['raised', 'attachment_added', 'attachment_added']);
    expect(ledger[1]).toMatchObject({
      actor: { role: 'enterprise' },
      fromStatus: 'open',
      toStatus: 'open',
      visibility: 'internal',
      data: { attachmentId: byEnterprise.id, ownerKind: 'issue', fileName: '现场照片说明.pdf' },
    });
    expect(ledger[2]).toMatchObject({ actor: { role: 'operator' }, data: { ownerKind: 'resolution' } });
    // Ledger length equals the version, as for every other change of the issue.
    const read = await invoke(issues, {
      routeKey: 'GET /issues/{issueId}',
      pathParameters: { issueId },
      claims: operator,
    });
    expect((read.body as { version: number }).version).toBe(version + 2);
    expect(ledger.length).toBe(version + 2);
    // The enterprise's timeline is what it was: no step, no file name.
    const after = await timelineOf(issueId, enterpriseId);
    expect(after).toEqual(before);
    expect(JSON.stringify(after)).not.toContain('现场照片说明');
  });

  it('keeps the chain whole when files and issue changes race', async () => {
    const { id: enterpriseId } = await createEnterprise();
    const { id: issueId } = await raiseIssue(enterpriseId);
    const results = await Promise.all([
      ...Array.from({ length: 4 }, () =>
        invoke(attachments, {
          routeKey: 'POST /attachments',
          body: {
            owner: { kind: 'issue', id: issueId },
            fileName: '补充材料.pdf',
            contentType: 'application/pdf',
            size: 10,
            sha256: 'b'.repeat(64),
          },
          claims: operator,
        }),
      ),
      invoke(issues, {
        routeKey: 'POST /issues/{issueId}/resolve-on-spot',
        pathParameters: { issueId },
        body: { resolution: '现场解决' },
        claims: operator,
      }),
    ]);
    const written = results.filter((result) => result.status === 201 || result.status === 200).length;
    const ledger = await ledgerOf(issueId);
    expect(ledger.map((entry) => entry.seq)).toEqual(ledger.map((_, i) => i + 1));
    expect(ledger.length).toBe(1 + written);
    expect(verifyChain(await readLedger(issueId))).toEqual({ valid: true });
    for (const result of results.filter((r) => (r.status ?? 0) >= 300)) expect(result.status).toBe(409);
  });
});

describe('the daily cleanup of uploads (attachment-cleanup)', () => {
  it('removes an abandoned upload with a ledger entry, confirms a completed one never read, and is idempotent', async () => {
    const { id: enterpriseId } = await createEnterprise();
    const { id: issueId } = await raiseIssue(enterpriseId);
    const bytes = pdf();
    const completed = await requestUpload({ kind: 'issue', id: issueId }, bytes);
    await upload(completed, bytes);
    const abandoned = await requestUpload({ kind: 'issue', id: issueId }, pdf());

    // Today their URLs have not expired before the day began: nothing is touched.
    const early = await cleanup(today());
    expect(early.failures).toEqual([]);
    expect(await findAttachment(abandoned.id)).toMatchObject({ status: 'awaiting_upload' });

    // The daily rule's event, through the attachments function as EventBridge invokes it.
    const run = (await attachments(
      {
        'detail-type': 'Scheduled Event',
        source: 'aws.events',
        time: `${tomorrow()}T03:00:00+08:00`,
      } as unknown as Parameters<typeof attachments>[0],
      {} as Parameters<typeof attachments>[1],
    )) as unknown as Awaited<ReturnType<typeof cleanup>>;
    expect(run.failures).toEqual([]);
    expect(run.asOf).toBe(tomorrow());
    expect(run.metrics?.AttachmentUploadsRemoved).toBeGreaterThanOrEqual(1);
    expect(await findAttachment(abandoned.id)).toBeUndefined();
    expect(await findAttachment(completed.id)).toMatchObject({ status: 'uploaded' });
    const download = await invoke(attachments, {
      routeKey: 'GET /attachments/{attachmentId}',
      pathParameters: { attachmentId: completed.id },
      claims: operator,
    });
    expect(download.status).toBe(200);
    expect((await fetch((download.body as { downloadUrl: string }).downloadUrl)).status).toBe(200);

    const ledger = await ledgerOf(issueId);
    expect(ledger.map((entry) => entry.action)).toEqual([
      'raised',
      'attachment_added',
      'attachment_added',
      'attachment_abandoned',
    ]);
    expect(ledger[3]).toMatchObject({
      actor: { sub: 'job:attachment-cleanup', role: 'system' },
      visibility: 'internal',
      data: { attachmentId: abandoned.id },
    });

    const again = await cleanup(tomorrow());
    expect(again.failures).toEqual([]);
    expect((await ledgerOf(issueId)).length).toBe(4);
    expect(await findAttachment(completed.id)).toMatchObject({ status: 'uploaded' });
  });

  it('removes an abandoned upload on an accountability case, which has no ledger', async () => {
    const cadre = await createCadre((await createDepartment()).id);
    const { status, body } = await invoke(registries, {
      routeKey: 'POST /accountability-cases',
      body: {
        cadreId: cadre.id,
        kind: 'exemption',
        situationCodes: ['E3'],
        date: '2043-09-01',
        summary: '先行协调审批，程序存在瑕疵',
      },
      headers: { 'idempotency-key': `case-${randomBytes(6).toString('hex')}` },
      claims: operator,
    });
    expect(status, JSON.stringify(body)).toBe(201);
    const evidence = await requestUpload(
      { kind: 'accountability_case', id: (body as { id: string }).id },
      pdf(),
    );

    expect((await cleanup(tomorrow())).failures).toEqual([]);
    expect(await findAttachment(evidence.id)).toBeUndefined();
  });
});
