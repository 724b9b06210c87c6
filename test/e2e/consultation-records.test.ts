import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, type Problem, tokenFor } from '../support/e2e';

/** A year no other e2e file holds consultations in. */
const YEAR = '2044';

type Consultation = {
  id: string;
  date: string;
  version: number;
  agendaIssueIds: string[];
  chair: string | null;
  attendees: { leaders: string[]; unitIds: string[] };
  minutes: string | null;
  decisions: { issueId: string }[];
  issuesHeard: number;
  issuesDecided: number;
};

let operator: string;
let leader: string;
let unitId: string;

beforeAll(async () => {
  operator = await tokenFor('operator');
  leader = await tokenFor('leader');
  const unit = await api<{ id: string }>('POST', '/units', {
    token: operator,
    body: {
      code: `E2E-CR-${randomUUID().slice(0, 8)}`,
      name: '市经信局',
      kind: 'department',
      category: 'class1',
    },
    headers: { 'Idempotency-Key': randomUUID() },
  });
  expect(unit.status).toBe(201);
  unitId = unit.body.id;
});

describe('consultation records through HTTP', () => {
  it('records chair, attendees and minutes with If-Match, lists them by period, and counts them in /stats', async () => {
    const created = await api<Consultation>('POST', '/consultations', {
      token: operator,
      body: { date: `${YEAR}-06-10` },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      chair: null,
      minutes: null,
      attendees: { leaders: [], unitIds: [] },
    });

    const missing = await api<Problem>('PATCH', `/consultations/${created.body.id}`, {
      token: operator,
      body: { chair: '张市长' },
    });
    expect(missing.status).toBe(428);
    const record = {
      chair: '张市长',
      attendees: { leaders: ['张市长'], unitIds: [unitId] },
      minutes: '研究议定。',
    };
    const patched = await api<Consultation>('PATCH', `/consultations/${created.body.id}`, {
      token: operator,
      body: record,
      headers: { 'If-Match': `"${created.body.version}"` },
    });
    expect(patched.status).toBe(200);
    expect(patched.headers.get('etag')).toBe(`"${created.body.version + 1}"`);
    const stale = await api<Problem>('PATCH', `/consultations/${created.body.id}`, {
      token: operator,
      body: { minutes: '覆盖' },
      headers: { 'If-Match': `"${created.body.version}"` },
    });
    expect(stale.status).toBe(412);
    const byLeader = await api<Problem>('PATCH', `/consultations/${created.body.id}`, {
      token: leader,
      body: { minutes: '覆盖' },
      headers: { 'If-Match': `"${created.body.version + 1}"` },
    });
    expect(byLeader.status).toBe(403);

    const list = await api<{ items: Consultation[]; nextCursor: string | null }>(
      'GET',
      `/consultations?from=${YEAR}-01-01&to=${YEAR}-12-31`,
      { token: leader },
    );
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        id: created.body.id,
        ...record,
        decisions: [],
        issuesHeard: created.body.agendaIssueIds.length,
        issuesDecided: 0,
      }),
    ]);

    const stats = await api<{ consultations: Record<string, number> }>(
      'GET',
      `/stats?from=${YEAR}-01-01&to=${YEAR}-12-31`,
      { token: leader },
    );
    expect(stats.status).toBe(200);
    expect(stats.body.consultations).toEqual({
      held: 1,
      issuesHeard: created.body.agendaIssueIds.length,
      issuesDecided: 0,
      resolvedSince: 0,
    });
  });
});
