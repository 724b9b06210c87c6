import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { tableNames } from '../config';
import { documentClient } from '../db/client';
import { cadreKeys, type ItemKey, residencyKeys } from '../db/keys';
import { queryAll } from '../db/queries';
import type { CandidateStanding } from '../domain/matching/score-match';
import type { CadreRecord } from './records/cadres';

/** What matching needs of a pool cadre. */
export type PoolCadre = Pick<
  CadreRecord,
  'id' | 'name' | 'unitId' | 'experience' | 'serviceSkills' | 'conflictEnterpriseIds'
>;

const POOL_FIELDS = ['id', 'name', 'unitId', 'experience', 'serviceSkills', 'conflictEnterpriseIds'];

/**
 * Every pool cadre (GSI3 `CADRE#POOL`), page after page with only the fields matching reads:
 * a city's 200 fit in one page; a province's few thousand in a handful.
 */
export const readPool = (): Promise<PoolCadre[]> =>
  queryAll<PoolCadre>({ ...cadreKeys.byPool(true), fields: POOL_FIELDS });

/** BatchGetItem takes at most 100 keys per call. */
const BATCH_GET_LIMIT = 100;
const MAX_ATTEMPTS = 6;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads items by key in batches of 100, in parallel, retrying what DynamoDB leaves unprocessed. */
const batchGet = async (keyList: ItemKey[]): Promise<Record<string, unknown>[]> => {
  const chunks: ItemKey[][] = [];
  for (let i = 0; i < keyList.length; i += BATCH_GET_LIMIT)
    chunks.push(keyList.slice(i, i + BATCH_GET_LIMIT));
  const pages = await Promise.all(
    chunks.map(async (chunk) => {
      const found: Record<string, unknown>[] = [];
      let pending: ItemKey[] = chunk;
      for (let attempt = 0; pending.length > 0; attempt += 1) {
        if (attempt >= MAX_ATTEMPTS) throw new Error('BatchGetItem left keys unprocessed after retries');
        if (attempt > 0) await pause(Math.random() * 25 * 2 ** attempt);
        const { Responses, UnprocessedKeys } = await documentClient.send(
          new BatchGetCommand({ RequestItems: { [tableNames.program]: { Keys: pending } } }),
        );
        found.push(...(Responses?.[tableNames.program] ?? []));
        pending = (UnprocessedKeys?.[tableNames.program]?.Keys ?? []) as ItemKey[];
      }
      return found;
    }),
  );
  return pages.flat();
};

/**
 * Each cadre's active-residency claim and past fit scores, in ⌈2n/100⌉ parallel BatchGetItem calls
 * (no per-cadre round trips).
 */
export const readStandings = async (cadreIds: readonly string[]): Promise<Map<string, CandidateStanding>> => {
  const standings = new Map<string, CandidateStanding>(cadreIds.map((cadreId) => [cadreId, {}]));
  const items = await batchGet(
    cadreIds.flatMap((cadreId) => [residencyKeys.activeClaim(cadreId), cadreKeys.fitScores(cadreId)]),
  );
  for (const item of items) {
    const cadreId = String(item.cadreId);
    const standing = standings.get(cadreId);
    if (!standing) continue;
    if (item.entity === 'activeResidencyClaim') standing.activeResidencyId = String(item.ownerId);
    if (item.entity === 'cadreFitScores') {
      standing.fitScores = { sum: Number(item.fitScoreSum ?? 0), count: Number(item.evaluations ?? 0) };
    }
  }
  return standings;
};
