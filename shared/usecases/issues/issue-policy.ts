import { issuePolicyFromEnv } from '../../domain/issues/policy';

/** The policy of this deployment, read once at module load (the stage sets it: infra/stage-config.ts). */
export const issuePolicy = issuePolicyFromEnv(process.env);
