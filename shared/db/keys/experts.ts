import type { IndexPartition, ItemKey, KeyRange } from './attributes';

/** Experts, with their engagements in the expert's partition (one key query lists them); GSI1 all, GSI2 by profession. */
export const expertKeys = {
  item: (id: string): ItemKey => ({ pk: `EXPERT#${id}`, sk: 'EXPERT' }),
  engagement: (expertId: string, id: string): ItemKey => ({
    pk: `EXPERT#${expertId}`,
    sk: `ENGAGEMENT#${id}`,
  }),
  engagementsOf: (expertId: string): KeyRange => ({
    partition: `EXPERT#${expertId}`,
    sortPrefix: 'ENGAGEMENT#',
  }),
  all: (): IndexPartition => ({ index: 'GSI1', partition: 'EXPERT' }),
  byProfession: (profession: string): IndexPartition => ({
    index: 'GSI2',
    partition: `EXPERT#PROFESSION#${profession}`,
  }),
};
