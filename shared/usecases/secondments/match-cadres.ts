import type { CadreMatchList } from '../../contract/residencies';
import { NotFound } from '../../domain/errors';
import { rankMatches } from '../../domain/matching/score-match';
import type { ServiceType } from '../../domain/service-catalogue';
import { readPool, readStandings } from '../../repositories/cadre-pool';
import { findEnterprise } from '../../repositories/enterprises';

/**
 * Ranks the pool for an enterprise and the services it asks for (docs/matching.md). Reads: the
 * enterprise and the pool (GSI3, paged) in parallel, then every pool cadre's active-residency claim
 * and fit scores in batches of 100 keys; scoring is the pure `rankMatches`.
 */
export const matchCadres = async (
  enterpriseId: string,
  services: readonly ServiceType[],
  limit: number,
): Promise<CadreMatchList> => {
  const [enterprise, pool] = await Promise.all([findEnterprise(enterpriseId), readPool()]);
  if (!enterprise) throw new NotFound('The enterprise');
  const standings = await readStandings(pool.map((cadre) => cadre.id));
  const ranking = rankMatches(
    { enterpriseId, industry: enterprise.industry, services },
    pool.map((cadre) => ({ candidate: cadre, standing: standings.get(cadre.id) })),
    limit,
  );
  const cadres = new Map(pool.map((cadre) => [cadre.id, cadre]));
  return {
    items: ranking.items.map(({ cadreId, score, reasons }) => ({
      cadreId,
      name: cadres.get(cadreId)?.name ?? '',
      unitId: cadres.get(cadreId)?.unitId ?? '',
      score,
      reasons,
    })),
    nextCursor: null,
    enterpriseId,
    industry: enterprise.industry,
    services: [...services],
    considered: ranking.considered,
    excluded: ranking.excluded,
  };
};
