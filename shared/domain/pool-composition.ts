/**
 * The composition of the cadre pool (服务企业干部库, DOMAIN.md item 1): "以退出现职领导干部、有潜力的
 * 中层干部和年轻干部为主". Counts by category (unrecorded where the cadre has none yet) and by the
 * experience kinds the pool offers (a cadre counts once per kind it has).
 */
export const POOL_CATEGORIES = ['retired_from_post', 'middle_level', 'young'] as const;
export type PoolCategory = (typeof POOL_CATEGORIES)[number];
const KINDS = ['studied', 'managed', 'worked'] as const;

export interface PoolMember {
  poolCategory?: PoolCategory;
  experience: readonly { kind: (typeof KINDS)[number] }[];
}

export interface PoolComposition {
  total: number;
  byCategory: Record<PoolCategory | 'unrecorded', number>;
  /** Each category's share of the pool, to four decimals (null for an empty pool). */
  shares: Record<PoolCategory | 'unrecorded', number | null>;
  withExperience: Record<(typeof KINDS)[number], number>;
}

export const composePool = (members: readonly PoolMember[]): PoolComposition => {
  const byCategory = { retired_from_post: 0, middle_level: 0, young: 0, unrecorded: 0 };
  const withExperience = { studied: 0, managed: 0, worked: 0 };
  for (const member of members) {
    byCategory[member.poolCategory ?? 'unrecorded'] += 1;
    for (const kind of KINDS)
      if (member.experience.some((entry) => entry.kind === kind)) withExperience[kind] += 1;
  }
  const total = members.length;
  const share = (n: number) => (total === 0 ? null : Math.round((n / total) * 10_000) / 10_000);
  return {
    total,
    byCategory,
    shares: {
      retired_from_post: share(byCategory.retired_from_post),
      middle_level: share(byCategory.middle_level),
      young: share(byCategory.young),
      unrecorded: share(byCategory.unrecorded),
    },
    withExperience,
  };
};
