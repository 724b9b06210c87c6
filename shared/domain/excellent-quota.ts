/**
 * The "excellent" (优秀) quotas of the annual appraisal (DOMAIN.md item 10; the seed: 年度考核优秀等次
 * 单列，优秀比例上浮5%). The excellent grade of seconded cadres is listed separately (单列): they
 * compete with each other, not with their unit's colleagues, for a quota of the base ratio plus 5
 * percentage points of the year's seconded cadres; each unit's ordinary quota is the base ratio of
 * its cadres who were not seconded. Neither list touches the other's quota.
 *
 *   ordinary quota of a unit = floor(base × non-seconded cadres of the unit)
 *   seconded list quota      = floor((base + 5 points) × seconded cadres of the year, program-wide)
 *
 * The separate list is program-wide: per unit it would hold one to three cadres, and 20 % of three
 * rounds down to nobody, so the bonus would reward no one. Ratios are whole basis points (1 % = 100)
 * so the arithmetic is exact integers, never floating point; each quota is rounded down once.
 */
export const SECONDED_BONUS_BASIS_POINTS = 500;
export const MAX_BASE_BASIS_POINTS = 10_000 - SECONDED_BONUS_BASIS_POINTS;
export const DEFAULT_BASE_BASIS_POINTS = 1_500;

export interface ListQuota {
  /** The cadres who compete in the list. */
  cadres: number;
  /** The list's ratio (0.15 for 15 %). */
  ratio: number;
  quota: number;
  explanation: string;
}

const percent = (basisPoints: number) => `${basisPoints / 100}%`;

export const assertBaseBasisPoints = (basisPoints: number): number => {
  if (!Number.isInteger(basisPoints) || basisPoints < 0 || basisPoints > MAX_BASE_BASIS_POINTS) {
    throw new RangeError(
      `The base ratio must be 0–${MAX_BASE_BASIS_POINTS} basis points, got ${basisPoints}`,
    );
  }
  return basisPoints;
};

const BASE_PERCENT_VARIABLE = 'EXCELLENT_BASE_PERCENT';

/** A percentage with at most two decimals, 0–95, in basis points; empty or absent: the default 15. */
export const parseBasePercent = (raw: string | undefined): number => {
  if (raw === undefined || raw.trim() === '') return DEFAULT_BASE_BASIS_POINTS;
  if (!/^\d{1,2}(\.\d{1,2})?$/.test(raw.trim())) {
    throw new Error(`${BASE_PERCENT_VARIABLE} must be a percentage like 15 or 12.5, got "${raw}"`);
  }
  return assertBaseBasisPoints(Math.round(Number(raw) * 100));
};

/** The base ratio a stage sets (`EXCELLENT_BASE_PERCENT`, infra/stage-config.ts), in basis points. */
export const excellentBaseFromEnv = (env: Readonly<Record<string, string | undefined>>): number =>
  parseBasePercent(env[BASE_PERCENT_VARIABLE]);

/** The variable, as excellentBaseFromEnv reads it back. */
export const excellentBaseToEnv = (basisPoints: number): Record<string, string> => ({
  [BASE_PERCENT_VARIABLE]: String(basisPoints / 100),
});

const listQuota = (cadres: number, ratioBasisPoints: number, who: string): ListQuota => {
  const competing = Math.max(0, Math.floor(cadres));
  const scaled = ratioBasisPoints * competing;
  const quota = Math.min(competing, Math.floor(scaled / 10_000));
  return {
    cadres: competing,
    ratio: ratioBasisPoints / 10_000,
    quota,
    explanation: `${percent(ratioBasisPoints)} × ${competing} ${who} = ${scaled / 10_000} → ${quota} (rounded down)`,
  };
};

/** A unit's ordinary list: the base ratio of its cadres who were not seconded in the year. */
export const ordinaryExcellentQuota = (nonSecondedCadres: number, baseBasisPoints: number): ListQuota =>
  listQuota(nonSecondedCadres, assertBaseBasisPoints(baseBasisPoints), 'non-seconded');

/** The separate list (单列) of the year's seconded cadres: the base ratio plus 5 points. */
export const secondedExcellentQuota = (secondedCadres: number, baseBasisPoints: number): ListQuota =>
  listQuota(
    secondedCadres,
    assertBaseBasisPoints(baseBasisPoints) + SECONDED_BONUS_BASIS_POINTS,
    'seconded (listed separately)',
  );
