import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../build-app';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '../auth/tokens';
import { localRegion } from '../local-environment';
import type { CfnTemplate, StackTemplate } from './types';

/** The stage local mode synthesizes: its names show up in table and stack names, never deployed. */
export const LOCAL_STAGE = 'local';

/**
 * Synthesizes the same CDK app `cdk deploy` uses, in-process and without bundling (local mode runs
 * the TypeScript entries), and returns each stack's template. The cloud assembly is thrown away.
 */
/** The identity provider local mode trusts: its own issuer unless pointed at a real one. */
export interface LocalIdentity {
  oidcIssuer: string;
  oidcAudience: string;
  /** The claims mapping, as `-c oidcClaims` takes it (JSON). */
  oidcClaims?: string;
}

export const LOCAL_IDENTITY: LocalIdentity = { oidcIssuer: LOCAL_ISSUER, oidcAudience: LOCAL_AUDIENCE };

/**
 * Synthesized for the local region (AWS China unless AWS_REGION says otherwise), so local mode runs
 * the China shape: the OIDC authorizer, not Cognito.
 */
export const synthStacks = (
  stage = LOCAL_STAGE,
  identity: LocalIdentity = LOCAL_IDENTITY,
  /** Further context values, as `-c` gives them to a deployment (e.g. `ledgerDayIndexUntil`). */
  context: Record<string, unknown> = {},
): StackTemplate[] => {
  const outdir = mkdtempSync(join(tmpdir(), 'qinqing-local-synth-'));
  try {
    const { app, stateful, api } = buildApp({
      stage,
      bundling: false,
      outdir,
      context: { region: localRegion(), ...identity, ...context },
    });
    const assembly = app.synth();
    return [stateful, api].map((stack) => ({
      stackName: stack.stackName,
      template: assembly.getStackArtifact(stack.artifactId).template as CfnTemplate,
    }));
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
};
