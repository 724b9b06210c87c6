import type { RecordMeta } from '../../db/records';
import type { ServiceType } from '../../domain/service-catalogue';

export interface ResidencyRecord extends RecordMeta {
  cadreId: string;
  enterpriseId: string;
  batch: string;
  startDate: string;
  endDate: string;
  services: ServiceType[];
  status: 'active' | 'ended';
  endedOn?: string;
  endNote?: string;
}

export interface ServiceEntryRecord extends RecordMeta {
  type: ServiceType;
  date: string;
  description: string;
  fundsFen?: number;
  residencyId: string;
  cadreId: string;
  enterpriseId: string;
}

export interface EvaluationRecord extends RecordMeta {
  fitScore: number;
  serviceScore: number;
  comment?: string;
  residencyId: string;
  cadreId: string;
  enterpriseId: string;
  date: string;
  evaluatedBy: {
    sub: string;
    role: string;
  };
}
