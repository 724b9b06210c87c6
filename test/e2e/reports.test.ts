import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { programDateOf } from '../../shared/domain/calendar';
import { randomCreditCode } from '../support/credit-codes';
import { api, baseUrl, tokenFor } from '../support/e2e';

const suffix = randomUUID().slice(0, 8);
let operator: string;
let unitId: string;
let issueId: string;

const created = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
  const response = await api<{ id: string }>('POST', path, { token: operator, body, headers });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id;
};

const download = (query: string, headers: Record<string, string> = {}) =>
  fetch(`${baseUrl()}/ledger/export?${query}`, {
    headers: { authorization: `Bearer ${operator}`, ...headers },
  });

beforeAll(async () => {
  operator = await tokenFor('operator');
  const townUnitId = await created('/units', { code: `E2E-RT-${suffix}`, name: '许村镇', kind: 'town' });
  const gridId = await created('/grids', { code: `E2E-RG-${suffix}`, name: '许村一网格', townUnitId });
  const enterpriseId = await created('/enterprises', {
    creditCode: randomCreditCode(),
    name: '海宁家纺有限公司',
    industry: 'warp_knitting',
    townUnitId,
    gridId,
    aboveScale: true,
  });
  unitId = await created('/units', {
    code: `E2E-RD-${suffix}`,
    name: '市经信局',
    kind: 'department',
    category: 'class1',
  });
  issueId = await created(
    '/issues',
    { enterpriseId, category: 'land', title: '用地指标', description: '扩建缺少用地指标' },
    { 'Idempotency-Key': `e2e-report-${suffix}` },
  );
  const escalated = await api('POST', `/issues/${issueId}/escalate`, { token: operator, body: { unitId } });
  expect(escalated.status).toBe(200);
  const departmentToken = await tokenFor('department', { unitId });
  const resolved = await api('POST', `/issues/${issueId}/resolution`, {
    token: departmentToken,
    body: { resolution: '已落实用地指标 20 亩' },
  });
  expect(resolved.status).toBe(200);
});

describe('reports over HTTP', () => {
  const today = programDateOf(new Date());

  it("serves today's headline figures to a leader", async () => {
    const { status, body } = await api<{ issues: { raised: number; resolved: number } }>(
      'GET',
      `/stats?from=${today}&to=${today}`,
      { token: await tokenFor('leader') },
    );

    expect(status).toBe(200);
    expect(body.issues.raised).toBeGreaterThanOrEqual(1);
    expect(body.issues.resolved).toBeGreaterThanOrEqual(1);
  });

  it("downloads a unit's ledger as gzip-compressed CSV with a BOM through the local API Gateway", async () => {
    const response = await download(`from=${today}&to=${today}&unitId=${unitId}`, {
      'accept-encoding': 'gzip',
    });

    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    // fetch has undone the gzip: the bytes are the CSV itself.
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = bytes.toString('utf8').trimEnd().split('\r\n').slice(1);
    expect(rows.map((row) => row.split(',')[4])).toEqual(['上报交办', '办结']);
    expect(rows.every((row) => row.includes(issueId) && row.includes('市经信局'))).toBe(true);
  });

  it('downloads the same as an XLSX workbook that opens', async () => {
    const response = await download(`from=${today}&to=${today}&unitId=${unitId}&format=xlsx`);

    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets[0]?.rowCount).toBe(3);
    expect(workbook.worksheets[0]?.getRow(1).getCell(1).value).toBe('序号');
  });
});
