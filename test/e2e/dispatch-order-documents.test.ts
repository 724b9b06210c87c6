import { randomUUID } from 'node:crypto';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomCreditCode } from '../support/credit-codes';
import { api, baseUrl, observe, type Problem, tokenFor } from '../support/e2e';

type DispatchOrder = {
  id: string;
  number: string;
  kind: string;
  createdAt: string;
  items: { issueId: string }[];
};

const suffix = randomUUID().slice(0, 8);
/** 垚 is outside GB 2312 but in the font's name supplement; 𠮷 is in neither, so the PDF shows 〓. */
const ENTERPRISE_NAME = '海宁鑫垚<b>经编</b>有限公司𠮷';
const HOSTILE_TITLE = '厂房<script>alert("交办")</script>用地';
let operator: string;
let enterpriseId: string;
let enterpriseToken: string;
let lead: { id: string; token: string };
let other: { id: string; token: string };

const created = async (path: string, body: unknown) => {
  const response = await api<{ id: string }>('POST', path, { token: operator, body });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id;
};

const department = async (key: string, name: string) => {
  const id = await created('/units', {
    code: `E2E-P${key}-${suffix}`,
    name,
    kind: 'department',
    category: 'class1',
  });
  return { id, token: await tokenFor('department', { unitId: id }) };
};

/** A raw fetch (the PDF is binary), recorded for the contract check like every e2e response. */
const fetchOrder = async (path: string, token: string, accept: string) => {
  const response = await fetch(`${baseUrl()}${path}`, {
    headers: { authorization: `Bearer ${token}`, accept },
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  const contentType = response.headers.get('content-type') ?? '';
  const body = /json/.test(contentType) ? JSON.parse(bytes.toString('utf8')) : bytes.toString('latin1');
  observe('GET', new URL(response.url).pathname, response.status, contentType, body);
  return { response, bytes, body };
};

const pdfText = async (bytes: Buffer) => {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  const pages = await Promise.all(Array.from({ length: pdf.numPages }, (_, i) => pdf.getPage(i + 1)));
  const texts = await Promise.all(pages.map((page) => page.getTextContent()));
  const { info } = await pdf.getMetadata();
  return {
    text: texts.flatMap((content) => content.items.map((item) => ('str' in item ? item.str : ''))).join(''),
    title: (info as { Title?: string }).Title,
  };
};

beforeAll(async () => {
  operator = await tokenFor('operator');
  const townUnitId = await created('/units', { code: `E2E-PT-${suffix}`, name: '许村镇', kind: 'town' });
  const gridId = await created('/grids', { code: `E2E-PG-${suffix}`, name: '许村一网格', townUnitId });
  enterpriseId = await created('/enterprises', {
    creditCode: randomCreditCode(),
    name: ENTERPRISE_NAME,
    industry: 'warp_knitting',
    townUnitId,
    gridId,
    aboveScale: true,
  });
  enterpriseToken = await tokenFor('enterprise', { enterpriseId });
  lead = await department('lead', '自然资源和规划局');
  other = await department('other', '住房和城乡建设局');
});

describe('a dispatch order as JSON, HTML and PDF', () => {
  it('prints an office dispatch’s order, numbered after the previous one, in all three forms', async () => {
    const raised = await api<{ id: string }>('POST', '/issues', {
      token: enterpriseToken,
      headers: { 'Idempotency-Key': `e2e-print-${randomUUID()}` },
      body: { enterpriseId, category: 'land', title: HOSTILE_TITLE, description: '扩产需要新增用地' },
    });
    expect(raised.status, JSON.stringify(raised.body)).toBe(201);
    const escalated = await api<{ assignment: { dispatchOrderId: string; dueDate: string } }>(
      'POST',
      `/issues/${raised.body.id}/escalate`,
      { token: operator, body: { unitId: lead.id, dueWorkingDays: 10 } },
    );
    expect(escalated.status, JSON.stringify(escalated.body)).toBe(200);
    const orderId = escalated.body.assignment.dispatchOrderId;
    const path = `/dispatch-orders/${orderId}`;

    const json = await fetchOrder(path, operator, 'application/json');
    expect(json.response.status).toBe(200);
    const order = json.body as DispatchOrder;
    expect(order.kind).toBe('office');
    // Numbered after the previous one: the year's order before it exists and is older.
    const [year, seq] = order.number.split('-').map(Number) as [number, number];
    const list = await api<{ items: DispatchOrder[] }>('GET', '/dispatch-orders?limit=100', {
      token: operator,
    });
    const previous = list.body.items.find(
      (item) => item.number === `${year}-${String(seq - 1).padStart(4, '0')}`,
    );
    if (seq > 1) expect(previous && previous.createdAt <= order.createdAt).toBe(true);

    const page = await fetchOrder(path, operator, 'text/html');
    expect(page.response.status).toBe(200);
    expect(page.response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.response.headers.get('vary')).toBe('Accept');
    const markup = page.bytes.toString('utf8');
    expect(markup).toContain(order.number);
    expect(markup).toContain('@media print');
    expect(markup).toContain('厂房&lt;script&gt;alert(&quot;交办&quot;)&lt;/script&gt;用地');
    expect(markup).toContain('海宁鑫垚&lt;b&gt;经编&lt;/b&gt;有限公司𠮷');
    expect(markup).not.toContain('<script>');
    expect(markup).toContain('自然资源和规划局');
    expect(markup).toMatch(/（\d+个工作日）/);

    // Accept: application/pdf → 303 to the PDF function's route; fetch follows it with the token.
    const pdf = await fetchOrder(path, operator, 'application/pdf');
    expect(pdf.response.redirected).toBe(true);
    expect(new URL(pdf.response.url).pathname).toBe(`${path}/pdf`);
    expect(pdf.response.status).toBe(200);
    expect(pdf.response.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text, title } = await pdfText(pdf.bytes);
    expect(title).toBe(`交办单 ${order.number}`);
    expect(text).toContain(order.number);
    expect(text).toContain(HOSTILE_TITLE);
    expect(text).toContain('海宁鑫垚<b>经编</b>有限公司〓');
    expect(text).toContain('〓 为本 PDF 字体缺少的字');
  });

  it('refuses what it cannot serve and what the caller may not read', async () => {
    const raised = await api<{ id: string }>('POST', '/issues', {
      token: enterpriseToken,
      headers: { 'Idempotency-Key': `e2e-print-${randomUUID()}` },
      body: { enterpriseId, category: 'land', title: '排污指标', description: '扩产需要排污指标' },
    });
    const escalated = await api<{ assignment: { dispatchOrderId: string } }>(
      'POST',
      `/issues/${raised.body.id}/escalate`,
      { token: operator, body: { unitId: lead.id } },
    );
    const path = `/dispatch-orders/${escalated.body.assignment.dispatchOrderId}`;

    const image = await fetchOrder(path, operator, 'image/png');
    expect(image.response.status).toBe(406);
    expect((image.body as Problem).code).toBe('NOT_ACCEPTABLE');
    const pdfAsJson = await fetchOrder(`${path}/pdf`, operator, 'application/json');
    expect(pdfAsJson.response.status).toBe(406);
    // A department not named in the order gets the 404 of a missing one, in every form.
    for (const [suffixPath, accept] of [
      ['', 'text/html'],
      ['/pdf', 'application/pdf'],
    ] as const) {
      const refused = await fetchOrder(`${path}${suffixPath}`, other.token, accept);
      expect(refused.response.status).toBe(404);
      expect((refused.body as Problem).code).toBe('NOT_FOUND');
    }
    const asLead = await fetchOrder(`${path}/pdf`, lead.token, '*/*');
    expect(asLead.response.status).toBe(200);
    const missing = await fetchOrder(
      '/dispatch-orders/01JAAAAAAAAAAAAAAAAAAAAAAA/pdf',
      operator,
      'application/pdf',
    );
    expect(missing.response.status).toBe(404);
  });
});
