import { gunzipSync } from 'node:zlib';

/**
 * One export of a period of 2025 (EXPORT_FROM–EXPORT_TO, the whole year by default) through the real
 * ledger handler, in this fresh process; prints one JSON line: wall time, peak memory (resident set
 * high-water mark and sampled heap), response size, and the DynamoDB calls it made (Query calls and
 * read units, from the meter on the program's client). Run by bench/ledger-export.ts with the tables'
 * environment.
 */
const format = process.env.EXPORT_FORMAT ?? 'csv';
const gzip = process.env.EXPORT_GZIP === 'true';
const from = process.env.EXPORT_FROM ?? '2025-01-01';
const to = process.env.EXPORT_TO ?? '2025-12-31';
const expectRows = Number(process.env.EXPECT_ROWS ?? 0);

let peakHeap = 0;
const sampler = setInterval(() => {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
}, 5);
const { dynamoClient } = await import('../shared/db/client');
const { meterDynamoDb } = await import('../tools/dynamo-usage/meter');
const { usageOf } = await import('../tools/dynamo-usage/usage');
const meter = meterDynamoDb(dynamoClient, () => undefined);
const { handler } = await import('../functions/api/ledger/handler');
const { apiEvent, lambdaContext } = await import('../tools/lambda-events');
const baselineRss = process.memoryUsage().rss;
const started = performance.now();
const cpuBefore = process.cpuUsage();
const result = await handler(
  apiEvent({
    routeKey: 'GET /ledger/export',
    query: { from, to, format },
    headers: gzip ? { 'accept-encoding': 'gzip' } : {},
    claims: { sub: 'bench-operator', 'cognito:groups': '[operator]' },
  }),
  // The handler's own deadline (middy) would cut a run slowed by this shared machine: report instead.
  { ...lambdaContext, getRemainingTimeInMillis: () => 600_000 },
);
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
// Taken before the checks below (parsing the XLSX back costs far more memory than writing it).
const peakRssKb = process.resourceUsage().maxRSS;
clearInterval(sampler);
peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);

const usage = usageOf(meter.calls());

const payloadBytes = Buffer.byteLength(JSON.stringify(result));
const body = Buffer.from(result.body ?? '', result.isBase64Encoded ? 'base64' : 'utf8');
let rows: number | string = '-';
if (result.statusCode === 200 && format === 'csv') {
  const text = (gzip ? gunzipSync(body) : body).toString('utf8');
  rows = text.trimEnd().split('\r\n').length - 1;
} else if (result.statusCode === 200) {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  rows = (workbook.worksheets[0]?.rowCount ?? 1) - 1;
}
if (result.statusCode === 200 && rows !== expectRows)
  throw new Error(`expected ${expectRows} rows, got ${rows}`);
console.log(
  JSON.stringify({
    status: result.statusCode,
    code: result.statusCode === 200 ? '' : JSON.parse(result.body ?? '{}').code,
    seconds: Number((ms / 1000).toFixed(2)),
    queryCalls: usage.operations.Query ?? 0,
    dynamoCalls: usage.calls,
    readUnits: usage.readUnits,
    // CPU time of this process (user + system): what a Lambda with one vCPU would spend, whatever else
    // shares this machine's cores (wall time above includes waiting for them and for DynamoDB Local).
    cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)),
    fileBytes: body.byteLength,
    lambdaPayloadBytes: payloadBytes,
    rows,
    peakRssMB: Math.round(peakRssKb / 1024),
    rssBeforeMB: Math.round(baselineRss / 1024 / 1024),
    peakHeapMB: Math.round(peakHeap / 1024 / 1024),
  }),
);
