import * as z from 'zod/mini';
import { defineRoute } from '../http/contract';
import { MAX_CO_UNITS } from './co-units';
import { id, isoDate, recordMeta, text } from './common';
import { distinctList } from './distinct-list';
import { dueWorkingDays, issueRecord } from './issue-record';
import { notEmptyPatch } from './not-empty-patch';

/** The round-table is chaired by city leaders and run by the service centre. */
export const CONSULTATION_READERS = ['leader', 'operator', 'admin'] as const;
export const CONSULTATION_ORGANISERS = ['operator', 'admin'] as const;
export const CONSULTATION_DECIDERS = ['leader', 'admin'] as const;
/** Departments read the orders naming their unit; the use case narrows them. */
export const DISPATCH_ORDER_READERS = ['leader', 'operator', 'admin', 'department'] as const;

export const createConsultationBody = z.strictObject({ date: isoDate });
export type CreateConsultationBody = z.output<typeof createConsultationBody>;

export const consultationRecord = z.object({
  ...recordMeta,
  date: z.string(),
  /** Every issue awaiting consultation when the consultation was created. */
  agendaIssueIds: z.array(z.string()),
  /**
   * Of the agenda, the assigned issues the agenda job added because they carry a red card (overdue at
   * the supervision limit): put before the round-table for supervision, decided only once they await
   * consultation. Absent on consultations called by hand.
   */
  redCardIssueIds: z.optional(z.array(z.string())),
  /** The record of the meeting (docs/consultations.md): null and empty until the office writes it. */
  chair: z.nullable(z.string()),
  attendees: z.object({ leaders: z.array(z.string()), unitIds: z.array(z.string()) }),
  minutes: z.nullable(z.string()),
});
export type Consultation = z.output<typeof consultationRecord>;

/** Leaders by name and title as the minutes write them (there is no registry of leaders); units by id. */
export const MAX_ATTENDING_LEADERS = 30;
export const MAX_ATTENDING_UNITS = 100;

/** The office records who chaired and attended and the minutes; decisions are taken by their own route. */
export const updateConsultationBody = z
  .strictObject({
    chair: z.optional(text(100)),
    attendees: z.optional(
      z.strictObject({
        leaders: distinctList(text(100), MAX_ATTENDING_LEADERS, 'Leaders'),
        unitIds: distinctList(id, MAX_ATTENDING_UNITS, 'Units'),
      }),
    ),
    minutes: z.optional(text(20_000)),
  })
  .check(notEmptyPatch);
export type UpdateConsultationBody = z.output<typeof updateConsultationBody>;

export { MAX_CO_UNITS } from './co-units';

export const decisionBody = z
  .strictObject({
    issueId: id,
    leadUnitId: id,
    coUnitIds: z._default(distinctList(id, MAX_CO_UNITS, 'Co-units'), []),
    dueWorkingDays,
    note: text(2000),
  })
  .check(
    z.refine((decision) => !decision.coUnitIds.includes(decision.leadUnitId), {
      path: ['coUnitIds'],
      message: 'The lead unit is not also a co-unit',
    }),
  );
export type DecisionBody = z.output<typeof decisionBody>;

export const dispatchOrderItem = z.object({
  issueId: z.string(),
  leadUnitId: z.string(),
  coUnitIds: z.array(z.string()),
  dueDate: z.string(),
  note: z.string(),
});

export const dispatchOrderRecord = z.object({
  ...recordMeta,
  number: z.string(),
  /** A consultation's decisions, or the office's escalations and re-dispatches of one program day. */
  kind: z.enum(['consultation', 'office']),
  consultationId: z.nullable(z.string()),
  /** The program day of an office order. */
  date: z.nullable(z.string()),
  items: z.array(dispatchOrderItem),
});

export const consultationParams = z.strictObject({ consultationId: id });

export const consultationRoutes = {
  createConsultation: defineRoute({
    method: 'POST',
    path: '/consultations',
    area: 'consultations',
    summary: 'Call a half-monthly consultation: its agenda is every issue awaiting consultation now',
    roles: CONSULTATION_ORGANISERS,
    body: createConsultationBody,
    response: consultationRecord,
    successStatus: 201,
    idempotency: 'optional',
  }),
  decide: defineRoute({
    method: 'POST',
    path: '/consultations/{consultationId}/decisions',
    area: 'consultations',
    summary:
      "Decide an agenda issue: lead unit, co-units, due date, written into the consultation's dispatch order",
    roles: CONSULTATION_DECIDERS,
    params: consultationParams,
    body: decisionBody,
    response: z.object({ issue: issueRecord, dispatchOrder: dispatchOrderRecord }),
  }),
  updateConsultation: defineRoute({
    method: 'PATCH',
    path: '/consultations/{consultationId}',
    area: 'consultations',
    summary:
      "Record a consultation's chair, attendees (leaders and units) and minutes (If-Match: the version read)",
    roles: CONSULTATION_ORGANISERS,
    params: consultationParams,
    body: updateConsultationBody,
    response: consultationRecord,
    ifMatch: true,
  }),
};
