import { assertBaseBasisPoints, DEFAULT_BASE_BASIS_POINTS } from './domain/excellent-quota';

/**
 * The annual appraisal's base "excellent" ratio, `EXCELLENT_BASE_PERCENT` (default 15): a percentage
 * with at most two decimals, 0–95 (seconded cadres get 5 points more). Read and validated once at
 * module load, so a bad value fails the cold start, not a request.
 */
export const parseBasePercent = (raw: string | undefined): number => {
  if (raw === undefined || raw.trim() === '') return DEFAULT_BASE_BASIS_POINTS;
  if (!/^\d{1,2}(\.\d{1,2})?$/.test(raw.trim())) {
    throw new Error(`EXCELLENT_BASE_PERCENT must be a percentage like 15 or 12.5, got "${raw}"`);
  }
  return assertBaseBasisPoints(Math.round(Number(raw) * 100));
};

export const excellentBaseBasisPoints = parseBasePercent(process.env.EXCELLENT_BASE_PERCENT);
