import type { ItemKey } from './attributes';

/** Consultations (协商): by id; one per date through a claim (a second round-table on a day is a mistake). */
export const consultationKeys = {
  item: (id: string): ItemKey => ({ pk: `CONSULT#${id}`, sk: 'CONSULT' }),
  date: (date: string): ItemKey => ({ pk: `UNIQUE#CONSULTATION_DATE#${date}`, sk: 'UNIQUE' }),
};
