import type { RecordMeta } from '../../db/records';
import type { Industry } from '../../domain/industries';
import type { ServiceType } from '../../domain/service-catalogue';

export interface CadreRecord extends RecordMeta {
  name: string;
  unitId: string;
  rank?: string;
  inPool: boolean;
  experience: {
    field: Industry;
    kind: 'studied' | 'managed' | 'worked';
    years: number;
  }[];
  serviceSkills: ServiceType[];
  conflictEnterpriseIds?: string[];
}
