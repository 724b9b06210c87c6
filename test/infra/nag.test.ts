import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Stack } from 'aws-cdk-lib';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/build-app';
import { validationReport } from './synthesized';

describe('cdk-nag', () => {
  it('reports no unacknowledged finding for the app', () => {
    const failures = validationReport().pluginReports.filter((report) => report.conclusion !== 'success');
    expect(failures).toEqual([]);
  });

  it('fails synth on a finding nobody acknowledged', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'qinqing-nag-'));
    try {
      const { app } = buildApp({ stage: 'nagcheck', bundling: false, outdir });
      new Queue(new Stack(app, 'Unreviewed'), 'QueueWithoutDlq');
      expect(() => app.synth()).toThrow(/AwsSolutions-SQS3/);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});
