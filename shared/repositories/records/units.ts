import type { RecordMeta } from '../../db/records';

export interface UnitRecord extends RecordMeta {
  code: string;
  name: string;
  kind: 'department' | 'town';
  category?: 'class1' | 'class2';
}
