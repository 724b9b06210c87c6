import type { CalendarDate } from '../../domain/calendar';
import { Conflict } from '../../domain/errors';
import { newId, nowIso } from '../../domain/ids';
import { consultationDayOf } from '../../domain/rhythm/consultation-rhythm';
import { assignmentCard } from '../../domain/rhythm/inspection';
import { findConsultationIdByDate, insertConsultation } from '../../repositories/consultations';
import { listIssueIdsAwaitingConsultation } from '../../repositories/issue-lists';
import type { ConsultationRecord } from '../../repositories/records/consultations';
import { allOpenAssignments } from '../../repositories/work-queues';
import { programCalendar } from '../calendar/program-calendar';
import { issuePolicy } from '../issues/issue-policy';
import type { JobRun } from './job-run';

export interface ConsultationAgendaRun extends JobRun {
  job: 'consultation-agenda';
  /** Whether the fortnight holding asOf has a consultation (docs/jobs.md: the rhythm rule). */
  held: boolean;
  reason?: 'not_a_consultation_week' | 'no_working_day';
  /** The consultation's date: the first working day of the consultation week. */
  date?: CalendarDate;
  consultationId?: string;
  /** False when the consultation of that date existed already (an earlier run, or called by hand). */
  created: boolean;
  agenda?: { awaitingConsultation: number; redCards: number };
}

/** Assigned issues carrying a red card on `asOf`, read from the open-assignment queue. */
const redCardIssueIds = async (asOf: CalendarDate): Promise<string[]> => {
  const calendar = await programCalendar();
  const ids: string[] = [];
  for await (const issue of allOpenAssignments()) {
    if (issue.status !== 'assigned' || !issue.assignment) continue;
    if (assignmentCard(issue.assignment, asOf, calendar, issuePolicy) === 'red') ids.push(issue.id);
  }
  return ids.sort();
};

/**
 * The consultation agenda (半月会商): in a consultation week (every other week, see
 * `consultation-rhythm.ts`) it calls the fortnight's consultation for the week's first working day,
 * with every issue awaiting consultation plus every red-card issue on its agenda. Leaders read it at
 * `GET /consultations/{id}`, each issue with the history summary from its ledger. Idempotent per
 * fortnight: one consultation per date, so a re-run (or one called by hand for that date) finds it
 * and changes nothing.
 */
export const runConsultationAgenda = async (asOf: CalendarDate): Promise<ConsultationAgendaRun> => {
  const run: ConsultationAgendaRun = {
    job: 'consultation-agenda',
    asOf,
    held: false,
    created: false,
    failures: [],
  };
  const calendar = await programCalendar();
  const day = consultationDayOf(asOf, calendar);
  if (!day.held) return { ...run, reason: day.reason };
  const existing = await findConsultationIdByDate(day.date);
  if (existing) return { ...run, held: true, date: day.date, consultationId: existing };

  const [awaiting, red] = await Promise.all([listIssueIdsAwaitingConsultation(), redCardIssueIds(asOf)]);
  const waiting = new Set(awaiting);
  const redOnly = red.filter((id) => !waiting.has(id));
  const now = nowIso();
  const consultation: ConsultationRecord = {
    id: newId(),
    date: day.date,
    agendaIssueIds: [...awaiting, ...redOnly],
    redCardIssueIds: redOnly,
    dispatchOrderId: newId(),
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await insertConsultation(consultation);
  } catch (error) {
    if (!(error instanceof Conflict && error.code === 'CONSULTATION_DATE_TAKEN')) throw error;
    // Called at the same moment by another run or by hand: that one stands.
    return { ...run, held: true, date: day.date, consultationId: await findConsultationIdByDate(day.date) };
  }
  return {
    ...run,
    held: true,
    date: day.date,
    consultationId: consultation.id,
    created: true,
    agenda: { awaitingConsultation: awaiting.length, redCards: redOnly.length },
  };
};
