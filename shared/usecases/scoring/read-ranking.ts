import { NotFound } from '../../domain/errors';
import { RANKING_GROUPS, type RankingGroup, type RankingRow } from '../../domain/scoring/ranking';
import { findRankingHead, readRankingRows } from '../../repositories/scoring';

/** The published ranking of a quarter: the current revision's rows by group, in rank order. */
export const readRanking = async (quarter: string) => {
  const head = await findRankingHead(quarter);
  if (!head) throw new NotFound(`The ranking of ${quarter}`);
  const rows = await readRankingRows(quarter, head.revision);
  const groups: Record<RankingGroup, RankingRow[]> = { towns: [], class1: [], class2: [] };
  for (const { group, ...row } of rows) groups[group]?.push(row);
  const { contentHash: _hash, rows: _counts, ...about } = head;
  return { ...about, ...Object.fromEntries(RANKING_GROUPS.map((group) => [group, groups[group]])) };
};
