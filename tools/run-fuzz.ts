import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

/**
 * `npm run fuzz -- [--runs N] [--seed S]`: the e2e fuzz test alone, N hostile requests per route
 * (default 1,000), against a fresh local mode. The seed it prints replays a run.
 */
const { values } = parseArgs({ options: { runs: { type: 'string' }, seed: { type: 'string' } } });
const result = spawnSync('npx', ['vitest', 'run', '--project', 'e2e', 'test/e2e/fuzz.test.ts'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    FUZZ_RUNS: values.runs ?? '1000',
    ...(values.seed ? { FUZZ_SEED: values.seed } : {}),
  },
});
process.exit(result.status ?? 1);
