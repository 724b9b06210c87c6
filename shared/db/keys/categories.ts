import type { ItemKey } from './attributes';

/** The problem taxonomy: one small partition, a category per sort key (the list is one key query). */
export const categoryKeys = {
  item: (code: string): ItemKey => ({ pk: 'CATEGORY', sk: `CATEGORY#${code}` }),
  partition: 'CATEGORY',
  sortPrefix: 'CATEGORY#',
};
