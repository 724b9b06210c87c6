import { randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { handler as ledger } from '../../functions/api/ledger/handler';
import { ledgerDayIndexUntil, tableNames } from '../../shared/config';
import { dynamoClient } from '../../shared/db/client';
import { ledgerDayKeysBeforeUpgrade, ledgerKeys } from '../../shared/db/keys';
import { programDateOf } from '../../shared/domain/calendar';
import { newId } from '../../shared/domain/ids';
import { chainEntry, GENESIS_HASH, type LedgerEntry } from '../../shared/domain/ledger/hash-chain';
import { ledgerItem } from '../../shared/repositories/issues';
import { readLedgerPeriod } from '../../shared/repositories/ledger-period';
import { meterDynamoDb } from '../../tools/dynamo-usage/meter';
import { apiEvent, lambdaContext } from '../../tools/lambda-events';
import { operator } from './master-data-fixtures';

// The stage moved to the by-year index on CUT_OVER: entries of that day and before were written with
// the by-day key only. Set before shared/config loads, as CDK sets it on the export function.
const CUT_OVER = vi.hoisted(() => {
  process.env.LEDGER_DAY_INDEX_UNTIL = '2030-12-30';
  return '2030-12-30';
});

const meter = meterDynamoDb(dynamoClient, () => undefined);
const loader = DynamoDBDocumentClient.from(new DynamoDBClient({}));

/** One issue's chained entries at the instants given. */
const historyAt = (issueId: string, instants: readonly string[], note = (_seq: number) => 'note') => {
  let prevHash = GENESIS_HASH;
  return instants.map((at, index) => {
    const entry = chainEntry(
      {
        issueId,
        seq: index + 1,
        at,
        actor: { sub: 'test-operator', role: 'operator' },
        action: index === 0 ? 'raised' : 'progress_reported',
        fromStatus: index === 0 ? null : 'assigned',
        toStatus: index === 0 ? 'open' : 'assigned',
        data: { note: note(index + 1) },
      },
      prevHash,
    );
    prevHash = entry.hash;
    return entry;
  });
};

/** An entry as the code before the by-year index stored it: keyed in the by-day index only. */
const storedBeforeUpgrade = (entry: LedgerEntry) => ({
  ...ledgerKeys.entry(entry.issueId, entry.seq),
  ...ledgerDayKeysBeforeUpgrade(programDateOf(entry.at), entry.at, entry.issueId, entry.seq),
  ...entry,
});

// Made-up history through a client of the test's own: the application's client refuses any ledger
// write that is not an append (test/support/ledger-write-guard.ts), and the old key shape is no
// longer the application's to write.
const put = async (items: readonly Record<string, unknown>[]) => {
  for (let i = 0; i < items.length; i += 25) {
    await loader.send(
      new BatchWriteCommand({
        RequestItems: {
          [tableNames.ledger]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })),
        },
      }),
    );
  }
};

const csvRows = async (from: string, to: string) => {
  const result = await ledger(
    apiEvent({ routeKey: 'GET /ledger/export', query: { from, to }, claims: operator }),
    lambdaContext,
  );
  expect(result.statusCode).toBe(200);
  return (result.body ?? '')
    .trimEnd()
    .split('\r\n')
    .slice(1)
    .map((line) => line.split(','));
};

/** The export's rows as `issueId#seq`, in the file's order. */
const exported = async (from: string, to: string) =>
  (await csvRows(from, to)).map(([, , issueId, seq]) => `${issueId}#${seq}`);

const queries = () => meter.calls().filter((call) => call.operation === 'Query');

// Program days no other test writes on (the tables are shared by every test file of the run).
describe('GET /ledger/export across the move from the by-day to the by-year index', () => {
  const early = newId();
  const late = newId();
  const early1 = `${early}#1`;
  const [early2, early3, early4] = [2, 3, 4].map((seq) => `${early}#${seq}`);
  const [late1, late2, late3, late4] = [1, 2, 3, 4].map((seq) => `${late}#${seq}`);
  // An issue workflow started before the upgrade runs the old step code to its end, so it still
  // writes day-keyed entries, in between new ones.
  const straggler = newId();
  const [straggler1, straggler2] = [1, 2].map((seq) => `${straggler}#${seq}`);

  beforeAll(async () => {
    const [beforeRange, onDay1, cutOverMorning, cutOverAfternoon] = historyAt(early, [
      '2030-12-28T10:00:00+08:00',
      '2030-12-29T10:00:00+08:00',
      '2030-12-30T09:00:00+08:00',
      // Written after the upgrade, on the cut-over day itself.
      '2030-12-30T15:00:00+08:00',
    ]) as [LedgerEntry, LedgerEntry, LedgerEntry, LedgerEntry];
    await put([beforeRange, onDay1, cutOverMorning].map(storedBeforeUpgrade));
    await put([cutOverAfternoon].map(ledgerItem));
    await put(
      historyAt(straggler, ['2030-12-30T14:00:00+08:00', '2030-12-30T16:00:00+08:00']).map(
        storedBeforeUpgrade,
      ),
    );
    await put(
      historyAt(late, [
        '2030-12-31T23:59:59+08:00',
        // Program year 2031, though still 2030 in UTC.
        '2031-01-01T00:30:00+08:00',
        '2031-01-02T12:00:00+08:00',
        // The first instant after the range below.
        '2031-01-03T00:00:00+08:00',
      ]).map(ledgerItem),
    );
  });

  beforeEach(() => meter.reset());

  it('runs with the stage’s cut-over day', () => {
    expect(ledgerDayIndexUntil()).toBe(CUT_OVER);
  });

  it('exports old and new entries in time order across the cut-over day and a new year: a query per day up to the cut-over and per year', async () => {
    const rows = await exported('2030-12-29', '2031-01-02');

    expect(rows).toEqual([early2, early3, straggler1, early4, straggler2, late1, late2, late3]);
    // Days 12-29 and 12-30 of the by-day index, then years 2030 and 2031 of the by-year index: one page each.
    expect(queries()).toHaveLength(4);
  });

  it('reads days before the cut-over from the by-day index (and their year, empty there)', async () => {
    expect(await exported('2030-12-28', '2030-12-29')).toEqual([early1, early2]);
    expect(queries()).toHaveLength(3);
  });

  it('loses no entry when the cut-over day was set later than the upgrade: it only reads more days', async () => {
    const entries = await readLedgerPeriod(
      { from: '2030-12-29', to: '2031-01-02' },
      { maxEntries: 100, dayIndexUntil: '2031-01-01' },
    );

    expect(entries.map((entry) => `${entry.issueId}#${entry.seq}`)).toEqual([
      early2,
      early3,
      straggler1,
      early4,
      straggler2,
      late1,
      late2,
      late3,
    ]);
    // Four days of the by-day index (two of them empty), then the two years.
    expect(queries()).toHaveLength(6);
  });

  it('reads the cut-over day in both indexes, merging old and new entries in time order', async () => {
    expect(await exported(CUT_OVER, CUT_OVER)).toEqual([early3, straggler1, early4, straggler2]);
    expect(queries()).toHaveLength(2);
  });

  it('reads a month after the cut-over as one query of its year', async () => {
    expect(await exported('2031-01-01', '2031-01-31')).toEqual([late2, late3, late4]);
    expect(queries()).toHaveLength(1);
  });

  it('reads a year partition page by page: one query per page (1 MB) of entries', async () => {
    // ~2.6 MB of entries on one day: three pages of the by-year index.
    const noise = () => randomBytes(75_000).toString('base64');
    const busy = newId();
    await put(
      historyAt(
        busy,
        Array.from({ length: 26 }, (_, i) => `2031-02-03T10:${String(i).padStart(2, '0')}:00+08:00`),
        noise,
      ).map(ledgerItem),
    );
    meter.reset();

    const rows = await csvRows('2031-02-01', '2031-02-28');

    expect(rows.map(([, , issueId, seq]) => `${issueId}#${seq}`)).toEqual(
      Array.from({ length: 26 }, (_, i) => `${busy}#${i + 1}`),
    );
    const calls = queries();
    expect(calls.length).toBeGreaterThanOrEqual(3);
    // Every query but the last read a full page (1 MB is 128 units read eventually consistent).
    for (const call of calls.slice(0, -1)) expect(call.readUnits).toBeGreaterThanOrEqual(120);
    expect(calls.at(-1)?.readUnits).toBeLessThan(128);
  });
});
