import { describe, expect, it } from 'vitest';
import { handler } from '../../functions/api/cadres/handler';
import { claimsFor, invoke } from '../../tools/lambda-events';
import { createCadre, createDepartment, operator } from './master-data-fixtures';

describe('cadres against DynamoDB Local', () => {
  it("lists a unit's pool and moves a cadre out of it with If-Match", async () => {
    const unitId = (await createDepartment()).id;
    const first = await createCadre(unitId);
    const second = await createCadre(unitId);
    const pool = () =>
      invoke(handler, { routeKey: 'GET /cadres', query: { unitId, inPool: 'true' }, claims: operator });
    expect((await pool()).body?.items?.map((item) => item.id)).toEqual([first.id, second.id]);

    const moved = await invoke(handler, {
      routeKey: 'PATCH /cadres/{cadreId}',
      pathParameters: { cadreId: first.id },
      body: { inPool: false },
      headers: { 'if-match': '"1"' },
      claims: operator,
    });

    expect(moved.body).toMatchObject({ inPool: false, version: 2 });
    expect((await pool()).body?.items?.map((item) => item.id)).toEqual([second.id]);
  });

  it("shows a department its unit's cadres and a cadre only itself", async () => {
    const unitId = (await createDepartment()).id;
    const cadre = await createCadre(unitId);

    const asDepartment = await invoke(handler, {
      routeKey: 'GET /cadres',
      claims: claimsFor('department', { unitId }),
    });
    const asOtherCadre = await invoke(handler, {
      routeKey: 'GET /cadres/{cadreId}',
      pathParameters: { cadreId: cadre.id },
      claims: claimsFor('cadre', { cadreId: 'SOMEONE-ELSE' }),
    });

    expect(asDepartment.body?.items?.map((item) => item.id)).toEqual([cadre.id]);
    expect(asOtherCadre.status).toBe(404);
  });
});
