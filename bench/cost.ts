import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { asOperator, seedClient } from '../infra/local/seed/seed-client';
import { MEASURED_PATHS, measurePath, type PathUsage } from './cost/lifecycle-paths';
import { startMeteredLocalSystem } from './cost/local-system';
import { pathTable, scopeTable } from './cost/report';
import { issuesOfDay, runScriptedDay } from './cost/scripted-day';

/**
 * `npm run bench:cost [-- --issues-per-path 9,73]` (also the second half of `npm run bench`): the
 * DynamoDB calls, read and write units (per index), items and Scans of every route and background
 * function over a scripted program day, at each size given (issues per scripted path; 14 paths), each
 * on a fresh local system in a process of its own (the functions' SDK clients keep the first
 * system's endpoints for the life of the process); then the cost of one issue along each lifecycle path, background included,
 * with the Step Functions states its execution entered. Counts, not timings: they are the same on
 * every run. Results also go to bench/out/cost-<issues>.json, which docs/cost.md is fed from.
 */
const { values } = parseArgs({ options: { 'issues-per-path': { type: 'string', default: '9' } } });
const sizes = (values['issues-per-path'] ?? '9').split(',').map(Number);
if (sizes.some((size) => !Number.isInteger(size) || size < 1 || size > 999)) {
  throw new Error('--issues-per-path takes whole numbers from 1 to 999, comma-separated');
}

if (sizes.length > 1) {
  for (const size of sizes) {
    const run = spawnSync(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), '--issues-per-path', String(size)],
      { stdio: 'inherit' },
    );
    if (run.status !== 0) process.exit(run.status ?? 1);
  }
  process.exit(0);
}

const [issuesPerPath = 9] = sizes;
{
  console.log(`\nA scripted day with ${issuesOfDay(issuesPerPath)} issues (${issuesPerPath} per path)…`);
  const system = await startMeteredLocalSystem();
  try {
    const day = await runScriptedDay(system, issuesPerPath);
    console.log(`\nDynamoDB per route and function, ${day.issues} issues (${day.seconds} s):\n`);
    console.log(scopeTable(day.scopes));

    const client = seedClient(system.url);
    const [enterprise] = (await client.get<{ items: { id: string }[] }>('/enterprises?limit=1', asOperator))
      .items;
    const [unit] = (
      await client.get<{ items: { id: string }[] }>('/units?kind=department&limit=1', asOperator)
    ).items;
    if (!enterprise || !unit) throw new Error('The scripted day left no enterprise or department');
    const paths: PathUsage[] = [];
    for (const [n, path] of Object.values(MEASURED_PATHS).entries()) {
      paths.push(await measurePath(system, path, { enterpriseId: enterprise.id, unitId: unit.id }, n));
    }
    const named = Object.keys(MEASURED_PATHS).map((name, i) => ({ name, ...(paths[i] as PathUsage) }));
    console.log(`\nOne issue per lifecycle path (after the day of ${day.issues}):\n`);
    console.log(pathTable(named));
    for (const { name, scopes } of named)
      console.log(`\n${name}, by route and function:\n\n${scopeTable(scopes)}`);
    const outDir = join(fileURLToPath(new URL('.', import.meta.url)), 'out');
    await mkdir(outDir, { recursive: true });
    await writeFile(
      join(outDir, `cost-${day.issues}.json`),
      `${JSON.stringify({ measuredAt: new Date().toISOString(), day, paths }, null, 2)}\n`,
    );
  } finally {
    await system.stop();
  }
}
