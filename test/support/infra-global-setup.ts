import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildApp } from '../../infra/build-app';

declare module 'vitest' {
  export interface ProvidedContext {
    assemblyDir: string;
    stackNames: { data: string; api: string };
  }
}

/** Synthesizes the app once (with cdk-nag, without bundling) for every infra test file. */
export default function setup(project: TestProject) {
  const outdir = mkdtempSync(join(tmpdir(), 'qinqing-synth-'));
  const { app, stateful, api } = buildApp({ stage: 'test', bundling: false, outdir });
  app.synth();
  project.provide('assemblyDir', outdir);
  project.provide('stackNames', { data: stateful.stackName, api: api.stackName });
  return () => rmSync(outdir, { recursive: true, force: true });
}
