import type { RecordMeta } from '../../db/records';

export interface CampaignRecord extends RecordMeta {
  name: string;
  theme: string;
  startDate: string;
  endDate: string;
}
