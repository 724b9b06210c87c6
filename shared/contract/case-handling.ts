import * as z from 'zod/mini';
import { FOLLOW_UP_CHANNELS, FOLLOW_UP_OUTCOMES, UNHAPPY_REASONS, VERDICTS } from '../domain/issues/issue';
import { id, text } from './common';
import { dueWorkingDays } from './issue-record';
import {
  coUnitFields,
  coUnitsNeedLead,
  leadIsNoCoUnit,
  note,
  reasonOnlyWhenUnhappy,
  transition,
} from './issue-transition';

/**
 * Case handling as the office runs it (docs/case-handling.md): dispatch, sign-for, co-units' parts,
 * return decisions, follow-up calls, duplicates. Their own function (`cases`), so the issues
 * function stays within the bundle budget.
 */
const AREA = 'cases';

const caseTransition = <B extends z.core.$ZodType | undefined>(
  ...[action, path, summary, body]: Parameters<typeof transition<B>>
) => transition(action, path, summary, body, AREA);

/** An empty body is allowed: escalating without a unit puts the issue in the dispatch queue. */
export const escalateBody = z._default(
  z
    .strictObject({ unitId: z.optional(id), dueWorkingDays: z.optional(dueWorkingDays), ...coUnitFields })
    .check(leadIsNoCoUnit, coUnitsNeedLead),
  {},
);
export const dispatchBody = z
  .strictObject({ unitId: id, dueWorkingDays: z.optional(dueWorkingDays), ...coUnitFields })
  .check(leadIsNoCoUnit);
export const followUpBody = z
  .strictObject({
    channel: z.enum(FOLLOW_UP_CHANNELS),
    contact: text(100),
    outcome: z.enum(FOLLOW_UP_OUTCOMES),
    verdict: z.optional(z.enum(VERDICTS)),
    reason: z.optional(z.enum(UNHAPPY_REASONS)),
    note: z.optional(note),
  })
  .check(
    reasonOnlyWhenUnhappy,
    z.refine((body) => body.verdict === undefined || body.outcome === 'reached', {
      path: ['verdict'],
      message: 'A verdict is recorded only when the enterprise was reached',
    }),
    z.refine((body) => body.verdict !== 'unsatisfied' || body.reason !== undefined, {
      path: ['reason'],
      message: 'Say why the enterprise is unhappy: not_resolved or not_understood',
    }),
  );
export const coReportBody = z.strictObject({ text: text(4000) });
export const returnDecisionBody = z.strictObject({ accept: z.boolean(), reason: note });
export const duplicateOfBody = z.strictObject({ issueId: id });
const emptyBody = z._default(z.strictObject({}), {});

export const caseRoutes = {
  escalateIssue: caseTransition(
    'escalate',
    'escalate',
    'Escalate: start the workflow, assigned to a unit or awaiting dispatch',
    escalateBody,
  ),
  dispatchIssue: caseTransition(
    'dispatch',
    'dispatch',
    'Dispatch to a unit (first dispatch or after a return)',
    dispatchBody,
  ),
  signFor: caseTransition('sign_for', 'sign-for', 'Sign for the assignment (签收)', emptyBody),
  reportCoPart: caseTransition(
    'co_report',
    'co-reports',
    'A co-handling unit reports its part (协办)',
    coReportBody,
  ),
  decideReturn: caseTransition(
    'decide_return',
    'return-decision',
    'Decide a return request: accept (awaiting dispatch) or reject (the unit keeps it, deadline unchanged)',
    returnDecisionBody,
  ),
  recordFollowUp: caseTransition(
    'follow_up',
    'follow-ups',
    'Record a follow-up attempt (回访); reached with a verdict, it records the verdict for the enterprise',
    followUpBody,
  ),
  closeNoResponse: caseTransition(
    'close_unreached',
    'close-no-response',
    'Close as no_response after the policy’s unsuccessful follow-ups on different working days, or the deadline',
    emptyBody,
  ),
  markDuplicate: caseTransition(
    'mark_duplicate',
    'duplicate-of',
    'Close as a duplicate of another issue (counted once)',
    duplicateOfBody,
  ),
};
