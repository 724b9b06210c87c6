import { beforeAll, describe, expect, it } from 'vitest';
import { handler as reports } from '../../functions/api/reports/handler';
import { claimsFor, invoke } from '../../tools/lambda-events';
import { issueFunctions as handler } from '../support/issue-functions';
import { act, createEnterprise, departmentOf, issueAwaitingConsultation } from './issue-fixtures';
import { createDepartment, operator } from './master-data-fixtures';

const leader = claimsFor('leader');
/** A year no other test holds consultations in: its list and figures are this file's alone. */
const YEAR = '2043';

type Line = { issueId: string; leadUnitId: string };
type Summary = {
  id: string;
  date: string;
  version: number;
  agendaIssueIds: string[];
  chair: string | null;
  attendees: { leaders: string[]; unitIds: string[] };
  minutes: string | null;
  dispatchOrder: { id: string; number: string } | null;
  decisions: Line[];
  issuesHeard: number;
  issuesDecided: number;
};

const createConsultation = async (date: string) => {
  const { status, body } = await invoke(handler, {
    routeKey: 'POST /consultations',
    body: { date },
    claims: operator,
  });
  expect(status).toBe(201);
  return body as unknown as Summary;
};

const decide = async (consultationId: string, issueId: string, leadUnitId: string) => {
  const { status, body } = await invoke(handler, {
    routeKey: 'POST /consultations/{consultationId}/decisions',
    pathParameters: { consultationId },
    body: { issueId, leadUnitId, dueWorkingDays: 5, note: '会商议定' },
    claims: leader,
  });
  expect(status, JSON.stringify(body)).toBe(200);
};

const patch = (consultationId: string, body: unknown, version?: number, claims = operator) =>
  invoke(handler, {
    routeKey: 'PATCH /consultations/{consultationId}',
    pathParameters: { consultationId },
    body,
    headers: version === undefined ? {} : { 'if-match': `"${version}"` },
    claims,
  });

const list = (query: Record<string, string>, claims = leader) =>
  invoke(handler, { routeKey: 'GET /consultations', query, claims });

/** Every consultation of the list, following its cursors. */
const listAll = async (query: Record<string, string>) => {
  const items: Summary[] = [];
  let cursor: string | undefined;
  do {
    const { status, body } = await list({ ...query, limit: '1', ...(cursor ? { cursor } : {}) });
    expect(status).toBe(200);
    const page = body as unknown as { items: Summary[]; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
};

let enterpriseId: string;
let unitIds: string[];
let first: Summary;
let second: Summary;
let decidedIssueIds: string[];

beforeAll(async () => {
  enterpriseId = (await createEnterprise()).id;
  unitIds = await Promise.all([1, 2].map(async () => (await createDepartment()).id));
  const [lead, other] = unitIds as [string, string];
  const issueIds = await Promise.all(
    [lead, lead, other].map((unitId) => issueAwaitingConsultation(enterpriseId, unitId)),
  );
  first = await createConsultation(`${YEAR}-03-04`);
  second = await createConsultation(`${YEAR}-03-18`);
  await createConsultation(`${YEAR}-05-06`);
  // Two decided at the first consultation; the third waits for the second, which decides it.
  const [a, b, c] = issueIds as [string, string, string];
  await decide(first.id, a, lead);
  await decide(first.id, b, other);
  await decide(second.id, c, other);
  decidedIssueIds = [a, b, c];
  // One of them is resolved and closed on the enterprise's satisfied verdict.
  await act(a, 'resolution', departmentOf(lead), { resolution: '已协调解决' });
  await act(a, 'feedback', claimsFor('enterprise', { enterpriseId }), { verdict: 'satisfied' });
});

describe('the record of a consultation (PATCH /consultations/{id})', () => {
  it('records chair, attendees and minutes on the version read, and shows them in the list and the agenda', async () => {
    const record = {
      chair: '张市长',
      attendees: { leaders: ['张市长', '李副市长'], unitIds },
      minutes: '会议研究了三个诉求，议定由牵头单位限期办结。',
    };
    const { status, body, headers } = await patch(first.id, record, first.version);
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({ ...record, version: first.version + 1 });
    expect(body).not.toHaveProperty('recordedBy');
    expect(body).not.toHaveProperty('dispatchOrderId');
    expect(headers.etag).toBe(`"${first.version + 1}"`);

    const read = await invoke(handler, {
      routeKey: 'GET /consultations/{consultationId}',
      pathParameters: { consultationId: first.id },
      claims: leader,
    });
    expect(read.body).toMatchObject({
      ...record,
      decisions: [{ issueId: decidedIssueIds[0] }, { issueId: decidedIssueIds[1] }],
    });
    const listed = (await listAll({ from: `${YEAR}-03-01`, to: `${YEAR}-03-10` }))[0];
    expect(listed).toMatchObject({ id: first.id, ...record });

    // Only the minutes change; the rest stays as recorded.
    const again = await patch(first.id, { minutes: '补充：下次会商复核。' }, first.version + 1);
    expect(again.body).toMatchObject({
      chair: '张市长',
      minutes: '补充：下次会商复核。',
      version: first.version + 2,
    });
  });

  it('answers a stale version 412, a missing If-Match 428, and writes nothing', async () => {
    const stale = await patch(second.id, { chair: '王市长' }, second.version + 5);
    expect(stale.status).toBe(412);
    const missing = await patch(second.id, { chair: '王市长' });
    expect(missing.status).toBe(428);
    const [read] = await listAll({ from: `${YEAR}-03-18`, to: `${YEAR}-03-18` });
    expect(read).toMatchObject({ chair: null, minutes: null, version: second.version });
  });

  it('refuses an unknown attending unit, an empty patch and unknown fields with 400; a leader 403; an unknown consultation 404', async () => {
    const unknownUnit = await patch(
      second.id,
      { attendees: { leaders: [], unitIds: ['01ZZZZZZZZZZZZZZZZZZZZZZZZ'] } },
      second.version,
    );
    expect(unknownUnit.status).toBe(400);
    expect(JSON.stringify(unknownUnit.body)).toContain('body.attendees.unitIds.0');
    expect((await patch(second.id, {}, second.version)).status).toBe(400);
    expect((await patch(second.id, { agendaIssueIds: [] }, second.version)).status).toBe(400);
    expect((await patch(second.id, { chair: '王市长' }, second.version, leader)).status).toBe(403);
    expect((await patch('01ZZZZZZZZZZZZZZZZZZZZZZZZ', { chair: '王市长' }, 1)).status).toBe(404);
    const [read] = await listAll({ from: `${YEAR}-03-18`, to: `${YEAR}-03-18` });
    expect(read?.version).toBe(second.version);
  });
});

describe('the consultations of a period (GET /consultations)', () => {
  it('lists those dated within the period, newest first, page by page, with their decisions and counts', async () => {
    const march = await listAll({ from: `${YEAR}-03-01`, to: `${YEAR}-03-31` });
    expect(march.map((consultation) => consultation.date)).toEqual([`${YEAR}-03-18`, `${YEAR}-03-04`]);
    const [secondRead, firstRead] = march as [Summary, Summary];
    expect(firstRead.decisions.map((line) => line.issueId)).toEqual(decidedIssueIds.slice(0, 2));
    expect(firstRead).toMatchObject({ issuesHeard: first.agendaIssueIds.length, issuesDecided: 2 });
    expect(firstRead.dispatchOrder?.number).toMatch(new RegExp(`^${YEAR}-\\d{4}$`));
    expect(secondRead).toMatchObject({ issuesHeard: second.agendaIssueIds.length, issuesDecided: 1 });
    expect((await listAll({ from: `${YEAR}-01-01`, to: `${YEAR}-12-31` })).length).toBe(3);
  });

  it('refuses a period that ends before it starts, and a department', async () => {
    expect((await list({ from: `${YEAR}-03-31`, to: `${YEAR}-03-01` })).status).toBe(400);
    expect((await list({}, departmentOf(unitIds[0] as string))).status).toBe(403);
  });
});

describe('consultation figures in /stats', () => {
  it('equal a recount from the consultations and the issues they decided', async () => {
    const from = `${YEAR}-01-01`;
    const to = `${YEAR}-12-31`;
    const { status, body } = await invoke(reports, {
      routeKey: 'GET /stats',
      query: { from, to },
      claims: leader,
    });
    expect(status).toBe(200);

    // The recount: every consultation of the period as listed, every decided issue as read now.
    const consultations = await listAll({ from, to });
    const decided = new Set(consultations.flatMap((c) => c.decisions.map((line) => line.issueId)));
    const statuses = await Promise.all(
      [...decided].map(async (issueId) => {
        const read = await invoke(handler, {
          routeKey: 'GET /issues/{issueId}',
          pathParameters: { issueId },
          claims: operator,
        });
        return read.body as { status: string; closure?: string };
      }),
    );
    const recount = {
      held: consultations.length,
      issuesHeard: consultations.reduce((sum, c) => sum + c.agendaIssueIds.length, 0),
      issuesDecided: consultations.reduce((sum, c) => sum + c.decisions.length, 0),
      resolvedSince: statuses.filter(
        (issue) =>
          issue.status === 'awaiting_feedback' ||
          (issue.status === 'closed' && issue.closure !== 'duplicate'),
      ).length,
    };
    expect((body as { consultations: unknown }).consultations).toEqual(recount);
    // What this file did: three held, three decided, one resolved (closed on a satisfied verdict).
    expect(recount).toMatchObject({ held: 3, issuesDecided: 3, resolvedSince: 1 });
  });
});
