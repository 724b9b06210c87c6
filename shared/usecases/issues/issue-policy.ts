import { issuePolicyFromEnv } from '../../domain/issues/policy';

/** The policy of this deployment, read once at module load (CDK sets the overrides per stage). */
export const issuePolicy = issuePolicyFromEnv(process.env);
