import type { DemoSize } from '../../infra/local/seed/demo-data';
import { ISSUE_PATHS } from '../../infra/local/seed/issue-paths';
import { seedClient } from '../../infra/local/seed/seed-client';
import { settled } from '../../tools/dynamo-usage/settled';
import { type Usage, usageByScope } from '../../tools/dynamo-usage/usage';
import type { MeteredLocalSystem } from './local-system';

export interface DayUsage {
  issues: number;
  seconds: number;
  /** Per route and per background function: every invocation of the day. */
  scopes: [string, Usage][];
}

/** Master data as at scale 0.1 (300 enterprises, 110 cadres): per-request costs do not depend on it. */
const MASTER_DATA: Omit<DemoSize, 'issuesPerPath'> = {
  grids: 3,
  teams: 14,
  cadres: 110,
  poolCadres: 20,
  enterprises: 300,
};

/** Issues of a day with `issuesPerPath` issues on each scripted path ("open" ones included). */
export const issuesOfDay = (issuesPerPath: number) => Object.keys(ISSUE_PATHS).length * issuesPerPath;

/**
 * A program day through the API, as `npm run seed` scripts it: secondments, visits, registries, then
 * issues taken along every lifecycle path (each path `issuesPerPath` times), the half-monthly
 * consultation deciding its agenda, and the daily sweep. Master data goes in through the use cases
 * directly (not a function invocation, so not counted); everything after it is.
 */
export const runScriptedDay = async (
  system: MeteredLocalSystem,
  issuesPerPath: number,
): Promise<DayUsage> => {
  const { seedDemo } = await import('../../infra/local/seed/seed');
  const started = performance.now();
  await seedDemo(seedClient(system.url), { ...MASTER_DATA, issuesPerPath });
  await settled(system.meter);
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  const counted = system.meter.calls().filter((call) => call.scope !== 'outside any invocation');
  return { issues: issuesOfDay(issuesPerPath), seconds, scopes: usageByScope(counted) };
};
