import type { IndexPartition, ItemKey } from './attributes';

/**
 * Consultations (协商): by id; one per date through a claim (a second round-table on a day is a
 * mistake); GSI1 all of them by date (`date#id`): two a month, so one partition holds decades.
 */
export const consultationKeys = {
  item: (id: string): ItemKey => ({ pk: `CONSULT#${id}`, sk: 'CONSULT' }),
  sortKey: (date: string, id: string) => `${date}#${id}`,
  byDate: (sort?: string): IndexPartition => ({ index: 'GSI1', partition: 'CONSULT', sort }),
  date: (date: string): ItemKey => ({ pk: `UNIQUE#CONSULTATION_DATE#${date}`, sk: 'UNIQUE' }),
};
