import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { handler } from '../../functions/api/grids/handler';
import { tableNames } from '../../shared/config';
import { documentClient } from '../../shared/db/client';
import { cadreKeys } from '../../shared/db/keys';
import { invoke } from '../../tools/lambda-events';
import {
  createCadre,
  createDepartment,
  createGrid,
  createTown,
  operator,
  unique,
} from './master-data-fixtures';

describe('grids and teams against DynamoDB Local', () => {
  it('writes a team and a membership item per member, and lists the team under its grid', async () => {
    const townUnitId = (await createTown()).id;
    const gridId = (await createGrid(townUnitId)).id;
    const unitId = (await createDepartment()).id;
    const members = [(await createCadre(unitId)).id, (await createCadre(townUnitId)).id];

    const { status, body: team } = await invoke(handler, {
      routeKey: 'POST /grids/{gridId}/teams',
      pathParameters: { gridId },
      body: { name: '第一走访小组', memberCadreIds: members },
      claims: operator,
    });

    expect(status).toBe(201);
    for (const cadreId of members) {
      const { Item } = await documentClient.send(
        new GetCommand({
          TableName: tableNames.program,
          Key: cadreKeys.teamMembership(cadreId, String(team?.id)),
        }),
      );
      expect(Item).toMatchObject({ cadreId, teamId: team?.id, gridId });
    }
    const teams = await invoke(handler, {
      routeKey: 'GET /grids/{gridId}/teams',
      pathParameters: { gridId },
      claims: operator,
    });
    expect(teams.body).toEqual({ items: [team], nextCursor: null });
  });

  it('refuses a second grid with the same code', async () => {
    const townUnitId = (await createTown()).id;
    const body = { code: unique('G'), name: '重复网格', townUnitId };
    const create = () => invoke(handler, { routeKey: 'POST /grids', body, claims: operator });

    expect((await create()).status).toBe(201);
    const second = await create();

    expect(second.status).toBe(409);
    expect(second.body?.code).toBe('GRID_CODE_TAKEN');
  });

  it("lists a town's grids", async () => {
    const townUnitId = (await createTown()).id;
    const grids = [(await createGrid(townUnitId)).id, (await createGrid(townUnitId)).id];

    const { body } = await invoke(handler, {
      routeKey: 'GET /grids',
      query: { townUnitId },
      claims: operator,
    });

    expect(body?.items?.map((item) => item.id)).toEqual(grids);
  });
});
