import type { RecordMeta } from '../../db/records';
import type { BatchStatus } from '../../domain/batches';

export interface BatchRecord extends RecordMeta {
  code: string;
  name: string;
  plan: string;
  plannedSize: number;
  startDate: string;
  endDate: string;
  status: BatchStatus;
}
