import { excellentBaseFromEnv } from './domain/excellent-quota';

/**
 * The annual appraisal's base "excellent" ratio of this deployment (`EXCELLENT_BASE_PERCENT`, default
 * 15), in basis points. Read and validated once at module load, so a bad value fails the cold start,
 * not a request.
 */
export const excellentBaseBasisPoints = excellentBaseFromEnv(process.env);
