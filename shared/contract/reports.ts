import * as z from 'zod/mini';
import { defineRoute } from '../http/contract';
import { id, isoDate } from './common';

/** Headline figures are for the program's leadership and the service centre. */
export const STATS_READERS = ['leader', 'operator', 'admin'] as const;
/** The ledger (台账) as a file is the service centre's. */
export const LEDGER_EXPORTERS = ['operator', 'admin'] as const;

/** Three years (with a leap day): the figures are day counters, so a period costs 8 small items a day. */
export const MAX_STATS_DAYS = 1096;
/** One year: a city-year is ~50,000 entries; longer periods (a province) go the S3 way (docs/reports.md). */
export const MAX_EXPORT_DAYS = 366;

const period = { from: isoDate, to: isoDate };

/** The questionnaire's measure of policy awareness: visits that answered the question, those aware. */
const surveyAwareness = z.object({ answered: z.number(), aware: z.number(), rate: z.nullable(z.number()) });

const rate = z.object({
  /** numerator / denominator, 0–1 to four places; null when the denominator is 0. */
  rate: z.nullable(z.number()),
  numerator: z.number(),
  denominator: z.number(),
});

export const statsResponse = z.object({
  from: isoDate,
  to: isoDate,
  residencies: z.number(),
  placements: z.number(),
  visits: z.number(),
  questionnaires: z.number(),
  issues: z.object({
    /** Issues raised, each duplicate counted once (as the issue it duplicates). */
    raised: z.number(),
    /** Issues closed as duplicates of another (not in `raised`). */
    duplicates: z.number(),
    resolved: z.number(),
    closed: z.number(),
    closedByClosure: z.object({
      satisfied: z.number(),
      basicallySatisfied: z.number(),
      noResponse: z.number(),
    }),
    verdicts: z.object({
      satisfied: z.number(),
      basicallySatisfied: z.number(),
      unsatisfied: z.number(),
      /** The two reasons of an unhappy verdict: 不满意 (not resolved) and 不理解 (not understood). */
      unsatisfiedByReason: z.object({ notResolved: z.number(), notUnderstood: z.number() }),
    }),
    satisfaction: rate,
    /** Issues raised in the period per category code (most first); a later duplicate stays counted here. */
    byCategory: z.array(z.object({ category: z.string(), raised: z.number() })),
    /** Issues raised in the period per type: 问题 (problem) and 建议 (suggestion). */
    byType: z.object({ problem: z.number(), suggestion: z.number() }),
  }),
  serviceSatisfaction: rate,
  fitSatisfaction: rate,
  serviceEntries: z.number(),
  fundsCoordinatedFen: z.number(),
  trainings: z.object({ sessions: z.number(), attendances: z.number() }),
  expertEngagements: z.number(),
  accountabilityCases: z.number(),
  promotions: z.number(),
  /** 知晓率: of the policies delivered in the period, the share acknowledged, per town and overall. */
  policyAwareness: z.object({
    overall: z.object({
      delivered: z.number(),
      acknowledged: z.number(),
      rate: z.nullable(z.number()),
      questionnaire: surveyAwareness,
    }),
    byTown: z.array(
      z.object({
        townUnitId: z.string(),
        delivered: z.number(),
        acknowledged: z.number(),
        rate: z.nullable(z.number()),
        questionnaire: surveyAwareness,
      }),
    ),
  }),
  /**
   * Consultations held in the period (by date): issues on their agendas, decisions taken, and of the
   * issues decided the distinct ones resolved now (closed other than as a duplicate, or awaiting the
   * enterprise's verdict on a resolution).
   */
  consultations: z.object({
    held: z.number(),
    issuesHeard: z.number(),
    issuesDecided: z.number(),
    resolvedSince: z.number(),
  }),
});

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const ledgerExportQuery = z.strictObject({
  ...period,
  unitId: z.optional(id),
  format: z.optional(z.enum(EXPORT_FORMATS)),
});
export type LedgerExportQuery = z.output<typeof ledgerExportQuery>;

export const reportRoutes = {
  getStats: defineRoute({
    method: 'GET',
    path: '/stats',
    area: 'reports',
    summary: "The program's headline figures for a period (program dates, both included)",
    roles: STATS_READERS,
    query: z.strictObject(period),
    response: statsResponse,
  }),
};

export const ledgerRoutes = {
  exportLedger: defineRoute({
    method: 'GET',
    path: '/ledger/export',
    area: 'ledger',
    summary:
      'The issue ledger (台账) of a period as a CSV (UTF-8 with BOM; gzip when accepted) or XLSX file, optionally of one unit',
    roles: LEDGER_EXPORTERS,
    query: ledgerExportQuery,
    produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  }),
};
