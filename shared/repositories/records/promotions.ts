import type { RecordMeta } from '../../db/records';

export interface PromotionRecord extends RecordMeta {
  cadreId: string;
  fromRank: string;
  toRank: string;
  date: string;
  note?: string;
  residencyId?: string;
}
