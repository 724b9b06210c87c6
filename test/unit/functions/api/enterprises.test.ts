import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../../../functions/api/enterprises/handler';
import { enterpriseKeys, gridKeys } from '../../../../shared/db/keys';
import { claimsFor, invoke } from '../../../../tools/lambda-events';
import { mockProgramTable } from '../../../support/dynamo-mock';
import { enterprise, grid, otherGrid, stored, town } from './fixtures';

const { ddb, serve } = mockProgramTable();
const operator = claimsFor('operator');

const newEnterprise = {
  creditCode: '91350100M000100Y43',
  name: '海宁皮革样例有限公司',
  industry: 'leather',
  townUnitId: town.id,
  gridId: grid.id,
  aboveScale: false,
};
const create = (body: unknown, claims = operator) =>
  invoke(handler, { routeKey: 'POST /enterprises', body, claims });

beforeEach(() => serve(stored));

describe('POST /enterprises', () => {
  it('writes the enterprise, its index keys, its credit-code claim and its grid’s count in one transaction', async () => {
    const { status, body } = await create({ ...newEnterprise, creditCode: '91350100m000100y43' });

    expect(status).toBe(201);
    expect(body).toMatchObject({ ...newEnterprise, tags: [], version: 1 });
    expect(ddb).toHaveReceivedCommandTimes(TransactWriteCommand, 1);
    const items = ddb.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems ?? [];
    expect(items.map((item) => item.Put?.Item)).toEqual([
      expect.objectContaining({
        ...enterpriseKeys.item(String(body?.id)),
        gsi1pk: 'ENT',
        gsi2pk: `ENT#GRID#${grid.id}`,
        gsi3pk: `ENT#TOWN#${town.id}`,
        gsi4pk: 'ENT#INDUSTRY#leather',
      }),
      expect.objectContaining({ ...enterpriseKeys.creditCode('91350100M000100Y43'), ownerId: body?.id }),
      undefined,
    ]);
    expect(items[2]?.Update).toMatchObject({
      Key: gridKeys.enterpriseCount(grid.id),
      ExpressionAttributeValues: { ':by': 1 },
    });
  });

  it('refuses a wrong check character with CREDIT_CODE_CHECKSUM and touches nothing', async () => {
    const { status, body } = await create({ ...newEnterprise, creditCode: '91350100M000100Y44' });

    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'CREDIT_CODE_CHECKSUM', errors: [{ path: 'body.creditCode' }] });
    expect(ddb).not.toHaveReceivedAnyCommand();
  });

  it('refuses a malformed credit code as a validation failure', async () => {
    const { status, body } = await create({ ...newEnterprise, creditCode: '91350100M000100YO3' });

    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'body.creditCode' }] });
  });

  it('refuses unknown and server-owned fields', async () => {
    const { status, body } = await create({ ...newEnterprise, id: 'MINE', version: 7, founded: 1998 });

    expect(status).toBe(400);
    expect(body?.code).toBe('VALIDATION_FAILED');
    expect(body?.errors?.map((error) => error.path).sort()).toEqual([
      'body.founded',
      'body.id',
      'body.version',
    ]);
    expect(ddb).not.toHaveReceivedAnyCommand();
  });

  it('names every missing reference, and writes nothing', async () => {
    const { status, body } = await create({ ...newEnterprise, townUnitId: 'NOPE', gridId: 'NOPE' });

    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'UNKNOWN_REFERENCE' });
    expect(body?.errors?.map((error) => error.path)).toEqual(['body.townUnitId', 'body.gridId']);
    expect(ddb).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it('refuses a grid of another town, and writes nothing', async () => {
    const { status, body } = await create({ ...newEnterprise, gridId: otherGrid.id });

    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'body.gridId' }] });
    expect(ddb).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it('answers 409 CREDIT_CODE_TAKEN when the claim already exists', async () => {
    ddb.on(TransactWriteCommand).rejects(
      new TransactionCanceledException({
        message: 'Transaction cancelled',
        $metadata: {},
        CancellationReasons: [{ Code: 'None' }, { Code: 'ConditionalCheckFailed' }],
      }),
    );

    const { status, body } = await create(newEnterprise);

    expect(status).toBe(409);
    expect(body?.code).toBe('CREDIT_CODE_TAKEN');
  });

  it('is forbidden to readers', async () => {
    const { status, body } = await create(newEnterprise, claimsFor('leader'));

    expect(status).toBe(403);
    expect(body?.code).toBe('FORBIDDEN');
  });

  it('needs a token', async () => {
    const { status } = await invoke(handler, { routeKey: 'POST /enterprises', body: newEnterprise });

    expect(status).toBe(401);
  });
});

describe('GET /enterprises/{enterpriseId}', () => {
  const get = (enterpriseId: string, claims: Record<string, string | string[]>) =>
    invoke(handler, {
      routeKey: 'GET /enterprises/{enterpriseId}',
      pathParameters: { enterpriseId },
      claims,
    });

  it('gives an enterprise account its own record with its version as ETag', async () => {
    const { status, body, headers } = await get(
      enterprise.id,
      claimsFor('enterprise', { enterpriseId: enterprise.id }),
    );

    expect(status).toBe(200);
    expect(body).toEqual(enterprise);
    expect(headers.etag).toBe('"1"');
  });

  it("answers 404 for another enterprise's record, without reading it", async () => {
    const { status, body } = await get(enterprise.id, claimsFor('enterprise', { enterpriseId: 'ENT-OTHER' }));

    expect(status).toBe(404);
    expect(body?.code).toBe('NOT_FOUND');
    expect(ddb).not.toHaveReceivedCommand(GetCommand);
  });

  it('lets a cadre read any enterprise', async () => {
    const { status } = await get(enterprise.id, claimsFor('cadre', { cadreId: 'C9' }));

    expect(status).toBe(200);
  });
});

describe('GET /enterprises', () => {
  const list = (query: Record<string, string>, claims: Record<string, string | string[]>) =>
    invoke(handler, { routeKey: 'GET /enterprises', query, claims });

  it('lists only its own enterprise to an enterprise account, without querying any index', async () => {
    const own = claimsFor('enterprise', { enterpriseId: enterprise.id });

    expect((await list({}, own)).body).toEqual({ items: [enterprise], nextCursor: null });
    expect((await list({ industry: 'dyeing' }, own)).body).toEqual({ items: [], nextCursor: null });
    expect(ddb).not.toHaveReceivedCommand(QueryCommand);
  });

  it('queries the grid index and filters the rest', async () => {
    const { status } = await list({ gridId: grid.id, industry: 'leather', limit: '10' }, operator);

    expect(status).toBe(200);
    expect(ddb).toHaveReceivedCommandWith(QueryCommand, {
      IndexName: 'GSI2',
      ExpressionAttributeValues: { ':pk': `ENT#GRID#${grid.id}`, ':filter0': 'leather' },
      Limit: 10,
    });
  });

  it('refuses an industry outside the list and a limit over 100', async () => {
    const { status, body } = await list({ industry: 'mining', limit: '500' }, operator);

    expect(status).toBe(400);
    expect(body?.errors?.map((error) => error.path).sort()).toEqual(['query.industry', 'query.limit']);
  });
});

describe('PATCH /enterprises/{enterpriseId}', () => {
  const patch = (body: unknown, headers: Record<string, string> = { 'if-match': '"1"' }) =>
    invoke(handler, {
      routeKey: 'PATCH /enterprises/{enterpriseId}',
      pathParameters: { enterpriseId: enterprise.id },
      body,
      headers,
      claims: operator,
    });

  it('moves the enterprise to another town and grid, index keys and grid counts included, in one transaction', async () => {
    const { status } = await patch({ townUnitId: otherGrid.townUnitId, gridId: otherGrid.id });

    expect(status).toBe(200);
    const [update, ...counts] = ddb.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems ?? [];
    expect(update?.Update?.ExpressionAttributeValues).toMatchObject({ ':expected': 1 });
    expect(Object.values(update?.Update?.ExpressionAttributeValues ?? {})).toEqual(
      expect.arrayContaining([`ENT#GRID#${otherGrid.id}`, `ENT#TOWN#${otherGrid.townUnitId}`]),
    );
    expect(
      counts.map((count) => [count.Update?.Key, count.Update?.ExpressionAttributeValues?.[':by']]),
    ).toEqual([
      [gridKeys.enterpriseCount(grid.id), -1],
      [gridKeys.enterpriseCount(otherGrid.id), 1],
    ]);
  });

  it('keeps a change within the grid a single conditional update', async () => {
    ddb.on(UpdateCommand).resolves({ Attributes: { ...enterprise, version: 2 } });

    expect((await patch({ name: '新名称' })).status).toBe(200);
    expect(ddb).toHaveReceivedCommandTimes(UpdateCommand, 1);
    expect(ddb).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it('refuses a grid that is not in the stored town', async () => {
    const { status, body } = await patch({ gridId: otherGrid.id });

    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'body.gridId' }] });
    expect(ddb).not.toHaveReceivedCommand(UpdateCommand);
  });

  it('answers 412 on a stale version and changes nothing', async () => {
    const { status, body } = await patch({ name: '新名称' }, { 'if-match': '"0"' });

    expect(status).toBe(412);
    expect(body?.code).toBe('VERSION_MISMATCH');
    expect(ddb).not.toHaveReceivedCommand(UpdateCommand);
  });

  it('answers 428 without If-Match', async () => {
    expect((await patch({ name: '新名称' }, {})).status).toBe(428);
  });

  it('never changes the credit code', async () => {
    const { status, body } = await patch({ name: '新名称', creditCode: '91350100M000100Y43' });

    expect(status).toBe(400);
    expect(body?.errors).toEqual([{ path: 'body.creditCode', message: 'Unknown field' }]);
  });

  it('refuses an empty patch', async () => {
    expect((await patch({})).status).toBe(400);
  });
});
