import type { RecordMeta } from '../../db/records';
import type { AppraisalGrade, ExcellentList, GradeStatus } from '../../domain/appraisal/grade-approval';
import type { ResidencySection } from '../../domain/appraisal/residency-section';
import type { VoterGroup } from '../../domain/appraisal/review-tally';
import type { Actor } from './actor';

export interface GradeRecord extends RecordMeta {
  year: string;
  cadreId: string;
  /** The cadre's unit when graded: whose ordinary list the grade counts in. */
  unitId: string;
  list: ExcellentList;
  cityManagedSectionLevel: boolean;
  proposedGrade: AppraisalGrade;
  grade: AppraisalGrade;
  status: GradeStatus;
  note?: string;
  gradedBy: Actor;
  leaderOpinion?: {
    opinion: 'agree' | 'disagree';
    suggestedGrade?: AppraisalGrade;
    comment: string;
    by: Actor;
    at: string;
  };
  committeeApproval?: {
    grade: AppraisalGrade;
    reference: string;
    comment?: string;
    by: Actor;
    at: string;
  };
}

export interface GradeLedgerEntryRecord {
  seq: number;
  at: string;
  actor: Actor;
  action: 'graded' | 'leader_opinion' | 'committee_approval';
  fromStatus: GradeStatus | null;
  toStatus: GradeStatus;
  data: Record<string, unknown>;
}

export interface ReviewRoundRecord extends RecordMeta {
  batch: string;
  date: string;
  note?: string;
  status: 'open' | 'closed';
  ballots: number;
}

export interface BallotRecord extends RecordMeta {
  roundId: string;
  voterGroup: VoterGroup;
  votes: { cadreId: string; grade: AppraisalGrade }[];
  recordedBy: Actor;
}

/** A residency section is stored as the domain composes it (residency-section.ts). */
export type ResidencySectionRecord = ResidencySection;

export interface AnnualReportRecord extends RecordMeta {
  cadreId: string;
  unitId: string;
  year: string;
  summary: string;
  residencySection: ResidencySectionRecord[];
  filedBy: Actor;
}
