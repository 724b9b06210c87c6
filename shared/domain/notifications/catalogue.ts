/**
 * The program's events: one stable `detail-type` each, with what its detail carries described by
 * the versioned JSON schemas in `events/schemas/` (generated from shared/contract/program-events.ts).
 * A detail names records by id and carries no free text (no notes, comments or resolutions) and no
 * person: whoever needs more reads it through the API with their own scope.
 */
export const EVENT_SCHEMA_VERSION = 1;

/** The `source` of every event the program publishes. */
export const EVENT_SOURCE = 'qinqing.program';

export const DETAIL_TYPES = {
  issueRaised: 'IssueRaised',
  issueEscalated: 'IssueEscalated',
  issueAssigned: 'IssueAssigned',
  issueDueSoon: 'IssueDueSoon',
  issueSupervised: 'IssueSupervised',
  issueReturned: 'IssueReturned',
  issueSentToConsultation: 'IssueSentToConsultation',
  consultationDecided: 'ConsultationDecided',
  issueResolved: 'IssueResolved',
  verdictRequested: 'VerdictRequested',
  verdictRecorded: 'VerdictRecorded',
  issueClosed: 'IssueClosed',
  consultationAgendaReady: 'ConsultationAgendaReady',
  residencyStarted: 'ResidencyStarted',
  residencyEnded: 'ResidencyEnded',
  weeklyInspectionReported: 'WeeklyInspectionReported',
  quarterlyRankingPublished: 'QuarterlyRankingPublished',
} as const;

export type DetailType = (typeof DETAIL_TYPES)[keyof typeof DETAIL_TYPES];

export const ALL_DETAIL_TYPES: readonly DetailType[] = Object.values(DETAIL_TYPES);

export const isDetailType = (value: string): value is DetailType =>
  (ALL_DETAIL_TYPES as readonly string[]).includes(value);

/** A fact for the program's bus. `id` is stable: the same stored row always makes the same id. */
export interface ProgramFact {
  detailType: DetailType;
  id: string;
  /** When the fact happened. */
  time: Date;
  detail: Record<string, unknown>;
}
