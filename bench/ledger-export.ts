import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { launchDynamoDbLocal } from '../infra/local/dynamodb/dynamodb-local';
import { provisionTables } from '../infra/local/dynamodb/dynamodb-module';
import { requireJava } from '../infra/local/dynamodb/java';
import { LOCAL_ACCOUNT_ID, localAwsEnvironment, localRegion } from '../infra/local/local-environment';
import { freePort } from '../infra/local/ports';
import { synthStacks } from '../infra/local/template/synth';
import { tableDefinitions } from '../infra/local/template/tables';

/**
 * `npm run bench:export`: a city-year of ledger entries (ENTRIES, default 50,000, over the 365 days of
 * 2025, ~137 a day, 40 units) written straight into DynamoDB Local with the items production writes,
 * then each export (`GET /ledger/export` for the whole year in each format, and for one month) run
 * through the real handler in a fresh process (as a cold Lambda would), reporting wall time, peak
 * memory, response bytes and the DynamoDB Query calls the export made.
 */
const ENTRIES = Number(process.env.ENTRIES ?? 50_000);
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

const region = localRegion();
const aws = localAwsEnvironment(region);
Object.assign(process.env, aws);
const dynamo = launchDynamoDbLocal({ java: requireJava(), port: await freePort(), region });
try {
  const stacks = synthStacks();
  const tables = await provisionTables(dynamo, { stacks, region, accountId: LOCAL_ACCOUNT_ID });
  const names = Object.fromEntries(
    stacks
      .flatMap(tableDefinitions)
      .map((table) => [table.logicalId.replace(/[0-9A-F]{8}$/, ''), table.create.TableName]),
  );
  const environment = {
    ...aws,
    ...tables.environment,
    PROGRAM_TABLE: names.ProgramTable as string,
    LEDGER_TABLE: names.LedgerTable as string,
    LOG_LEVEL: 'SILENT',
  };
  Object.assign(process.env, environment);
  const { documentClient } = await import('../shared/db/client');
  const { ledgerItem } = await import('../shared/repositories/issues');
  const { unitKeys } = await import('../shared/db/keys');
  const { seedLedger } = await import('./ledger-seed');
  const { programDateOf } = await import('../shared/domain/calendar');

  const started = performance.now();
  const { entries, units } = seedLedger(ENTRIES);
  const writes = [
    ...units.map((unit) => ({
      table: environment.PROGRAM_TABLE,
      item: { ...unitKeys.item(unit.id), ...unit },
    })),
    ...entries.map((entry) => ({ table: environment.LEDGER_TABLE, item: ledgerItem(entry) })),
  ];
  const batches: (typeof writes)[] = [];
  for (let i = 0; i < writes.length; i += 25) batches.push(writes.slice(i, i + 25));
  let nextBatch = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (nextBatch < batches.length) {
        const batch = batches[nextBatch++] ?? [];
        let request: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]> | undefined = {};
        for (const { table, item } of batch) {
          request[table] = [...(request[table] ?? []), { PutRequest: { Item: item } }];
        }
        while (request && Object.keys(request).length > 0) {
          const result = await documentClient.send(new BatchWriteCommand({ RequestItems: request }));
          request = result.UnprocessedItems as typeof request;
        }
      }
    }),
  );
  console.log(
    `Wrote ${entries.length} ledger entries and ${units.length} units in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const year = { from: '2025-01-01', to: '2025-12-31' };
  const cases = [
    { label: 'year, csv, Accept-Encoding: gzip', format: 'csv', gzip: true, ...year },
    { label: 'year, csv, no Accept-Encoding', format: 'csv', gzip: false, ...year },
    { label: 'year, xlsx', format: 'xlsx', gzip: false, ...year },
    {
      label: 'June, csv, Accept-Encoding: gzip',
      format: 'csv',
      gzip: true,
      from: '2025-06-01',
      to: '2025-06-30',
    },
  ];
  const rowsIn = (from: string, to: string) =>
    entries.filter((entry) => {
      const date = programDateOf(entry.at);
      return date >= from && date <= to;
    }).length;
  const rows: Record<string, unknown>[] = [];
  for (const { label, format, gzip, from, to } of cases) {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/ledger-export-run.ts'], {
      cwd: repoRoot,
      env: {
        ...process.env,
        ...environment,
        EXPORT_FORMAT: format,
        EXPORT_GZIP: String(gzip),
        EXPORT_FROM: from,
        EXPORT_TO: to,
        EXPECT_ROWS: String(rowsIn(from, to)),
      },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.status !== 0) throw new Error(`export run failed: ${run.stderr}`);
    rows.push({ case: label, ...JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') });
  }
  console.table(rows);
} finally {
  await dynamo.stop();
}
