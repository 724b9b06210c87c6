import { createHash } from 'node:crypto';
import type { CalendarDate } from '../../domain/calendar';
import { canonicalJson } from '../../domain/canonical-json';
import { nowIso } from '../../domain/ids';
import { quarterJustEnded } from '../../domain/scoring/quarter';
import {
  RANKING_GROUPS,
  type RankedUnit,
  type RankingGroup,
  rankQuarter,
  type UnitQuarterInput,
} from '../../domain/scoring/ranking';
import {
  findRankingHead,
  listPartyPoints,
  listUnitCounters,
  publishRanking,
  type RankingHead,
} from '../../repositories/scoring';
import { allUnits } from '../../repositories/units';
import type { JobRun } from '../jobs/job-run';
import { scoringConfig } from './scoring-config';

export interface QuarterlyScoringRun extends JobRun {
  quarter: string;
  /** The revision now published; a re-run with unchanged inputs publishes nothing and keeps it. */
  revision: number;
  published: boolean;
  ranked: Record<RankingGroup, number>;
  /** Items the run read: units, counter items and party-points records of the quarter, and the head. */
  itemsRead: { units: number; counters: number; partyPoints: number; head: number };
}

/**
 * 每季排名, for the quarter just ended before `asOf`: reads every unit, the quarter's unit-quarter
 * counters and party points (never an issue: O(units)), ranks towns, class-1 and class-2 departments
 * (shared/domain/scoring), and publishes the result as a new revision only when it differs from the
 * published one. A re-run for the same quarter with unchanged inputs writes nothing; after a
 * correction (late party points, an issue marked unreasonable later) it publishes the next revision.
 */
export const runQuarterlyScoring = async (asOf: CalendarDate): Promise<QuarterlyScoringRun> => {
  const quarter = quarterJustEnded(asOf);
  const [units, counters, partyPoints, head] = await Promise.all([
    allUnits(),
    listUnitCounters(quarter),
    listPartyPoints(quarter),
    findRankingHead(quarter),
  ]);
  const inputs: UnitQuarterInput[] = units.map((unit) => ({
    unit: unit as RankedUnit,
    counters: counters.get(unit.id),
    partyPoints: partyPoints.get(unit.id),
  }));
  const report = rankQuarter(quarter, inputs, scoringConfig);
  const contentHash = createHash('sha256').update(canonicalJson(report)).digest('hex');
  const ranked = Object.fromEntries(RANKING_GROUPS.map((group) => [group, report[group].length])) as Record<
    RankingGroup,
    number
  >;
  const itemsRead = {
    units: units.length,
    counters: counters.size,
    partyPoints: partyPoints.size,
    head: head ? 1 : 0,
  };
  const summary = { job: 'quarterly-scoring', asOf, failures: [], quarter, ranked, itemsRead };
  if (head?.contentHash === contentHash)
    return { ...summary, revision: head.revision, published: false, metrics: { RankingsPublished: 0 } };

  const { towns, class1, class2, ...about } = report;
  const next: RankingHead = {
    ...about,
    revision: (head?.revision ?? 0) + 1,
    contentHash,
    asOf,
    computedAt: nowIso(),
    rows: ranked,
  };
  const rows = RANKING_GROUPS.flatMap((group) => report[group].map((row) => ({ group, row })));
  await publishRanking(next, rows);
  return { ...summary, revision: next.revision, published: true, metrics: { RankingsPublished: 1 } };
};
