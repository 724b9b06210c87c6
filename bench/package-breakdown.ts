import type { Metafile } from 'esbuild';

export interface PackageShare {
  /** An npm package name, or `(project) <top folder>` for the repository's own code. */
  source: string;
  bytes: number;
}

const sourceOf = (inputPath: string): string => {
  const parts = inputPath.split('/');
  const last = parts.lastIndexOf('node_modules');
  if (last === -1) return `(project) ${parts[0] ?? inputPath}`;
  const name = parts[last + 1] ?? inputPath;
  return name.startsWith('@') ? `${name}/${parts[last + 2]}` : name;
};

/** Where a bundle's bytes come from, largest first. */
export const packageBreakdown = (metafile: Metafile): PackageShare[] => {
  const totals = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [inputPath, { bytesInOutput }] of Object.entries(output.inputs)) {
      const source = sourceOf(inputPath);
      totals.set(source, (totals.get(source) ?? 0) + bytesInOutput);
    }
  }
  return [...totals.entries()]
    .map(([source, bytes]) => ({ source, bytes }))
    .sort((a, b) => b.bytes - a.bytes);
};

/**
 * What a bundle carries beyond the baseline, largest first: the place to look when a bundle is over
 * budget, since the baseline's own bytes are the unavoidable cost of any DynamoDB handler. Differences
 * under 1 KB (renamed helpers, the handler file itself) are left out as noise.
 */
export const extraOverBaseline = (bundle: Metafile, baseline: Metafile): PackageShare[] => {
  const baselineBytes = new Map(packageBreakdown(baseline).map(({ source, bytes }) => [source, bytes]));
  return packageBreakdown(bundle)
    .map(({ source, bytes }) => ({ source, bytes: bytes - (baselineBytes.get(source) ?? 0) }))
    .filter(({ bytes }) => bytes >= 1024)
    .sort((a, b) => b.bytes - a.bytes);
};
