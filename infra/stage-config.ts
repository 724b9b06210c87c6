import { RetentionDays } from 'aws-cdk-lib/aws-logs';

export interface StageConfig {
  stage: string;
  logRetention: RetentionDays;
  throttle: { rateLimit: number; burstLimit: number };
}

const STAGE_NAME = /^[a-z][a-z0-9-]{1,15}$/;

/** Checked once in the composition root: a bad stage name fails synth with a clear message. */
export const stageConfig = (stage: unknown): StageConfig => {
  if (typeof stage !== 'string' || !STAGE_NAME.test(stage)) {
    throw new Error(`Invalid stage ${JSON.stringify(stage)}: use -c stage=<lowercase name, 2–16 chars>`);
  }
  const production = stage === 'prod';
  return {
    stage,
    logRetention: production ? RetentionDays.ONE_YEAR : RetentionDays.ONE_MONTH,
    throttle: production ? { rateLimit: 200, burstLimit: 400 } : { rateLimit: 50, burstLimit: 100 },
  };
};
