import { QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../../../functions/api/cadres/handler';
import { claimsFor, invoke } from '../../../../tools/lambda-events';
import { mockProgramTable } from '../../../support/dynamo-mock';
import { cadre, department, stored, town } from './fixtures';

const { ddb, serve } = mockProgramTable();
const operator = claimsFor('operator');

const newCadre = {
  name: '李娜',
  unitId: department.id,
  rank: '四级调研员',
  inPool: true,
  experience: [
    { field: 'dyeing', kind: 'managed', years: 3 },
    { field: 'dyeing', kind: 'studied', years: 4 },
  ],
  serviceSkills: ['shareholding_reform_listing', 'approval_agency'],
};
const create = (body: unknown) => invoke(handler, { routeKey: 'POST /cadres', body, claims: operator });

beforeEach(() => serve(stored));

describe('POST /cadres', () => {
  it('registers a cadre of a town as well as of a department, indexed by unit and pool', async () => {
    const { status, body } = await create({ ...newCadre, unitId: town.id });

    expect(status).toBe(201);
    expect(body).toMatchObject({ ...newCadre, unitId: town.id, version: 1 });
    const put = ddb.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems?.[0]?.Put?.Item;
    expect(put).toMatchObject({ gsi1pk: 'CADRE', gsi2pk: `CADRE#UNIT#${town.id}`, gsi3pk: 'CADRE#POOL' });
  });

  it('refuses an unknown unit', async () => {
    const { status, body } = await create({ ...newCadre, unitId: 'NOPE' });

    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'UNKNOWN_REFERENCE', errors: [{ path: 'body.unitId' }] });
    expect(ddb).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it('takes fields from the industry list and skills from the service catalogue only', async () => {
    const { status, body } = await create({
      ...newCadre,
      experience: [{ field: 'astrology', kind: 'worked', years: 2 }],
      serviceSkills: ['fortune_telling'],
    });

    expect(status).toBe(400);
    expect(body?.errors?.map((error) => error.path)).toEqual([
      'body.experience.0.field',
      'body.serviceSkills.0',
    ]);
    expect(ddb).not.toHaveReceivedAnyCommand();
  });

  it('refuses the same field and kind twice', async () => {
    const { status, body } = await create({
      ...newCadre,
      experience: [
        { field: 'dyeing', kind: 'worked', years: 1 },
        { field: 'dyeing', kind: 'worked', years: 2 },
      ],
    });

    expect(status).toBe(400);
    expect(body?.errors).toEqual([
      { path: 'body.experience', message: 'Experience (field and kind) must not repeat' },
    ]);
  });

  it('refuses an unknown kind of experience and negative years', async () => {
    const { status, body } = await create({
      ...newCadre,
      experience: [{ field: 'leather', kind: 'heard_of', years: -1 }],
    });

    expect(status).toBe(400);
    expect(body?.errors?.map((error) => error.path).sort()).toEqual([
      'body.experience.0.kind',
      'body.experience.0.years',
    ]);
  });
});

describe('reading cadres', () => {
  const get = (cadreId: string, claims: Record<string, string | string[]>) =>
    invoke(handler, { routeKey: 'GET /cadres/{cadreId}', pathParameters: { cadreId }, claims });
  const list = (query: Record<string, string>, claims: Record<string, string | string[]>) =>
    invoke(handler, { routeKey: 'GET /cadres', query, claims });

  it('lets a cadre read its own record and answers 404 for anyone else', async () => {
    expect((await get(cadre.id, claimsFor('cadre', { cadreId: cadre.id }))).body).toEqual(cadre);
    expect((await get(cadre.id, claimsFor('cadre', { cadreId: 'CADRE2' }))).status).toBe(404);
  });

  it("lets a department read its own unit's cadres only", async () => {
    expect((await get(cadre.id, claimsFor('department', { unitId: department.id }))).status).toBe(200);
    expect((await get(cadre.id, claimsFor('department', { unitId: town.id }))).status).toBe(404);
  });

  it('keeps enterprise accounts out', async () => {
    expect((await get(cadre.id, claimsFor('enterprise', { enterpriseId: 'ENT1' }))).status).toBe(403);
  });

  it('lists the pool from the pool index', async () => {
    const { status } = await list({ inPool: 'true' }, claimsFor('leader'));

    expect(status).toBe(200);
    expect(ddb).toHaveReceivedCommandWith(QueryCommand, {
      IndexName: 'GSI3',
      ExpressionAttributeValues: { ':pk': 'CADRE#POOL' },
    });
  });

  it("narrows a department's list to its unit, and finds nothing in another unit", async () => {
    const officer = claimsFor('department', { unitId: department.id });

    await list({ inPool: 'false' }, officer);
    expect(ddb).toHaveReceivedCommandWith(QueryCommand, {
      IndexName: 'GSI2',
      ExpressionAttributeValues: { ':pk': `CADRE#UNIT#${department.id}`, ':filter0': false },
    });
    ddb.resetHistory();

    expect((await list({ unitId: town.id }, officer)).body).toEqual({ items: [], nextCursor: null });
    expect(ddb).not.toHaveReceivedCommand(QueryCommand);
  });

  it('lists only itself to a cadre', async () => {
    const self = claimsFor('cadre', { cadreId: cadre.id });

    expect((await list({}, self)).body).toEqual({ items: [cadre], nextCursor: null });
    expect((await list({ inPool: 'false' }, self)).body).toEqual({ items: [], nextCursor: null });
  });

  it('refuses an inPool that is not true or false', async () => {
    expect((await list({ inPool: 'yes' }, operator)).status).toBe(400);
  });
});

describe('PATCH /cadres/{cadreId}', () => {
  const patch = (body: unknown, ifMatch: string) =>
    invoke(handler, {
      routeKey: 'PATCH /cadres/{cadreId}',
      pathParameters: { cadreId: cadre.id },
      body,
      headers: { 'if-match': ifMatch },
      claims: operator,
    });

  it('takes a cadre out of the pool, moving it between pool lists', async () => {
    ddb.on(UpdateCommand).resolves({ Attributes: { ...cadre, inPool: false, version: 2 } });

    const { status, body, headers } = await patch({ inPool: false }, '1');

    expect(status).toBe(200);
    expect(body).toMatchObject({ inPool: false, version: 2 });
    expect(headers.etag).toBe('"2"');
    const values = ddb.commandCalls(UpdateCommand)[0]?.args[0].input.ExpressionAttributeValues ?? {};
    expect(Object.values(values)).toContain('CADRE#NOT_POOL');
  });

  it('answers 412 on a stale version', async () => {
    const { status } = await patch({ inPool: false }, 'W/"3"');

    expect(status).toBe(412);
    expect(ddb).not.toHaveReceivedCommand(UpdateCommand);
  });

  it('refuses a move to an unknown unit', async () => {
    const { status, body } = await patch({ unitId: 'NOPE' }, '1');

    expect(status).toBe(400);
    expect(body?.code).toBe('UNKNOWN_REFERENCE');
    expect(ddb).not.toHaveReceivedCommand(UpdateCommand);
  });
});
