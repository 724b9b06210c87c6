import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../../../functions/api/grids/handler';
import { cadreKeys, gridKeys } from '../../../../shared/db/keys';
import { claimsFor, invoke } from '../../../../tools/lambda-events';
import { mockProgramTable } from '../../../support/dynamo-mock';
import { cadre, department, grid, stored, town } from './fixtures';

const { ddb, serve } = mockProgramTable();
const operator = claimsFor('operator');

beforeEach(() => serve(stored));

describe('POST /grids', () => {
  const create = (body: unknown) => invoke(handler, { routeKey: 'POST /grids', body, claims: operator });

  it('draws a grid in a town, with its code claimed in the same transaction', async () => {
    const { status, body } = await create({ code: 'XC-02', name: '许村二网格', townUnitId: town.id });

    expect(status).toBe(201);
    expect(body).toMatchObject({ code: 'XC-02', townUnitId: town.id, version: 1 });
    const items = ddb.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems ?? [];
    expect(items.map((item) => item.Put?.Item)).toEqual([
      expect.objectContaining({ gsi1pk: 'GRID', gsi2pk: `GRID#TOWN#${town.id}`, gsi2sk: body?.id }),
      expect.objectContaining(gridKeys.code('XC-02')),
    ]);
  });

  it('refuses a department as the town', async () => {
    const { status, body } = await create({ code: 'XC-02', name: '许村二网格', townUnitId: department.id });

    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'UNKNOWN_REFERENCE', errors: [{ path: 'body.townUnitId' }] });
    expect(ddb).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it('answers 409 GRID_CODE_TAKEN for a code in use', async () => {
    ddb.on(TransactWriteCommand).rejects(
      new TransactionCanceledException({
        message: 'Transaction cancelled',
        $metadata: {},
        CancellationReasons: [{ Code: 'None' }, { Code: 'ConditionalCheckFailed' }],
      }),
    );

    const { status, body } = await create({ code: 'XC-01', name: '许村一网格', townUnitId: town.id });

    expect(status).toBe(409);
    expect(body?.code).toBe('GRID_CODE_TAKEN');
  });
});

describe('POST /grids/{gridId}/teams', () => {
  const createTeam = (gridId: string, body: unknown) =>
    invoke(handler, {
      routeKey: 'POST /grids/{gridId}/teams',
      pathParameters: { gridId },
      body,
      claims: operator,
    });

  it('writes the team and one membership item per member together', async () => {
    const { status, body } = await createTeam(grid.id, { name: '第一走访小组', memberCadreIds: [cadre.id] });

    expect(status).toBe(201);
    expect(body).toMatchObject({ gridId: grid.id, memberCadreIds: [cadre.id], version: 1 });
    const items = ddb.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems ?? [];
    expect(items.map((item) => item.Put?.Item)).toEqual([
      expect.objectContaining(gridKeys.team(grid.id, String(body?.id))),
      expect.objectContaining({
        ...cadreKeys.teamMembership(cadre.id, String(body?.id)),
        gridId: grid.id,
        teamId: body?.id,
      }),
    ]);
  });

  it('answers 404 for an unknown grid', async () => {
    const { status } = await createTeam('NOPE', { name: '小组', memberCadreIds: [cadre.id] });

    expect(status).toBe(404);
    expect(ddb).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it('names each unknown cadre by its position, and writes nothing', async () => {
    const { status, body } = await createTeam(grid.id, { name: '小组', memberCadreIds: [cadre.id, 'GHOST'] });

    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'UNKNOWN_REFERENCE' });
    expect(body?.errors).toEqual([{ path: 'body.memberCadreIds.1', message: 'No cadre with this id' }]);
    expect(ddb).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it('refuses a member listed twice, and an empty team', async () => {
    const twice = await createTeam(grid.id, { name: '小组', memberCadreIds: [cadre.id, cadre.id] });
    const empty = await createTeam(grid.id, { name: '小组', memberCadreIds: [] });

    expect([twice.status, empty.status]).toEqual([400, 400]);
    expect(twice.body?.errors).toEqual([{ path: 'body.memberCadreIds', message: 'Members must not repeat' }]);
    expect(ddb).not.toHaveReceivedAnyCommand();
  });
});

describe('reading grids', () => {
  it('lists the grids of a town from the town index', async () => {
    const { status } = await invoke(handler, {
      routeKey: 'GET /grids',
      query: { townUnitId: town.id },
      claims: claimsFor('cadre'),
    });

    expect(status).toBe(200);
    expect(ddb).toHaveReceivedCommandWith(QueryCommand, {
      IndexName: 'GSI2',
      ExpressionAttributeValues: { ':pk': `GRID#TOWN#${town.id}` },
    });
  });

  it('lists the teams of a grid from its partition, and 404 for an unknown grid', async () => {
    const teams = (gridId: string) =>
      invoke(handler, {
        routeKey: 'GET /grids/{gridId}/teams',
        pathParameters: { gridId },
        claims: operator,
      });

    expect((await teams(grid.id)).body).toEqual({ items: [], nextCursor: null });
    expect(ddb).toHaveReceivedCommandWith(QueryCommand, {
      ExpressionAttributeValues: { ':pk': gridKeys.item(grid.id).pk, ':sk': 'TEAM#' },
    });
    expect((await teams('NOPE')).status).toBe(404);
  });

  it('is forbidden to enterprise accounts', async () => {
    const { status } = await invoke(handler, {
      routeKey: 'GET /grids/{gridId}',
      pathParameters: { gridId: grid.id },
      claims: claimsFor('enterprise', { enterpriseId: 'ENT1' }),
    });

    expect(status).toBe(403);
  });
});
