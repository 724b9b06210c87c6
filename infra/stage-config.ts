import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { type PolicyEnvironment, policyEnvironment } from './policy-settings';
import { webOrigins } from './web-origins';

export interface StageConfig {
  stage: string;
  logRetention: RetentionDays;
  throttle: { rateLimit: number; burstLimit: number };
  /** The program's tunable rules for this stage, defaults filled in (infra/policy-settings.ts). */
  policy: PolicyEnvironment;
  /** The web clients' origins, allowed to use signed attachment URLs from a browser (infra/web-origins.ts). */
  webOrigins: string[];
}

const STAGE_NAME = /^[a-z][a-z0-9-]{1,15}$/;

/**
 * Checked once in the composition root: a bad stage name or policy setting fails synth with a clear
 * message. `policySettings` and `origins` (`webOrigins`) are the context values of those names (cdk.json
 * or `-c`), for every stage.
 */
export const stageConfig = (stage: unknown, policySettings?: unknown, origins?: unknown): StageConfig => {
  if (typeof stage !== 'string' || !STAGE_NAME.test(stage)) {
    throw new Error(`Invalid stage ${JSON.stringify(stage)}: use -c stage=<lowercase name, 2–16 chars>`);
  }
  const production = stage === 'prod';
  return {
    stage,
    logRetention: production ? RetentionDays.ONE_YEAR : RetentionDays.ONE_MONTH,
    throttle: production ? { rateLimit: 200, burstLimit: 400 } : { rateLimit: 50, burstLimit: 100 },
    policy: policyEnvironment(stage, policySettings),
    webOrigins: webOrigins(stage, origins),
  };
};
