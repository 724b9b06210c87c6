import { randomBytes } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { handler as ledger } from '../../functions/api/ledger/handler';
import { tableNames } from '../../shared/config';
import { dynamoClient } from '../../shared/db/client';
import { newId } from '../../shared/domain/ids';
import { LEDGER_EXPORT_HEADERS, UTF8_BOM } from '../../shared/domain/ledger/export-table';
import { chainEntry, GENESIS_HASH, type LedgerEntry } from '../../shared/domain/ledger/hash-chain';
import { ledgerItem } from '../../shared/repositories/issues';
import { meterDynamoDb } from '../../tools/dynamo-usage/meter';
import { apiEvent, claimsFor, lambdaContext } from '../../tools/lambda-events';
import { createDepartment, operator } from './master-data-fixtures';

// Program days no other test writes on (the tables are shared by every test file of the run).
const DAYS = ['2025-07-21', '2025-07-22', '2025-07-23'];
const BIG_DAY = '2025-07-28';

/** A chained history per issue: raised, then entries alternating between two units, one a day. */
const historyOf = (issueId: string, unitIds: readonly string[], note: (seq: number) => string) => {
  const entries: LedgerEntry[] = [];
  let prevHash = GENESIS_HASH;
  DAYS.forEach((day, index) => {
    const seq = index + 1;
    const entry = chainEntry(
      {
        issueId,
        seq,
        at: `${day}T${String(9 + index).padStart(2, '0')}:15:00+08:00`,
        actor: { sub: 'test-operator', role: 'operator' },
        action: seq === 1 ? 'raised' : 'progress_reported',
        fromStatus: seq === 1 ? null : 'assigned',
        toStatus: seq === 1 ? 'open' : 'assigned',
        data: { note: note(seq) },
        ...(seq === 1 ? {} : { unitId: unitIds[seq % unitIds.length] }),
      },
      prevHash,
    );
    prevHash = entry.hash;
    entries.push(entry);
  });
  return entries;
};

// A bulk load of made-up history through a client of the test's own: the application's client
// refuses any ledger write that is not an append (test/support/ledger-write-guard.ts).
const loader = DynamoDBDocumentClient.from(new DynamoDBClient({}));

const putEntries = async (entries: readonly LedgerEntry[]) => {
  for (let i = 0; i < entries.length; i += 25) {
    await loader.send(
      new BatchWriteCommand({
        RequestItems: {
          [tableNames.ledger]: entries
            .slice(i, i + 25)
            .map((entry) => ({ PutRequest: { Item: ledgerItem(entry) } })),
        },
      }),
    );
  }
};

const exportFile = async (
  query: Record<string, string>,
  headers: Record<string, string> = {},
  claims = operator,
) => ledger(apiEvent({ routeKey: 'GET /ledger/export', query, headers, claims }), lambdaContext);

const bodyBytes = (result: { body?: string; isBase64Encoded?: boolean }) =>
  Buffer.from(result.body ?? '', result.isBase64Encoded ? 'base64' : 'utf8');

describe('GET /ledger/export against DynamoDB Local', () => {
  const units: string[] = [];
  const issues = Array.from({ length: 40 }, () => newId());

  beforeAll(async () => {
    units.push((await createDepartment()).id, (await createDepartment()).id);
    await putEntries(
      issues.flatMap((id) => historyOf(id, units, (seq) => `第${seq}次：企业说 "宿舍, 还差 800 间"`)),
    );
  });

  it('writes CSV as UTF-8 with a BOM, Chinese headers, one row per entry of the period in time order', async () => {
    const result = await exportFile({ from: DAYS[0] as string, to: DAYS[2] as string, format: 'csv' });

    expect(result.statusCode).toBe(200);
    expect(result.headers).toMatchObject({
      'content-type': 'text/csv; charset=utf-8',
      'x-ledger-entries': String(issues.length * DAYS.length),
    });
    expect(String(result.headers?.['content-disposition'])).toMatch(
      /^attachment; filename="ledger_2025-07-21_2025-07-23\.csv"/,
    );
    const bytes = bodyBytes(result);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(UTF8_BOM.length).trimEnd().split('\r\n');
    expect(lines[0]).toBe(LEDGER_EXPORT_HEADERS.join(','));
    expect(lines).toHaveLength(1 + issues.length * DAYS.length);
    const times = lines.slice(1).map((line) => line.split(',')[1] as string);
    expect(times).toEqual([...times].sort());
    expect(lines[1]).toMatch(/^1,2025-07-21 09:15:00,/);
    expect(lines.at(-1)).toContain('测试局');
  });

  it('reads the period from its year of the by-year index: one query, not one per day', async () => {
    const meter = meterDynamoDb(dynamoClient, () => undefined);

    const result = await exportFile({ from: DAYS[0] as string, to: DAYS[2] as string });

    expect(result.headers?.['x-ledger-entries']).toBe(String(issues.length * DAYS.length));
    expect(meter.calls().filter((call) => call.operation === 'Query')).toHaveLength(1);
  });

  it('compresses the CSV with gzip when the client accepts it, and it unzips to the same file', async () => {
    const query = { from: DAYS[0] as string, to: DAYS[2] as string };
    const plain = bodyBytes(await exportFile(query));

    const zipped = await exportFile(query, { 'accept-encoding': 'gzip, deflate, br' });

    expect(zipped.headers).toMatchObject({ 'content-encoding': 'gzip', vary: 'Accept-Encoding' });
    expect(zipped.isBase64Encoded).toBe(true);
    expect(gunzipSync(bodyBytes(zipped)).equals(plain)).toBe(true);
    expect(bodyBytes(zipped).byteLength).toBeLessThan(plain.byteLength / 3);
  });

  it('writes XLSX that parses back: the Chinese headers, every row, the numbers as numbers', async () => {
    const result = await exportFile({ from: DAYS[0] as string, to: DAYS[2] as string, format: 'xlsx' });

    expect(result.statusCode).toBe(200);
    expect(result.headers?.['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bodyBytes(result) as unknown as ArrayBuffer);
    const [sheet] = workbook.worksheets;
    if (!sheet) throw new Error('the workbook has no sheet');
    expect(sheet.name).toBe('台账');
    expect(sheet.rowCount).toBe(1 + issues.length * DAYS.length);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...LEDGER_EXPORT_HEADERS]);
    expect(sheet.getRow(2).getCell(1).value).toBe(1);
    expect(sheet.getRow(2).getCell(2).value).toBe('2025-07-21 09:15:00');
    expect(String(sheet.getRow(2).getCell(11).value)).toContain('宿舍, 还差 800 间');
  });

  it("filters by the entry's responsible unit and by period", async () => {
    const [first] = units as [string];
    const result = await exportFile({ from: DAYS[1] as string, to: DAYS[2] as string, unitId: first });

    const lines = bodyBytes(result).toString('utf8').trimEnd().split('\r\n').slice(1);
    // Entry 2 (day 2) goes to units[0], entry 3 (day 3) to units[1]: day 2's entries only.
    expect(lines).toHaveLength(issues.length);
    expect(lines.every((line) => line.split(',')[1]?.startsWith(DAYS[1] as string))).toBe(true);
  });

  it('answers 422 EXPORT_TOO_LARGE, suggesting gzip or a shorter period, when the file cannot fit a response', async () => {
    // 120 entries of 60 KB random text: ~7.2 MB that gzip shrinks by only a quarter (then base64 adds a third).
    const id = newId();
    const noise = () => randomBytes(45_000).toString('base64');
    const big = Array.from({ length: 120 }, (_, i) =>
      chainEntry(
        {
          issueId: id,
          seq: i + 1,
          at: `${BIG_DAY}T10:00:00+08:00`,
          actor: { sub: 'test-operator', role: 'operator' },
          action: 'progress_reported',
          fromStatus: 'assigned',
          toStatus: 'assigned',
          data: { note: noise() },
        },
        GENESIS_HASH,
      ),
    );
    await putEntries(big);

    const plain = await exportFile({ from: BIG_DAY, to: BIG_DAY });
    const zipped = await exportFile({ from: BIG_DAY, to: BIG_DAY }, { 'accept-encoding': 'gzip' });

    expect(plain.statusCode).toBe(422);
    expect(JSON.parse(plain.body ?? '{}')).toMatchObject({
      code: 'EXPORT_TOO_LARGE',
      detail: expect.stringContaining('Accept-Encoding: gzip'),
    });
    expect(zipped.statusCode).toBe(422);
    expect(JSON.parse(zipped.body ?? '{}').detail).toContain('shorter period');
  });

  it('refuses a period over a year, to before from, and every role but the service centre', async () => {
    const tooLong = await exportFile({ from: '2025-01-01', to: '2026-01-02' });
    const backwards = await exportFile({ from: DAYS[2] as string, to: DAYS[0] as string });
    const asLeader = await exportFile(
      { from: DAYS[0] as string, to: DAYS[0] as string },
      {},
      claimsFor('leader'),
    );

    expect(tooLong.statusCode).toBe(400);
    expect(backwards.statusCode).toBe(400);
    expect(asLeader.statusCode).toBe(403);
  });
});
