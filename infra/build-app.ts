import { App, Validations } from 'aws-cdk-lib';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { alarmSubscribers } from './alarm-subscribers';
import { deploymentEnvironment } from './deployment-target';
import { identityProvider } from './identity-provider';
import { ledgerDayIndexUntil } from './ledger-day-index';
import { notifyLinkBase } from './notify-link-base';
import { ApiStack } from './stacks/api-stack';
import { BackupCopyStack } from './stacks/backup-copy-stack';
import { StatefulStack } from './stacks/stateful-stack';
import { stageConfig } from './stage-config';

export interface BuildAppOptions {
  /** Defaults to the `stage` context value (cdk.json, or `-c stage=...`). */
  stage?: string;
  /** False skips esbuild (tests and local mode read the template only). */
  bundling: boolean;
  outdir?: string;
  /** Context values beside cdk.json's and `-c`'s (tests set `policySettings`, `region`, `oidcIssuer` this way). */
  context?: Record<string, unknown>;
}

/** Beijing and Ningxia back each other up; a global region names its pair with `-c backupCopyRegion=`. */
const CHINA_BACKUP_PAIRS: Record<string, string> = {
  'cn-north-1': 'cn-northwest-1',
  'cn-northwest-1': 'cn-north-1',
};

/**
 * The composition root: one stateful and one stateless stack per stage (plus the backup copy vault in
 * the partition's other region), with cdk-nag's AwsSolutions and Serverless packs on every synth
 * (unacknowledged findings fail it). The target (global or AWS China) comes from the account and
 * region (`-c account=… -c region=…`, else the CLI's credentials and profile); docs/deploy.md.
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
  const context = (key: string): unknown => app.node.tryGetContext(key);
  const config = stageConfig(
    options.stage ?? context('stage'),
    context('policySettings'),
    context('webOrigins'),
  );
  const env = deploymentEnvironment(context);
  const china = env.region !== undefined && RegionInfo.get(env.region).partition === 'aws-cn';
  const identity = identityProvider(context, { china, ...(env.region ? { region: env.region } : {}) });
  const prefix = `Qinqing-${config.stage}`;

  const copyRegion =
    (context('backupCopyRegion') as string | undefined) ??
    (env.region ? CHINA_BACKUP_PAIRS[env.region] : undefined);
  const backupCopy = copyRegion
    ? { region: copyRegion, vaultName: `${prefix.toLowerCase()}-backup-copies` }
    : undefined;
  if (backupCopy) {
    new BackupCopyStack(app, `${prefix}-BackupCopy`, {
      env: { account: env.account, region: backupCopy.region },
      description: '亲清互挂 backup copies (the other region of the partition)',
      vaultName: backupCopy.vaultName,
    });
  }

  const stateful = new StatefulStack(app, `${prefix}-Data`, {
    env,
    description: '亲清互挂 data (retained)',
    stage: config.stage,
    webOrigins: config.webOrigins,
    identity,
    ...(backupCopy ? { backupCopy } : {}),
  });
  const api = new ApiStack(app, `${prefix}-Api`, {
    env,
    description: '亲清互挂 API, authorizer and functions',
    programTable: stateful.programTable,
    ledgerTable: stateful.ledgerTable,
    idempotencyTable: stateful.idempotencyTable,
    logRetention: config.logRetention,
    throttle: config.throttle,
    policy: config.policy,
    stage: config.stage,
    identity,
    ...(stateful.userDirectory ? { userDirectory: stateful.userDirectory } : {}),
    alarmSubscribers: alarmSubscribers(config.stage, app.node.tryGetContext('alarmSubscribers')),
    runbookUrl: app.node.tryGetContext('runbookUrl') ?? 'docs/runbook.md',
    notificationLinkBase: notifyLinkBase(config.stage, context('notifyLinkBase')),
    ledgerDayIndexUntil: ledgerDayIndexUntil(config.stage, context('ledgerDayIndexUntil')),
  });

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  return { app, stateful, api, identity };
};
