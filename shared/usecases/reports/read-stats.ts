import { MAX_STATS_DAYS } from '../../contract/reports';
import { ValidationFailed } from '../../domain/errors';
import { headlineFigures, periodProblems } from '../../domain/headline-figures';
import { readProgramStats } from '../../repositories/program-stats';

/**
 * The headline figures of the program days `from`–`to` (both included): the day counters that every
 * counted write adds to in its own transaction, summed over the period (8 shards × days small items,
 * never the records themselves), then turned into figures and rates.
 */
export const readStats = async (from: string, to: string) => {
  const problems = periodProblems(from, to, MAX_STATS_DAYS);
  if (problems.length > 0) throw new ValidationFailed(problems);
  return { from, to, ...headlineFigures(await readProgramStats(from, to)) };
};
