import { MAX_STATS_DAYS } from '../../contract/reports';
import { ValidationFailed } from '../../domain/errors';
import { headlineFigures, periodProblems } from '../../domain/headline-figures';
import { readProgramStats } from '../../repositories/program-stats';
import { policyAwareness } from '../registries/policies';
import { consultationStats } from './consultation-stats';

/**
 * The headline figures of the program days `from`–`to` (both included): the day counters that every
 * counted write adds to in its own transaction, summed over the period (8 shards × days small items,
 * never the records themselves), then turned into figures and rates; beside them each town's policy
 * awareness from its own day counters (one key range query per town), and the consultations held in
 * the period, read from their records (consultation-stats.ts).
 */
export const readStats = async (from: string, to: string) => {
  const problems = periodProblems(from, to, MAX_STATS_DAYS);
  if (problems.length > 0) throw new ValidationFailed(problems);
  const [counts, awareness, consultations] = await Promise.all([
    readProgramStats(from, to),
    policyAwareness(from, to),
    consultationStats(from, to),
  ]);
  return { from, to, ...headlineFigures(counts), policyAwareness: awareness, consultations };
};
