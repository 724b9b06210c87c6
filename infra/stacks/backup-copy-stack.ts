import { RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { BackupVault } from 'aws-cdk-lib/aws-backup';
import type { Construct } from 'constructs';

export interface BackupCopyStackProps extends StackProps {
  vaultName: string;
}

/**
 * The vault in the other region of the partition that the data stack's backup plan copies into
 * (Ningxia for Beijing and the reverse; a global region names its pair with `-c backupCopyRegion=`).
 */
export class BackupCopyStack extends Stack {
  constructor(scope: Construct, id: string, props: BackupCopyStackProps) {
    super(scope, id, props);
    new BackupVault(this, 'CopyVault', {
      backupVaultName: props.vaultName,
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
