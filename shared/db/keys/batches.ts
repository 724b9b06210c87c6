import type { IndexPartition, ItemKey } from './attributes';

/** Secondment batches by code (`2026-1`, which residencies already carry); GSI1 all in code order. */
export const batchKeys = {
  item: (code: string): ItemKey => ({ pk: `BATCH#${code}`, sk: 'BATCH' }),
  all: (code?: string): IndexPartition => ({ index: 'GSI1', partition: 'BATCH', sort: code }),
};
