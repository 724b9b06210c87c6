import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASELINE_ENTRY, BUDGET_RATIO } from '../tools/lambda-bundles/budget';
import { type BuiltBundle, buildBundle } from '../tools/lambda-bundles/build-bundle';
import { judge, type Measured } from './budget';
import { median, pairedRatio, sampleImportTimes } from './import-time';
import { type LambdaEntry, lambdaEntries } from './lambda-entries';
import { extraOverBaseline } from './package-breakdown';
import { formatExtraBytes, formatTable } from './report';

/**
 * `npm run bench`: builds every Lambda bundle of the CDK app as CDK does, times fresh-process imports
 * and compares both size and time with a document-client-only baseline built and timed in the same
 * run. Exits 1 when an API handler is over budget, so CI can run it.
 */
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const outRoot = join(repoRoot, 'bench', 'out');
const samples = Number(process.env.BENCH_SAMPLES ?? 21);
if (!Number.isInteger(samples) || samples < 1) throw new Error('BENCH_SAMPLES must be a positive integer');

// CDK resolves function entries and the lock file from the working directory.
process.chdir(repoRoot);
await rm(outRoot, { recursive: true, force: true });

const baselineEntry: LambdaEntry = {
  name: 'baseline',
  entry: BASELINE_ENTRY,
  budgetRatio: null,
  environment: {},
};
const entries = [baselineEntry, ...lambdaEntries(join(outRoot, 'cdk.out'))];

const bundles = new Map<string, BuiltBundle>();
for (const { name, entry } of entries) {
  const outdir = join(outRoot, 'bundles', name.replaceAll('/', '-'));
  await mkdir(outdir, { recursive: true });
  const bundle = await buildBundle(repoRoot, entry, outdir);
  await writeFile(join(outdir, 'meta.json'), JSON.stringify(bundle.metafile));
  bundles.set(name, bundle);
}
const bundleOf = (name: string): BuiltBundle => bundles.get(name) as BuiltBundle;

console.log(`Timing ${samples} fresh-process imports of each of ${entries.length} bundles, round-robin…`);
const times = await sampleImportTimes(
  entries.map(({ name, environment }) => ({ name, environment, file: bundleOf(name).file })),
  samples,
);

const baselineTimes = times.get(entries[0]?.name ?? '') ?? [];
const measured: Measured[] = entries.map(({ name, budgetRatio }) => ({
  name,
  budgetRatio,
  bytes: bundleOf(name).bytes,
  medianMs: median(times.get(name) ?? []),
  pairedTimeRatio: pairedRatio(times.get(name) ?? [], baselineTimes),
}));
const [baseline] = measured;
if (!baseline) throw new Error('The baseline bundle was not measured');
const rows = measured.map((bundle) => judge(bundle, baseline));
const over = rows.filter((row) => row.withinBudget === false);

console.log(`\n${formatTable(rows)}\n`);
const baselineMetafile = bundleOf(baseline.name).metafile;
for (const row of over) {
  console.log(
    `${formatExtraBytes(row.name, extraOverBaseline(bundleOf(row.name).metafile, baselineMetafile))}\n`,
  );
}
console.log(
  over.length === 0
    ? `PASS: every API handler is within ${BUDGET_RATIO}x the baseline in size and median import time.`
    : `FAIL: ${over.map((row) => row.name).join(', ')} over ${BUDGET_RATIO}x the baseline (size or import time).`,
);

await writeFile(
  join(outRoot, 'results.json'),
  `${JSON.stringify(
    {
      measuredAt: new Date().toISOString(),
      node: process.version,
      samples,
      budgetRatio: BUDGET_RATIO,
      bundles: rows.map((row) => ({ ...row, entry: entries.find(({ name }) => name === row.name)?.entry })),
      withinBudget: over.length === 0,
    },
    null,
    2,
  )}\n`,
);
process.exitCode = over.length === 0 ? 0 : 1;
