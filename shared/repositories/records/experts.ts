import type { RecordMeta } from '../../db/records';
import type { Industry } from '../../domain/industries';

export interface ExpertRecord extends RecordMeta {
  name: string;
  profession: 'professor' | 'accountant' | 'consultant' | 'lawyer' | 'engineer' | 'other';
  organisation?: string;
  title?: string;
  fields: Industry[];
  specialty?: string;
}

export interface EngagementRecord extends RecordMeta {
  expertId: string;
  issueId?: string;
  enterpriseId?: string;
  date: string;
  topic: string;
  outcome?: string;
}
