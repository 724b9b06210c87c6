import type { AnnualReport, Ballot, Grade, GradeLedgerEntry, ReviewRound } from '../../contract/appraisals';
import type {
  AnnualReportRecord,
  BallotRecord,
  GradeLedgerEntryRecord,
  GradeRecord,
  ReviewRoundRecord,
} from '../../repositories/records/appraisals';
import { allFieldsShown } from '../record-view';

export const gradeView = allFieldsShown<GradeRecord, Grade>();
export const gradeLedgerEntryView = allFieldsShown<GradeLedgerEntryRecord, GradeLedgerEntry>();
export const reviewRoundView = allFieldsShown<ReviewRoundRecord, ReviewRound>();
export const ballotView = allFieldsShown<BallotRecord, Ballot>();
export const annualReportView = allFieldsShown<AnnualReportRecord, AnnualReport>();
