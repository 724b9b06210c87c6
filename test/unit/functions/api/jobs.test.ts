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
  it('runs the daily sweep for asOf through the work queues, each read once, never a scan', async () => {
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
    // Each work queue is read once, whole: every step (overdue, due soon, sign-for, no response,
    // outbox) is decided from that one read, not from a query of its own.
    const wholeReadsOf = (partition: string) =>
      queueQueries(partition).filter(
        (q) => q.IndexName === 'IGSI3' && q.KeyConditionExpression === '#pk = :pk' && !q.FilterExpression,
      );
    expect(wholeReadsOf('QUEUE#OPEN_ASSIGNMENT#')).toHaveLength(QUEUE_SHARDS);
    expect(wholeReadsOf('QUEUE#AWAITING_FEEDBACK#')).toHaveLength(QUEUE_SHARDS);
    expect(wholeReadsOf('QUEUE#AWAITING_DISPATCH')).toHaveLength(1);
    expect(wholeReadsOf('QUEUE#AWAITING_CONSULTATION')).toHaveLength(1);
    expect(queueQueries('QUEUE#')).toHaveLength(2 * QUEUE_SHARDS + 2);
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
    // The steps that need no working day still read every queue, once.
    const queries = ddb.commandCalls(QueryCommand).map((call) => call.args[0].input);
    const queueReads = queries.filter((query) =>
      String(query.ExpressionAttributeValues?.[':pk']).startsWith('QUEUE#'),
    );
    expect(queueReads).toHaveLength(2 * QUEUE_SHARDS + 2);
  });
});
