import type { RecordMeta } from '../../db/records';

export interface TrainingRecord extends RecordMeta {
  title: string;
  date: string;
  audience: 'entrepreneurs' | 'cadres' | 'mixed';
  location?: string;
  organizerUnitId?: string;
  description?: string;
  attendanceCount: number;
}

export interface AttendanceRecord extends RecordMeta {
  trainingId: string;
  cadreId?: string;
  enterpriseId?: string;
  name?: string;
}
