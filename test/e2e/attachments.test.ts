import { createHash, randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, type Problem, tokenFor } from '../support/e2e';
import {
  create,
  createEnterpriseIn,
  createTownWithGrid,
  createVisitTeam,
  programToday,
} from './master-data-fixtures';

type UploadTicket = {
  id: string;
  uploadUrl: string;
  uploadHeaders: Record<string, string>;
  expiresAt: string;
};
type DownloadTicket = {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  downloadUrl: string;
  expiresAt: string;
};

let operator: string;
let cadre: string;
let enterpriseA: string;
let enterpriseAToken: string;
let enterpriseBToken: string;
let visitId: string;
let issueId: string;

/** A small JPEG-looking file: the API never sees its bytes, S3 checks them against the SHA-256. */
const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(2048)]);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const requestUpload = (token: string, body: Record<string, unknown>) =>
  api<UploadTicket & Problem>('POST', '/attachments', { token, body });

const photoOn = (owner: { kind: string; id: string }, bytes = photo) => ({
  owner,
  fileName: '走访现场.jpg',
  contentType: 'image/jpeg',
  size: bytes.length,
  sha256: sha256(bytes),
});

const put = (ticket: UploadTicket, bytes: Buffer) =>
  fetch(ticket.uploadUrl, { method: 'PUT', headers: ticket.uploadHeaders, body: bytes });

beforeAll(async () => {
  operator = await tokenFor('operator');
  const place = await createTownWithGrid(operator, { code: 'E2E-A', town: '斜桥镇', grid: '斜桥一网格' });
  const { cadreId, teamId } = await createVisitTeam(operator, place, { cadre: '拍照干部', team: '斜桥一组' });
  const enterprise = { name: '海宁皮革样例有限公司', industry: 'dyeing' };
  enterpriseA = await createEnterpriseIn(operator, place, enterprise);
  const enterpriseB = await createEnterpriseIn(operator, place, enterprise);
  cadre = await tokenFor('cadre', { cadreId });
  enterpriseAToken = await tokenFor('enterprise', { enterpriseId: enterpriseA });
  enterpriseBToken = await tokenFor('enterprise', { enterpriseId: enterpriseB });
  visitId = await create(cadre, '/visits', {
    enterpriseId: enterpriseA,
    teamId,
    date: programToday(),
    questionnaire: {},
  });
  issueId = await create(enterpriseAToken, '/issues', {
    enterpriseId: enterpriseA,
    category: 'land',
    title: '厂房漏雨',
    description: '屋顶漏雨，请协调维修',
  });
});

describe('attachments through pre-signed URLs', () => {
  it('uploads a photo on a visit and downloads the same bytes', async () => {
    const { status, body: ticket } = await requestUpload(cadre, photoOn({ kind: 'visit', id: visitId }));
    expect(status, JSON.stringify(ticket)).toBe(201);
    expect(ticket.uploadHeaders['x-amz-checksum-sha256']).toBe(
      createHash('sha256').update(photo).digest('base64'),
    );

    const notYet = await api<Problem>('GET', `/attachments/${ticket.id}`, { token: operator });
    expect(notYet.status).toBe(409);
    expect(notYet.body.code).toBe('ATTACHMENT_NOT_UPLOADED');

    const uploaded = await put(ticket, photo);
    expect(uploaded.status, await uploaded.text()).toBe(200);

    const download = await api<DownloadTicket>('GET', `/attachments/${ticket.id}`, { token: operator });
    expect(download.status).toBe(200);
    expect(download.body).toMatchObject({
      id: ticket.id,
      fileName: '走访现场.jpg',
      contentType: 'image/jpeg',
      size: photo.length,
    });
    const file = await fetch(download.body.downloadUrl);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await file.arrayBuffer()).equals(photo)).toBe(true);

    const listed = await api<{ items: { id: string; status: string }[] }>(
      'GET',
      `/attachments?ownerKind=visit&ownerId=${visitId}`,
      { token: cadre },
    );
    expect(listed.body.items).toEqual([expect.objectContaining({ id: ticket.id, status: 'uploaded' })]);
  });

  it('S3 refuses bytes other than the checksum names, and a body of another length', async () => {
    const { body: ticket } = await requestUpload(cadre, photoOn({ kind: 'visit', id: visitId }));
    const tampered = Buffer.from(photo);
    tampered[100] = (tampered[100] ?? 0) ^ 0xff;

    const wrongBytes = await put(ticket, tampered);
    expect(wrongBytes.status).toBe(400);
    expect(await wrongBytes.text()).toContain('BadDigest');
    const longer = await put(ticket, Buffer.concat([photo, Buffer.from([0])]));
    expect(longer.status).toBe(403);
    const otherType = await fetch(ticket.uploadUrl, {
      method: 'PUT',
      headers: { ...ticket.uploadHeaders, 'content-type': 'text/html' },
      body: photo,
    });
    expect(otherType.status).toBe(403);

    const download = await api<Problem>('GET', `/attachments/${ticket.id}`, { token: operator });
    expect(download.body.code).toBe('ATTACHMENT_NOT_UPLOADED');
  });

  it('refuses a file too large or of another type with 400, writing nothing', async () => {
    const tooLarge = await requestUpload(cadre, {
      ...photoOn({ kind: 'visit', id: visitId }),
      size: 10 * 1024 * 1024 + 1,
    });
    expect(tooLarge.status).toBe(400);
    expect(tooLarge.body.errors).toEqual([expect.objectContaining({ path: 'body.size' })]);

    const script = await requestUpload(cadre, {
      ...photoOn({ kind: 'visit', id: visitId }),
      fileName: 'setup.exe',
      contentType: 'application/x-msdownload',
    });
    expect(script.status).toBe(400);
    expect(script.body.errors).toEqual([expect.objectContaining({ path: 'body.contentType' })]);

    const listed = await api<{ items: unknown[] }>('GET', `/attachments?ownerKind=visit&ownerId=${visitId}`, {
      token: operator,
    });
    expect(listed.body.items).toHaveLength(2);
  });

  it('keeps the owner’s scope: another enterprise gets 404, the issue’s own enterprise its file', async () => {
    const bytes = Buffer.from('%PDF-1.4 营业执照扫描件');
    const { status, body: ticket } = await requestUpload(enterpriseAToken, {
      owner: { kind: 'issue', id: issueId },
      fileName: '营业执照.pdf',
      contentType: 'application/pdf',
      size: bytes.length,
      sha256: sha256(bytes),
    });
    expect(status, JSON.stringify(ticket)).toBe(201);
    expect((await put(ticket, bytes)).status).toBe(200);

    const foreign = await api<Problem>('GET', `/attachments/${ticket.id}`, { token: enterpriseBToken });
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('NOT_FOUND');
    const foreignVisitPhoto = await api<{ items: { id: string }[] }>(
      'GET',
      `/attachments?ownerKind=visit&ownerId=${visitId}`,
      { token: enterpriseBToken },
    );
    expect(foreignVisitPhoto.status).toBe(404);
    const foreignUpload = await requestUpload(enterpriseBToken, {
      owner: { kind: 'issue', id: issueId },
      fileName: '伪造.pdf',
      contentType: 'application/pdf',
      size: bytes.length,
      sha256: sha256(bytes),
    });
    expect(foreignUpload.status).toBe(404);

    const own = await api<DownloadTicket>('GET', `/attachments/${ticket.id}`, { token: enterpriseAToken });
    expect(own.status).toBe(200);
    const file = await fetch(own.body.downloadUrl);
    expect(Buffer.from(await file.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('a leader may read an issue’s files but not add to them (403)', async () => {
    const leader = await tokenFor('leader');
    const { status } = await requestUpload(leader, photoOn({ kind: 'issue', id: issueId }));
    expect(status).toBe(403);
  });

  it('tells the issue’s ledger of each file, and the enterprise’s timeline of none', async () => {
    const before = await api<{ items: { step: string; text: string }[] }>(
      'GET',
      `/issues/${issueId}/timeline`,
      {
        token: enterpriseAToken,
      },
    );
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(512)]);
    const { status, body: ticket } = await requestUpload(enterpriseAToken, {
      owner: { kind: 'issue', id: issueId },
      fileName: '租赁合同.pdf',
      contentType: 'application/pdf',
      size: bytes.length,
      sha256: sha256(bytes),
    });
    expect(status).toBe(201);

    const ledger = await api<{
      items: { action: string; visibility: string; data: Record<string, unknown> }[];
    }>('GET', `/issues/${issueId}/ledger?limit=100`, { token: operator });
    expect(ledger.status).toBe(200);
    const entry = ledger.body.items.find((item) => item.data.attachmentId === ticket.id);
    expect(entry).toMatchObject({
      action: 'attachment_added',
      visibility: 'internal',
      data: { fileName: '租赁合同.pdf', ownerKind: 'issue' },
    });

    const after = await api<{ items: { step: string; text: string }[] }>(
      'GET',
      `/issues/${issueId}/timeline`,
      {
        token: enterpriseAToken,
      },
    );
    expect(after.status).toBe(200);
    expect(after.body).toEqual(before.body);
    expect(JSON.stringify(after.body)).not.toContain('租赁合同');
  });
});
