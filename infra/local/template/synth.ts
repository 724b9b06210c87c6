import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../build-app';
import type { CfnTemplate, StackTemplate } from './types';

/** The stage local mode synthesizes: its names show up in table and stack names, never deployed. */
export const LOCAL_STAGE = 'local';

/**
 * Synthesizes the same CDK app `cdk deploy` uses, in-process and without bundling (local mode runs
 * the TypeScript entries), and returns each stack's template. The cloud assembly is thrown away.
 */
export const synthStacks = (stage = LOCAL_STAGE): StackTemplate[] => {
  const outdir = mkdtempSync(join(tmpdir(), 'qinqing-local-synth-'));
  try {
    const { app, stateful, api } = buildApp({ stage, bundling: false, outdir });
    const assembly = app.synth();
    return [stateful, api].map((stack) => ({
      stackName: stack.stackName,
      template: assembly.getStackArtifact(stack.artifactId).template as CfnTemplate,
    }));
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
};
