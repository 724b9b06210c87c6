import type { RecordMeta } from '../../db/records';
import type { ListingMilestone, PlanItemStatus } from '../../domain/key-enterprises';
import type { Actor } from './actor';

export interface KeyEnterpriseRecord extends RecordMeta {
  enterpriseId: string;
  enterpriseName: string;
  liaisonCadreId: string;
  reason: string;
  designatedBy: Actor;
}

export interface PlanItemRecord extends RecordMeta {
  enterpriseId: string;
  title: string;
  ownerUnitId: string;
  ownerCadreId?: string;
  deadline: string;
  status: PlanItemStatus;
  progressPercent: number;
  progress: { at: string; progressPercent: number; note: string; by: Actor }[];
}

export interface MilestoneRecord {
  enterpriseId: string;
  milestone: ListingMilestone;
  date: string;
  note?: string;
  recordedBy: Actor;
  recordedAt: string;
}
