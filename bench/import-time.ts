import { execFile } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface ImportTarget {
  name: string;
  file: string;
  environment: Record<string, string>;
}

const RESULT_MARKER = 'BENCH_IMPORT_MS=';

// Times only the import, as a Lambda cold start pays it; node's own start-up is the same for all.
// Exits at once so that a module keeping the event loop alive cannot stall the benchmark.
const CHILD_SCRIPT = `
const started = performance.now();
await import(process.argv[1]);
const elapsed = performance.now() - started;
process.stdout.write('\\n${RESULT_MARKER}' + elapsed + '\\n', () => process.exit(0));
`;

/**
 * A deliberately small environment: nothing from the caller's shell (NODE_OPTIONS, a compile cache,
 * AWS profiles) can make one run differ from another or from Lambda.
 */
const childEnvironment = (target: ImportTarget): Record<string, string> => ({
  AWS_REGION: 'cn-north-1',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  ...target.environment,
});

const importOnce = async (target: ImportTarget): Promise<number> => {
  const { stdout } = await run(
    process.execPath,
    ['--input-type=module', '--eval', CHILD_SCRIPT, pathToFileURL(target.file).href],
    { env: childEnvironment(target), timeout: 60_000 },
  ).catch((error: { stderr?: string; message: string }) => {
    throw new Error(`Importing ${target.name} failed: ${error.stderr || error.message}`);
  });
  const line = stdout.split('\n').find((candidate) => candidate.startsWith(RESULT_MARKER));
  if (!line) throw new Error(`Importing ${target.name} printed no timing:\n${stdout}`);
  return Number(line.slice(RESULT_MARKER.length));
};

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? Number.NaN) + upper) / 2;
};

/**
 * Import time samples per target, one fresh `node` process per sample, one at a time. Rounds go
 * through every target in turn so that machine drift (other load, thermal state) hits all targets
 * alike; an unrecorded first round warms the file cache.
 */
export const sampleImportTimes = async (
  targets: readonly ImportTarget[],
  samples: number,
): Promise<Map<string, number[]>> => {
  const times = new Map(targets.map((target) => [target.name, [] as number[]]));
  for (let round = -1; round < samples; round++) {
    for (const target of targets) {
      const elapsed = await importOnce(target);
      if (round >= 0) times.get(target.name)?.push(elapsed);
    }
  }
  return times;
};

/**
 * The median of per-round ratios: each sample is divided by the baseline's sample of the same round,
 * so a slow spell of the machine (it comes in bursts of seconds here) slows both sides of a ratio
 * instead of whichever bundle it happened to hit.
 */
export const pairedRatio = (samples: readonly number[], baselineSamples: readonly number[]): number =>
  median(samples.map((value, round) => value / (baselineSamples[round] ?? Number.NaN)));
