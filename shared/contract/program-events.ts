import * as z from 'zod/mini';
import { DETAIL_TYPES as D, type DetailType, EVENT_SCHEMA_VERSION } from '../domain/notifications/catalogue';

/**
 * The detail of every program event, version 1. The JSON schemas in `events/schemas/` and the
 * AsyncAPI document `events/asyncapi.json` are generated from these (`npm run events:schemas`), and a
 * test fails when they differ. A breaking change is a new version: a new schema file beside the old,
 * `schemaVersion` raised, both published until subscribers have moved.
 */
const common = {
  /** Stable across re-deliveries: subscribers drop what they have seen. */
  id: z.string(),
  schemaVersion: z.literal(EVENT_SCHEMA_VERSION),
};
const date = z.iso.date();

const issueDetail = z.object({
  ...common,
  issueId: z.string(),
  /** The ledger entry the event comes from (`GET /issues/{id}/ledger`). */
  seq: z.int(),
  action: z.string(),
  status: z.string(),
  responsibleUnitId: z.optional(z.string()),
  unitId: z.optional(z.string()),
  leadUnitId: z.optional(z.string()),
  coUnitIds: z.optional(z.array(z.string())),
  dueDate: z.optional(date),
  dueWorkingDays: z.optional(z.int()),
  dispatchOrderId: z.optional(z.string()),
  consultationId: z.optional(z.string()),
  supervisionLevel: z.optional(z.int()),
  card: z.optional(z.enum(['blue', 'yellow', 'red'])),
  workingDaysOverdue: z.optional(z.int()),
  reasonCode: z.optional(z.string()),
  verdict: z.optional(z.enum(['satisfied', 'basically_satisfied', 'unsatisfied'])),
  closure: z.optional(z.string()),
  onTime: z.optional(z.boolean()),
  reReviewCount: z.optional(z.int()),
  reReviewsExhausted: z.optional(z.boolean()),
});

const residencyDetail = {
  ...common,
  residencyId: z.string(),
  cadreId: z.string(),
  enterpriseId: z.string(),
  batch: z.string(),
};

export const EVENT_DETAIL_SCHEMAS: Record<DetailType, { summary: string; schema: z.core.$ZodType }> = {
  [D.issueRaised]: { summary: '问题登记: an enterprise issue was raised', schema: issueDetail },
  [D.issueEscalated]: { summary: '上报交办: an issue was escalated', schema: issueDetail },
  [D.issueAssigned]: {
    summary: '交办: a unit was given an issue with a due date (with its dispatch order when it has one)',
    schema: issueDetail,
  },
  [D.issueDueSoon]: { summary: '蓝牌: an assignment is due soon', schema: issueDetail },
  [D.issueSupervised]: {
    summary: '督办: an assignment is overdue and supervised (level, card)',
    schema: issueDetail,
  },
  [D.issueReturned]: { summary: '退单: a unit returned an assignment', schema: issueDetail },
  [D.issueSentToConsultation]: { summary: '列入会商: an issue awaits the consultation', schema: issueDetail },
  [D.consultationDecided]: { summary: '会商决定: the consultation decided an issue', schema: issueDetail },
  [D.issueResolved]: { summary: '办结: the unit resolved the issue', schema: issueDetail },
  [D.verdictRequested]: { summary: '请评价: the enterprise is asked for its verdict', schema: issueDetail },
  [D.verdictRecorded]: { summary: '企业评价: the enterprise gave its verdict', schema: issueDetail },
  [D.issueClosed]: { summary: '销号: the issue was closed out (closure)', schema: issueDetail },
  [D.consultationAgendaReady]: {
    summary: '会商议题: a consultation and its agenda were fixed',
    schema: z.object({
      ...common,
      consultationId: z.string(),
      date,
      agendaIssueIds: z.array(z.string()),
      redCardIssueIds: z.array(z.string()),
    }),
  },
  [D.residencyStarted]: {
    summary: '驻企开始: a residency started',
    schema: z.object({ ...residencyDetail, startDate: date, endDate: date }),
  },
  [D.residencyEnded]: {
    summary: '驻企结束: a residency ended',
    schema: z.object({ ...residencyDetail, endedOn: z.optional(date) }),
  },
  [D.weeklyInspectionReported]: {
    summary: '周通报: a unit’s row of the weekly inspection',
    schema: z.object({
      id: z.string(),
      week: z.string(),
      asOf: date,
      quarter: z.string(),
      unitId: z.string(),
      card: z.optional(z.string()),
      open: z.int(),
      overdue: z.int(),
      dueSoon: z.int(),
      workingDaysOverdue: z.int(),
      returns: z.int(),
      reReviews: z.int(),
      cards: z.object({ blue: z.int(), yellow: z.int(), red: z.int() }),
    }),
  },
  [D.quarterlyRankingPublished]: {
    summary: '季度排名: a revision of a quarter’s ranking was published',
    schema: z.object({ ...common, quarter: z.string(), revision: z.int(), asOf: date }),
  },
};
