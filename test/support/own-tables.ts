import { inject } from 'vitest';
import { localDynamoClient } from '../../infra/local/dynamodb/client';
import { ensureTables } from '../../infra/local/dynamodb/tables';
import { tableDefinitions } from '../../infra/local/template/tables';
import { standInYears } from './stand-in-calendar';

/**
 * Tables of one test file's own, in the integration project's DynamoDB Local, for a file whose code
 * reads whole indexes (a job's work queues) and so must not see, or touch, what other files running
 * beside it store. The file renames the tables in a `vi.hoisted` block, before any module reads
 * their names (shared/config.ts reads them once, at load):
 *
 *   vi.hoisted(() => { for (const name of ['PROGRAM_TABLE', 'LEDGER_TABLE', 'IDEMPOTENCY_TABLE'])
 *     process.env[name] = `${process.env[name]}-suffix`; });
 *
 * and creates them with `createOwnTables('-suffix')` before its first test.
 */
export const createOwnTables = async (suffix: string) => {
  const ownNames = new Set(Object.values(process.env).filter((value) => value?.endsWith(suffix)));
  const definitions = inject('localStacks')
    .flatMap(tableDefinitions)
    .map((table) => ({
      ...table,
      create: { ...table.create, TableName: `${table.create.TableName}${suffix}` },
    }))
    .filter((table) => ownNames.has(table.create.TableName));
  const client = localDynamoClient(
    process.env.AWS_ENDPOINT_URL_DYNAMODB ?? '',
    process.env.AWS_REGION ?? 'cn-north-1',
  );
  try {
    await ensureTables(client, definitions);
  } finally {
    client.destroy();
  }
  // What the global setup stores in the shared tables: the calendar years a sweep counts days in.
  const { saveCalendarYear } = await import('../../shared/repositories/calendar-years');
  for (const year of standInYears()) {
    await saveCalendarYear(year, {
      loadedBy: 'test-setup',
      loadedAt: new Date().toISOString(),
      replace: true,
    });
  }
  return definitions.map((table) => table.create.TableName);
};
