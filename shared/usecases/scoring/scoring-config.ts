import { scoringConfigFromEnv } from '../../domain/scoring/config';

/**
 * This deployment's scoring weights and prior strength, read and checked once at module load (the
 * stage sets them: infra/stage-config.ts).
 */
export const scoringConfig = scoringConfigFromEnv(process.env);
