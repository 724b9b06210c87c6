import { buildApp } from '../infra/build-app';
import { budgetRatioOf } from '../tools/lambda-bundles/budget';

/** A Lambda function of the CDK app, identified by the TypeScript entry its bundle is built from. */
export interface LambdaEntry {
  /** Short label: the entry without `functions/` and `/handler.ts`, e.g. `api/units`. */
  name: string;
  /** Repo-relative TypeScript entry, from the `local:entry` metadata `NodeFunction` adds. */
  entry: string;
  /** The bundle budget applies to API handlers; workflow and job functions are only reported. */
  /** What an API handler is held to (tools/lambda-bundles/budget.ts); null where no budget applies. */
  budgetRatio: number | null;
  /** The function's variables; values that only CloudFormation can resolve become placeholders. */
  environment: Record<string, string>;
}

interface TemplateResource {
  Type?: string;
  Metadata?: Record<string, unknown>;
  Properties?: { Environment?: { Variables?: Record<string, unknown> } };
}

const labelOf = (entry: string): string => entry.replace(/^functions\//, '').replace(/\/handler\.ts$/, '');

// Lower case with dashes, so that a placeholder passes a function's own check of a name (a bucket's).
const placeholderEnvironment = (variables: Record<string, unknown> = {}): Record<string, string> =>
  Object.fromEntries(
    Object.entries(variables).map(([key, value]) => [
      key,
      typeof value === 'string' ? value : `bench-${key.toLowerCase().replaceAll('_', '-')}`,
    ]),
  );

/**
 * Every function the app defines, read from the synthesized templates (synth without bundling, so
 * new functions are benchmarked without a list to maintain here). CDK's own provider functions carry
 * no `local:entry` and are left out. Must run with the repository root as working directory, since
 * CDK resolves the entries from there.
 */
export const lambdaEntries = (outdir: string): LambdaEntry[] => {
  const assembly = buildApp({ stage: 'bench', bundling: false, outdir }).app.synth();
  const byEntry = new Map<string, LambdaEntry>();
  for (const stack of assembly.stacksRecursively) {
    const resources = (stack.template as { Resources?: Record<string, TemplateResource> }).Resources ?? {};
    for (const resource of Object.values(resources)) {
      const entry = resource.Metadata?.['local:entry'];
      if (resource.Type !== 'AWS::Lambda::Function' || typeof entry !== 'string' || byEntry.has(entry))
        continue;
      byEntry.set(entry, {
        name: labelOf(entry),
        entry,
        budgetRatio: entry.startsWith('functions/api/') ? budgetRatioOf(entry) : null,
        environment: placeholderEnvironment(resource.Properties?.Environment?.Variables),
      });
    }
  }
  return [...byEntry.values()].sort((a, b) => a.name.localeCompare(b.name));
};
