import type { RecordMeta } from '../../db/records';

export interface GridRecord extends RecordMeta {
  code: string;
  name: string;
  townUnitId: string;
}

export interface TeamRecord extends RecordMeta {
  gridId: string;
  name: string;
  memberCadreIds: string[];
}
