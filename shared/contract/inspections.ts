import * as z from 'zod/mini';
import { parseIsoWeek } from '../domain/rhythm/iso-week';
import { defineRoute } from '../http/contract';
import { pageQuery } from './common';

/** The weekly inspection is for the service centre that runs it and the leaders who chair supervision. */
export const INSPECTION_READERS = ['operator', 'leader', 'admin'] as const;

/** An ISO week, `2026-W48`, that exists (`2026-W53` does, `2025-W53` does not). */
export const isoWeek = z
  .string()
  .check(
    z.refine((week) => parseIsoWeek(week) !== undefined, { message: 'An ISO week YYYY-Www that exists' }),
  );

const tally = z.object({
  count: z.number(),
  /** The issues behind the number (at most 1,000; `truncated` when there are more). */
  issueIds: z.array(z.string()),
  truncated: z.optional(z.boolean()),
});

const card = z.enum(['blue', 'yellow', 'red']);

export const inspectionRow = z.object({
  week: z.string(),
  asOf: z.string(),
  quarter: z.string(),
  unitId: z.string(),
  /** The unit's most severe card: red (overdue at the supervision limit) > yellow (overdue) > blue (due soon). */
  card: z.nullable(card),
  open: tally,
  overdue: tally,
  dueSoon: tally,
  workingDaysOverdue: z.object({ total: z.number(), max: z.number() }),
  /** Issues the unit handed back (退单) that wait to be dispatched again. */
  returns: tally,
  /** Open assignments that are re-work after an unsatisfied verdict. */
  reReviews: tally,
  /** Open assignments not signed for (签收) within the window. */
  signForLate: tally,
  cards: z.object({ blue: tally, yellow: tally, red: tally }),
  createdAt: z.string(),
});

export const inspectionPage = z.object({
  week: z.string(),
  /** The program date the report was taken for. */
  asOf: z.string(),
  completedAt: z.string(),
  items: z.array(inspectionRow),
  nextCursor: z.nullable(z.string()),
});

export const inspectionRoutes = {
  getInspection: defineRoute({
    method: 'GET',
    path: '/inspections',
    area: 'inspections',
    summary: "A week's inspection report (每周督查): one row per unit, in unit id order",
    roles: INSPECTION_READERS,
    query: z.strictObject({ week: isoWeek, ...pageQuery }),
    response: inspectionPage,
  }),
};
