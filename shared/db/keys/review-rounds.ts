import type { IndexPartition, ItemKey, KeyRange } from './attributes';

/**
 * Democratic review rounds (民主评议): a round with its ballots and one tally item per graded cadre
 * (added to by every ballot that grades the cadre) in its partition; GSI1 a batch's rounds.
 */
export const reviewRoundKeys = {
  item: (id: string): ItemKey => ({ pk: `ROUND#${id}`, sk: 'ROUND' }),
  ballot: (roundId: string, ballotId: string): ItemKey => ({
    pk: `ROUND#${roundId}`,
    sk: `BALLOT#${ballotId}`,
  }),
  tally: (roundId: string, cadreId: string): ItemKey => ({ pk: `ROUND#${roundId}`, sk: `TALLY#${cadreId}` }),
  talliesOf: (roundId: string): KeyRange => ({ partition: `ROUND#${roundId}`, sortPrefix: 'TALLY#' }),
  byBatch: (batch: string): IndexPartition => ({ index: 'GSI1', partition: `ROUND#BATCH#${batch}` }),
};
