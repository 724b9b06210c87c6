import type { RecordMeta } from '../../db/records';
import type { AgencyStepStatus } from '../../domain/agency-cases';
import type { Actor } from './actor';

/** A free full agency case (全程代办): no actor in it; who did what is in its ledger. */
export interface AgencyCaseRecord extends RecordMeta {
  enterpriseId: string;
  enterpriseName: string;
  matter: string;
  agentCadreId: string;
  /** The program date it was opened: steps are due counted from it. */
  openedOn: string;
  stepCount: number;
  /** Counted up as steps are done. */
  stepsDone: number;
}

export interface AgencyStepRecord extends RecordMeta {
  caseId: string;
  enterpriseId: string;
  /** 1-based place in the case. */
  place: number;
  title: string;
  ownerUnitId: string;
  dueWorkingDays: number;
  dueDate: string;
  status: AgencyStepStatus;
  doneOn?: string;
  note?: string;
}

export interface AgencyLedgerEntryRecord {
  at: string;
  actor: Actor;
  action: 'opened' | 'step_started' | 'step_done';
  stepId?: string;
  fromStatus: AgencyStepStatus | null;
  toStatus: AgencyStepStatus | 'open';
  data: Record<string, unknown>;
}
