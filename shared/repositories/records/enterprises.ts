import type { RecordMeta } from '../../db/records';
import type { Industry } from '../../domain/industries';

export interface EnterpriseRecord extends RecordMeta {
  creditCode: string;
  name: string;
  industry: Industry;
  townUnitId: string;
  gridId: string;
  aboveScale: boolean;
  tags: string[];
}
