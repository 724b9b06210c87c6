import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startLocalMode } from '../infra/local/local-mode';
import { freePort } from '../infra/local/ports';
import { asOperator, seedClient } from '../infra/local/seed/seed-client';
import { quietLocalLogs } from './cost/local-system';
import { table } from './cost/report';

/**
 * `npm run bench:load [-- --connections 10 --seconds 10]`: the busiest routes in local mode under a
 * fixed number of concurrent connections (autocannon), beside a baseline that answers each request
 * with one GetItem through the same DynamoDB client and DynamoDB Local, measured in the same run so
 * that the ratio holds on a noisy machine. The baseline skips what local mode adds to every request
 * (JWT verification, the API Gateway event, the handler's pipeline): the ratio is what one request of
 * the route costs over the least a DynamoDB-backed answer can.
 */
const { values } = parseArgs({
  options: { connections: { type: 'string', default: '10' }, seconds: { type: 'string', default: '10' } },
});
const connections = Number(values.connections);
const duration = Number(values.seconds);
if (!(connections >= 1 && duration >= 1))
  throw new Error('--connections and --seconds take positive numbers');

process.env.LOG_LEVEL = 'SILENT';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
quietLocalLogs();
const dataDir = await mkdtemp(join(tmpdir(), 'load-bench-'));
const running = await startLocalMode({ port: await freePort(), dataDir, fresh: true });
try {
  const { seedDemo } = await import('../infra/local/seed/seed');
  const client = seedClient(running.url);
  await seedDemo(client, {
    grids: 2,
    teams: 4,
    cadres: 40,
    poolCadres: 10,
    enterprises: 20,
    issuesPerPath: 1,
  });
  const [issue] = (
    await client.get<{ items: { id: string; enterpriseId: string }[] }>('/issues?limit=1', asOperator)
  ).items;
  if (!issue) throw new Error('The seed left no issue');
  const token = (
    (await (
      await fetch(`${running.url}/_local/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ role: 'operator', sub: 'load-operator' }),
      })
    ).json()) as { token: string }
  ).token;
  const authorization = `Bearer ${token}`;

  const { documentClient } = await import('../shared/db/client');
  const { GetCommand } = await import('@aws-sdk/lib-dynamodb');
  const { tableNames } = await import('../shared/config');
  const { issueKeys } = await import('../shared/db/keys');
  const baseline = createServer(async (_request, response) => {
    const { Item } = await documentClient.send(
      new GetCommand({ TableName: tableNames.program, Key: issueKeys.item(issue.id) }),
    );
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(Item ?? {}));
  });
  const baselinePort = await freePort();
  await new Promise<void>((resolve) => baseline.listen(baselinePort, '127.0.0.1', resolve));

  const runs: { name: string; options: autocannon.Options }[] = [
    { name: 'baseline: one GetItem', options: { url: `http://127.0.0.1:${baselinePort}/` } },
    {
      name: 'GET /issues/{issueId}',
      options: { url: `${running.url}/issues/${issue.id}`, headers: { authorization } },
    },
    {
      name: 'GET /issues?status=assigned',
      options: { url: `${running.url}/issues?status=assigned&limit=20`, headers: { authorization } },
    },
    {
      name: 'POST /issues (Idempotency-Key)',
      options: {
        url: `${running.url}/issues`,
        requests: [
          {
            method: 'POST',
            setupRequest: (request) => ({
              ...request,
              headers: { authorization, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
              body: JSON.stringify({
                enterpriseId: issue.enterpriseId,
                category: '要素保障',
                title: '压测：用地指标',
                description: '压测数据',
                source: 'hotline',
              }),
            }),
          },
        ],
      },
    },
  ];
  const rows: string[][] = [];
  let baselineRate = 0;
  for (const { name, options } of runs) {
    const result = await autocannon({ ...options, connections, duration });
    if (rows.length === 0) baselineRate = result.requests.average;
    rows.push([
      name,
      String(Math.round(result.requests.average)),
      String(result.latency.p50),
      String(result.latency.p99),
      (baselineRate / Math.max(result.requests.average, 1)).toFixed(1),
      String(result.non2xx + result.errors),
    ]);
  }
  console.log(`\n${connections} connections, ${duration} s per route:\n`);
  console.log(table(['route', 'req/s', 'p50 ms', 'p99 ms', 'baseline / route', 'non-2xx + errors'], rows));
  baseline.closeAllConnections();
  baseline.close();
} finally {
  await running.stop();
  await rm(dataDir, { recursive: true, force: true });
}
// Sockets autocannon left open to the local server keep the event loop alive once the tables are out.
process.exit();
