/**
 * The "excellent" (优秀) quota of a unit's annual appraisal (DOMAIN.md item 10): seconded cadres get
 * 5 percentage points more than the base ratio. Ratios are whole basis points (1 % = 100) so the
 * arithmetic is exact integers, never floating point.
 *
 * quota = floor((base × nonSeconded + (base + 500) × seconded) / 10 000), within [0, cadres].
 *
 * The total is rounded down once, not each group: flooring each group can lower a unit's quota when
 * one of its cadres is seconded (base 15 %, 7 cadres: floor(1.05) = 1; one seconded: floor(0.90) +
 * floor(0.20) = 0), which would punish the secondment the bonus rewards.
 */
export const SECONDED_BONUS_BASIS_POINTS = 500;
export const MAX_BASE_BASIS_POINTS = 10_000 - SECONDED_BONUS_BASIS_POINTS;
export const DEFAULT_BASE_BASIS_POINTS = 1_500;

export interface QuotaInput {
  /** The unit's cadres. */
  cadres: number;
  /** Those of them who held a residency in the year (more than `cadres` is read as all of them). */
  secondedCadres: number;
  /** The base ratio in basis points, 0–9,500. */
  baseBasisPoints: number;
}

export interface ExcellentQuota {
  cadres: number;
  secondedCadres: number;
  baseRatio: number;
  secondedRatio: number;
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

export const excellentQuota = ({ cadres, secondedCadres, baseBasisPoints }: QuotaInput): ExcellentQuota => {
  const base = assertBaseBasisPoints(baseBasisPoints);
  const total = Math.max(0, Math.floor(cadres));
  const seconded = Math.min(total, Math.max(0, Math.floor(secondedCadres)));
  const others = total - seconded;
  const bonus = base + SECONDED_BONUS_BASIS_POINTS;
  const scaled = base * others + bonus * seconded;
  const quota = Math.min(total, Math.max(0, Math.floor(scaled / 10_000)));
  return {
    cadres: total,
    secondedCadres: seconded,
    baseRatio: base / 10_000,
    secondedRatio: bonus / 10_000,
    quota,
    explanation:
      `${percent(base)} × ${others} non-seconded + ${percent(bonus)} × ${seconded} seconded = ` +
      `${scaled / 10_000} → ${quota} (the total rounded down)`,
  };
};
