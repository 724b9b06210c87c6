import type { RecordMeta } from '../../db/records';
import type { AppraisalGrade, ExcellentList, GradeStatus } from '../../domain/appraisal/grade-approval';
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

export interface ResidencySectionRecord {
  residencyId: string;
  enterpriseId: string;
  enterpriseName: string;
  batch: string;
  startDate: string;
  endDate: string;
  status: string;
  servicesInYear: { entries: number; fundsFen: number; byType: Record<string, number> };
  evaluation: { fitScore: number; serviceScore: number } | null;
  assessment: { conclusion: AppraisalGrade | null; headScore: number } | null;
  democraticReview: { votes: number; approvalRate: number | null; excellentRate: number | null } | null;
  text: string;
}

export interface AnnualReportRecord extends RecordMeta {
  cadreId: string;
  unitId: string;
  year: string;
  summary: string;
  residencySection: ResidencySectionRecord[];
  filedBy: Actor;
}
