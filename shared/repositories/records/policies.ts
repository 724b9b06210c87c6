import type { RecordMeta } from '../../db/records';
import type { Industry } from '../../domain/industries';
import type { Actor } from './actor';

export interface PolicyRecord extends RecordMeta {
  title: string;
  issuer: string;
  issuedOn: string;
  industries: Industry[];
  summary: string;
  attachmentUrl?: string;
}

/** A policy's delivery to one enterprise: delivered once, acknowledged once. */
export interface PolicyDeliveryRecord {
  policyId: string;
  enterpriseId: string;
  townUnitId: string;
  date: string;
  visitId?: string;
  deliveredBy: Actor;
  acknowledgedAt?: string;
}
