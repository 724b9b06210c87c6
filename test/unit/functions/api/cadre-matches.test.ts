import { BatchGetCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../../../functions/api/secondments/handler';
import { cadreKeys, residencyKeys } from '../../../../shared/db/keys';
import { claimsFor, invoke } from '../../../../tools/lambda-events';
import { mockProgramTable } from '../../../support/dynamo-mock';
import { enterprise, stored } from './fixtures';

const { ddb, serve } = mockProgramTable();

/** A pool of 250 cadres over two query pages; every tenth holds a residency, cadre 7 has fit history. */
const pool = Array.from({ length: 250 }, (_, i) => ({
  id: `C${String(i).padStart(3, '0')}`,
  name: `干部${i}`,
  unitId: 'DEPT1',
  experience: i % 2 === 0 ? [{ field: 'warp_knitting', kind: 'worked', years: i % 20 }] : [],
  serviceSkills: ['project_application'],
}));

beforeEach(() => {
  serve(stored);
  ddb
    .on(QueryCommand)
    .resolvesOnce({ Items: pool.slice(0, 200), LastEvaluatedKey: { pk: 'CADRE#C199', sk: 'CADRE' } })
    .resolvesOnce({ Items: pool.slice(200) });
  ddb.on(BatchGetCommand).callsFake(({ RequestItems }) => {
    const keys =
      Object.values(RequestItems as Record<string, { Keys: { pk: string; sk: string }[] }>)[0]?.Keys ?? [];
    const items = keys.flatMap((key): Record<string, unknown>[] => {
      const cadreId = key.pk.split('#').at(-1) ?? '';
      const n = Number(cadreId.slice(1));
      if (key.sk === 'UNIQUE' && n % 10 === 0) {
        return [{ ...key, entity: 'activeResidencyClaim', cadreId, ownerId: `R${n}` }];
      }
      if (key.sk === 'FIT_SCORES' && n === 7) {
        return [{ ...key, entity: 'cadreFitScores', cadreId, fitScoreSum: 9, evaluations: 2 }];
      }
      return [];
    });
    return { Responses: { program: items } };
  });
});

describe('GET /enterprises/{enterpriseId}/cadre-matches', () => {
  it('reads the pool page by page and availability in batches, never one read per cadre', async () => {
    const { status, body } = await invoke(handler, {
      routeKey: 'GET /enterprises/{enterpriseId}/cadre-matches',
      pathParameters: { enterpriseId: enterprise.id },
      query: { service: 'project_application', limit: '5' },
      claims: claimsFor('operator'),
    });

    expect(status).toBe(200);
    expect(ddb).toHaveReceivedCommandTimes(QueryCommand, 2);
    expect(ddb).toHaveReceivedCommandTimes(BatchGetCommand, 5); // 500 keys, 100 a call
    expect(ddb).toHaveReceivedCommandTimes(GetCommand, 1); // the enterprise
    expect(ddb.commandCalls(QueryCommand)[0]?.args[0].input).toMatchObject({
      IndexName: 'GSI3',
      ExpressionAttributeValues: { ':pk': 'CADRE#POOL' },
    });
    expect(body).toMatchObject({ considered: 250, excluded: { resident: 25, conflictOfInterest: 0 } });
    expect(body?.items).toHaveLength(5);
    const ids = (body?.items ?? []).map((item) => String(item.cadreId));
    expect(ids.some((id) => Number(id.slice(1)) % 10 === 0)).toBe(false);
  });

  it('asks for each cadre its residency claim and fit scores', async () => {
    await invoke(handler, {
      routeKey: 'GET /enterprises/{enterpriseId}/cadre-matches',
      pathParameters: { enterpriseId: enterprise.id },
      claims: claimsFor('leader'),
    });

    const requested = ddb
      .commandCalls(BatchGetCommand)
      .flatMap((call) => Object.values(call.args[0].input.RequestItems ?? {}).flatMap((r) => r.Keys ?? []));
    expect(requested).toHaveLength(500);
    expect(requested).toContainEqual(residencyKeys.activeClaim('C007'));
    expect(requested).toContainEqual(cadreKeys.fitScores('C007'));
  });

  it('refuses a cadre or an enterprise account (403)', async () => {
    const { status } = await invoke(handler, {
      routeKey: 'GET /enterprises/{enterpriseId}/cadre-matches',
      pathParameters: { enterpriseId: enterprise.id },
      claims: claimsFor('enterprise', { enterpriseId: enterprise.id }),
    });

    expect(status).toBe(403);
    expect(ddb).not.toHaveReceivedAnyCommand();
  });
});
