import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { acknowledgeApiStackFindings } from './nag';
import { ApiStack } from './stacks/api-stack';
import { StatefulStack } from './stacks/stateful-stack';
import { stageConfig } from './stage-config';

export interface BuildAppOptions {
  /** Defaults to the `stage` context value (cdk.json, or `-c stage=...`). */
  stage?: string;
  /** False skips esbuild (tests and local mode read the template only). */
  bundling: boolean;
  outdir?: string;
  /** Context values beside cdk.json's and `-c`'s (tests set `policySettings` this way). */
  context?: Record<string, unknown>;
}

/**
 * The composition root: one stateful and one stateless stack per stage, with cdk-nag's AwsSolutions
 * and Serverless packs on every synth (unacknowledged findings fail it).
 */
export const buildApp = (options: BuildAppOptions) => {
  const app = new App({
    outdir: options.outdir,
    context: {
      // Exports stay protected while another stack imports them: the data stack cannot be broken by accident.
      '@aws-cdk/core:defaultCrossStackReferences': 'strong',
      ...(options.bundling ? {} : { 'aws:cdk:bundling-stacks': [] }),
      ...options.context,
    },
  });
  const config = stageConfig(
    options.stage ?? app.node.tryGetContext('stage'),
    app.node.tryGetContext('policySettings'),
  );
  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION };
  const prefix = `Qinqing-${config.stage}`;

  const stateful = new StatefulStack(app, `${prefix}-Data`, {
    env,
    description: '亲清互挂 data (retained)',
    stage: config.stage,
  });
  const api = new ApiStack(app, `${prefix}-Api`, {
    env,
    description: '亲清互挂 API, identity and functions',
    programTable: stateful.programTable,
    ledgerTable: stateful.ledgerTable,
    idempotencyTable: stateful.idempotencyTable,
    logRetention: config.logRetention,
    throttle: config.throttle,
    policy: config.policy,
    stage: config.stage,
  });
  acknowledgeApiStackFindings(api);

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  return { app, stateful, api };
};
