import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { bundleSettings } from '../../infra/constructs/bundling';

export interface BuiltBundle {
  /** Absolute path of the `.mjs` file, named as CDK names it. */
  file: string;
  bytes: number;
  metafile: Metafile;
}

/**
 * Builds one entry exactly as CDK's `NodejsFunction` does (`esbuild --bundle` from the repository
 * root with `NodeFunction`'s settings), so the numbers describe what Lambda will load.
 */
export const buildBundle = async (repoRoot: string, entry: string, outdir: string): Promise<BuiltBundle> => {
  const { banner, mainFields, external, ...settings } = bundleSettings;
  const file = join(outdir, 'index.mjs');
  const { metafile } = await build({
    ...settings,
    mainFields: [...mainFields],
    external: [...external],
    // The CDK construct passes the banner as `--banner:js`.
    banner: { js: banner },
    entryPoints: [entry],
    bundle: true,
    outfile: file,
    absWorkingDir: repoRoot,
    metafile: true,
    logLevel: 'warning',
  });
  return { file, bytes: (await stat(file)).size, metafile };
};
