import { QueryCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../../../functions/api/jobs/handler';
import { QUEUE_SHARDS } from '../../../../shared/db/keys';
import { claimsFor, invoke } from '../../../../tools/lambda-events';
import { mockProgramTable } from '../../../support/dynamo-mock';

const { ddb, serve } = mockProgramTable();
const admin = claimsFor('admin');

const runJob = (job: string, body: unknown, claims = admin) =>
  invoke(handler, { routeKey: 'POST /jobs/{job}/runs', pathParameters: { job }, body, claims });

beforeEach(() => {
  serve([]);
  ddb.on(UpdateCommand).callsFake(({ ExpressionAttributeValues }) => ({
    Attributes: {
      pk: 'JOB#daily-sweep',
      sk: 'DAY#x',
      job: 'daily-sweep',
      asOf: ExpressionAttributeValues[':asOf'],
    },
  }));
});

describe('POST /jobs/{job}/runs', () => {
  it('runs the daily sweep for asOf through the work queues, by key range, never a scan', async () => {
    const { status, body } = await runJob('daily-sweep', { asOf: '2026-03-10' });

    expect(status).toBe(200);
    expect(body).toMatchObject({
      job: 'daily-sweep',
      asOf: '2026-03-10',
      overdue: { examined: 0, signalled: 0 },
      dueSoon: { examined: 0, cardsShown: 0 },
      noResponse: { examined: 0, signalled: 0, closed: 0 },
      failures: [],
      day: { job: 'daily-sweep', asOf: '2026-03-10' },
    });
    expect(ddb).not.toHaveReceivedCommand(ScanCommand);
    const queries = ddb.commandCalls(QueryCommand).map((call) => call.args[0].input);
    const queueQueries = (partition: string) =>
      queries.filter((query) => String(query.ExpressionAttributeValues?.[':pk']).startsWith(partition));
    const overdue = queueQueries('QUEUE#OPEN_ASSIGNMENT#').filter((q) =>
      q.KeyConditionExpression?.includes('<'),
    );
    expect(overdue).toHaveLength(QUEUE_SHARDS);
    expect(overdue[0]).toMatchObject({
      IndexName: 'GSI3',
      KeyConditionExpression: '#pk = :pk AND #sk < :before',
      ExpressionAttributeValues: { ':pk': 'QUEUE#OPEN_ASSIGNMENT#0', ':before': '2026-03-10' },
    });
    // Tuesday 2026-03-10: Wednesday and Thursday are the two working days; Friday is the third.
    expect(
      queueQueries('QUEUE#OPEN_ASSIGNMENT#').find((q) => q.KeyConditionExpression?.includes('BETWEEN')),
    ).toMatchObject({ ExpressionAttributeValues: { ':from': '2026-03-10', ':to': '2026-03-12#~' } });
    const followUps = queueQueries('QUEUE#AWAITING_FEEDBACK#').filter((q) =>
      q.KeyConditionExpression?.includes('<'),
    );
    expect(followUps).toHaveLength(QUEUE_SHARDS);
    // Undelivered outbox entries: every work queue read whole, keeping only issues with one.
    const outbox = queries.filter(
      (q) =>
        q.FilterExpression ===
        'attribute_exists(#workflow.#startPending) OR attribute_exists(#workflow.#delivery)',
    );
    expect(outbox).toHaveLength(2 * QUEUE_SHARDS + 2);
  });

  it('answers 404 JOB_NOT_FOUND for a job not built yet, not 400', async () => {
    for (const job of ['no-such-job', 'weekly-inspections']) {
      const { status, body } = await runJob(job, { asOf: '2026-03-10' });
      expect(status, job).toBe(404);
      expect(body?.code).toBe('JOB_NOT_FOUND');
    }
    expect(ddb).not.toHaveReceivedAnyCommand();
  });

  it('is for admins only', async () => {
    const { status } = await runJob('daily-sweep', { asOf: '2026-03-10' }, claimsFor('operator'));
    expect(status).toBe(403);
    expect(ddb).not.toHaveReceivedAnyCommand();
  });

  it('takes a moment for asOf and runs for its Asia/Shanghai date', async () => {
    const { status, body } = await runJob('daily-sweep', { asOf: '2026-03-09T16:30:00Z' });
    expect(status).toBe(200);
    expect(body).toMatchObject({ job: 'daily-sweep', asOf: '2026-03-10' });
  });

  it('refuses a moment without an offset', async () => {
    const { status, body } = await runJob('daily-sweep', { asOf: '2026-03-10T08:00:00' });
    expect(status).toBe(400);
    expect(body?.errors?.map((error) => error.path)).toEqual(['body.asOf']);
  });

  it('validates the date and refuses other fields', async () => {
    const { status, body } = await runJob('daily-sweep', { asOf: '2026-02-30', force: true });
    expect(status).toBe(400);
    expect(body?.errors?.map((error) => error.path).sort()).toEqual(['body.asOf', 'body.force']);
  });

  it('sweeps a date in a year the calendar lacks without the working-day steps, and reports what it skipped', async () => {
    const { status, body } = await runJob('daily-sweep', { asOf: '2031-03-10' });

    expect(status).toBe(200);
    expect(body).toMatchObject({
      skipped: [
        { step: 'overdue', reason: 'CALENDAR_YEAR_MISSING', year: 2031 },
        { step: 'due_soon', reason: 'CALENDAR_YEAR_MISSING', year: 2031 },
      ],
      calendar: { missingYear: 2031 },
      overdue: { examined: 0 },
      dueSoon: { examined: 0 },
      failures: [],
    });
    // The steps that need no working day still read their queues (follow-ups by date, the outbox
    // whole); the overdue and due-soon ranges of the open assignments are never read.
    const queries = ddb.commandCalls(QueryCommand).map((call) => call.args[0].input);
    const ranged = (prefix: string) =>
      queries.filter(
        (query) =>
          String(query.ExpressionAttributeValues?.[':pk']).startsWith(prefix) &&
          query.KeyConditionExpression?.includes(':pk AND'),
      );
    expect(ranged('QUEUE#AWAITING_FEEDBACK#').length).toBeGreaterThan(0);
    expect(ranged('QUEUE#OPEN_ASSIGNMENT#')).toEqual([]);
    expect(
      queries.filter((query) =>
        String(query.ExpressionAttributeValues?.[':pk']).startsWith('QUEUE#OPEN_ASSIGNMENT#'),
      ).length,
    ).toBeGreaterThan(0);
  });
});
