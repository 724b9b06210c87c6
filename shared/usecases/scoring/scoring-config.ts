import { scoringConfigFromEnv } from '../../domain/scoring/config';

/** This deployment's scoring weights and prior strength, read and checked once at module load. */
export const scoringConfig = scoringConfigFromEnv(process.env);
