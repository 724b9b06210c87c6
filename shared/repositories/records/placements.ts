import type { RecordMeta } from '../../db/records';

export interface PlacementRecord extends RecordMeta {
  enterpriseId: string;
  staffName: string;
  staffTitle: string;
  unitId: string;
  startDate: string;
  endDate: string;
  learned?: string;
  applied?: string;
}
