import {
  type CalendarDate,
  type CalendarReadiness,
  calendarReadiness,
  type WorkingCalendar,
} from '../../domain/calendar';
import { nowIso } from '../../domain/ids';
import type { Issue } from '../../domain/issues/issue';
import {
  dueSoonWindow,
  needsDueSoonCard,
  needsSignForFlag,
  noResponseDecision,
  outboxToRequeue,
  overdueDecision,
  sweepInstant,
} from '../../domain/issues/sweep-rules';
import { logger } from '../../observability/logger';
import { countDailyClose, type DailyClose, dailyCloseCountItem } from '../../repositories/daily-close';
import { requeueOutbox } from '../../repositories/issue-workflow';
import {
  allAwaitingConsultation,
  allAwaitingDispatch,
  allAwaitingFeedback,
  allOpenAssignments,
} from '../../repositories/work-queues';
import { STREAM_RECORD_MAX_AGE_SECONDS } from '../../streams/stream-retries';
import { programCalendar } from '../calendar/program-calendar';
import { issuePolicy } from '../issues/issue-policy';
import type { JobRun } from './job-run';
import { applySweepCommand, signalWait } from './sweep-actions';

export interface DailySweepRun extends JobRun {
  job: 'daily-sweep';
  overdue: { examined: number; signalled: number; newlyOverdue: number; toConsultation: number };
  dueSoon: { examined: number; cardsShown: number };
  signFor: { examined: number; flaggedLate: number };
  noResponse: { examined: number; signalled: number; closed: number };
  /** Outbox entries (execution starts, wait answers) handed to the delivery function again. */
  outbox: { requeued: number };
  /** The years the calendar holds; asOf's year if missing; from 1 November, next year if missing. */
  calendar: CalendarReadiness;
  /** Steps left out because they count working days in a year the calendar lacks (a re-run does them). */
  skipped: SkippedStep[];
  /** The day's close record after this run: what the sweep did on that day over all its runs. */
  day: DailyClose;
}

export interface SkippedStep {
  step: 'overdue' | 'due_soon';
  reason: 'CALENDAR_YEAR_MISSING';
  year: number;
}

/** The steps that count working days: without asOf's year in the calendar they cannot decide anything. */
const WORKING_DAY_STEPS = ['overdue', 'due_soon'] as const;

interface Sweep {
  asOf: CalendarDate;
  /** The instant the sweep's transitions are recorded at (start of asOf, program time). */
  at: string;
  startedAt: string;
  calendar: WorkingCalendar;
  run: Omit<DailySweepRun, 'day' | 'calendar' | 'skipped'>;
}

/** One issue's step; a failure is recorded and the sweep goes on (a re-run retries it). */
const attempt = async (sweep: Sweep, issue: Issue, step: string, work: () => Promise<void>) => {
  try {
    await work();
  } catch (error) {
    logger.error('daily sweep step failed', { issueId: issue.id, step, error: error as Error });
    sweep.run.failures.push({ recordId: issue.id, step, error: (error as Error).name });
  }
};

/** (a) An overdue assignment whose supervision level is behind gets one `Overdue` signal. */
const superviseOverdue = async (sweep: Sweep, issue: Issue) => {
  const tally = sweep.run.overdue;
  tally.examined++;
  await attempt(sweep, issue, 'overdue', async () => {
    const decision = overdueDecision(issue, sweep.asOf, sweep.calendar, issuePolicy);
    if (decision.action !== 'signal') return;
    const { workingDaysOverdue, targetLevel } = decision;
    const toConsultation = targetLevel > issuePolicy.supervisionLimit;
    const sent = await signalWait(
      issue.id,
      decision.wait,
      'Overdue',
      { at: sweep.at, workingDaysOverdue, supervisionLevel: targetLevel },
      {
        ...sweep,
        count: {
          overdueSignals: 1,
          newlyOverdue: decision.newlyOverdue ? 1 : 0,
          overdueToConsultation: toConsultation ? 1 : 0,
        },
      },
    );
    if (!sent) return;
    tally.signalled++;
    if (decision.newlyOverdue) tally.newlyOverdue++;
    if (toConsultation) tally.toConsultation++;
  });
};

/** (b) An assignment due within the due-soon window gets a blue card, once. */
const showDueSoonCard = async (sweep: Sweep, issue: Issue) => {
  const tally = sweep.run.dueSoon;
  tally.examined++;
  if (!needsDueSoonCard(issue, sweep.asOf, sweep.calendar, issuePolicy)) return;
  await attempt(sweep, issue, 'due_soon', async () => {
    const shown = await applySweepCommand(
      issue.id,
      { type: 'mark_due_soon' },
      { ...sweep, count: { dueSoonCards: 1 } },
    );
    if (shown) tally.cardsShown++;
  });
};

/** (b2) An assignment not signed for (签收) within its window is flagged, once. */
const flagUnsignedAssignment = async (sweep: Sweep, issue: Issue) => {
  const tally = sweep.run.signFor;
  tally.examined++;
  if (!needsSignForFlag(issue, sweep.asOf)) return;
  await attempt(sweep, issue, 'sign_for_late', async () => {
    const flagged = await applySweepCommand(
      issue.id,
      { type: 'flag_sign_for_late' },
      { ...sweep, count: { signForLateFlags: 1 } },
    );
    if (flagged) tally.flaggedLate++;
  });
};

/** (c) No verdict by the follow-up deadline: workflows get `NoResponse`, on-the-spot issues close here. */
const followUpNoResponse = async (sweep: Sweep, issue: Issue) => {
  const tally = sweep.run.noResponse;
  tally.examined++;
  await attempt(sweep, issue, 'no_response', async () => {
    const decision = noResponseDecision(issue, sweep.asOf);
    if (decision.action === 'signal') {
      const sent = await signalWait(
        issue.id,
        decision.wait,
        'NoResponse',
        { at: sweep.at, followUpDeadline: issue.followUpDeadline },
        { ...sweep, count: { noResponseSignals: 1 } },
      );
      if (!sent) return;
      tally.signalled++;
    } else if (decision.action === 'close') {
      const closed = await applySweepCommand(
        issue.id,
        { type: 'close_no_response' },
        { ...sweep, count: { noResponseClosures: 1 } },
      );
      if (closed) tally.closed++;
    }
  });
};

/**
 * (e) An outbox entry still undelivered when the sweep reads it, older than the stream's retries last
 * (Step Functions was unreachable for longer), is handed to the stream again. A younger one may be in
 * flight right now and is left to the stream, so no entry is sent twice (a run that overlaps another's
 * signals would otherwise hand them all over again).
 */
const requeueUndelivered = async (sweep: Sweep, issue: Issue) => {
  const requeue = outboxToRequeue(issue, sweep.startedAt, STREAM_RECORD_MAX_AGE_SECONDS);
  if (!requeue) return;
  await attempt(sweep, issue, 'requeue_outbox', async () => {
    const counted = dailyCloseCountItem(sweep.asOf, { outboxRequeued: 1 }, sweep.startedAt);
    if (!(await requeueOutbox(issue.id, requeue, [counted]))) return;
    sweep.run.outbox.requeued++;
  });
};

/**
 * The sweep's steps in one read of each work queue (the steps' date ranges are compared here, not
 * queried apart): open assignments, awaiting feedback, then the two unsharded queues, which only
 * the outbox step looks at. An issue's outbox is requeued before its other steps, so an answer this
 * run enqueues is not handed over twice.
 */
const sweepQueues = async (sweep: Sweep, workingDays: boolean) => {
  const dueSoon = workingDays
    ? dueSoonWindow(sweep.asOf, sweep.calendar, issuePolicy.dueSoonWorkingDays)
    : undefined;
  for await (const issue of allOpenAssignments()) {
    await requeueUndelivered(sweep, issue);
    const dueDate = issue.assignment?.dueDate;
    if (workingDays && dueDate !== undefined && dueDate < sweep.asOf) await superviseOverdue(sweep, issue);
    if (dueSoon && dueDate !== undefined && dueDate >= dueSoon.from && dueDate <= dueSoon.through)
      await showDueSoonCard(sweep, issue);
    // The sign-for date was fixed at assignment; comparing it with asOf needs no calendar.
    await flagUnsignedAssignment(sweep, issue);
  }
  for await (const issue of allAwaitingFeedback()) {
    await requeueUndelivered(sweep, issue);
    if (issue.followUpDeadline !== undefined && issue.followUpDeadline < sweep.asOf)
      await followUpNoResponse(sweep, issue);
  }
  for await (const issue of allAwaitingDispatch()) await requeueUndelivered(sweep, issue);
  for await (const issue of allAwaitingConsultation()) await requeueUndelivered(sweep, issue);
};

/**
 * The daily sweep (每日销结) for one program date: (a) overdue assignments get their supervision
 * signal, (b) assignments due soon get a blue card, (b2) assignments unsigned past their sign-for
 * window are flagged, (c) follow-ups past their deadline are closed as
 * no response, (d) the day's close record counts what was done, and (e) outbox entries whose
 * delivery gave up are handed to the stream again. Every action is conditional on
 * the state it changes, so running it again for the same date does nothing new: catch-up and
 * re-runs are safe. Each work queue (a sparse index) is read once, shard by shard, one issue at a
 * time, so the day record's counters never race each other within a run.
 *
 * When asOf's year is not in the calendar, (a) and (b), which count working days, are skipped and
 * reported; the rest is done (docs/runbook.md, "Calendar year missing"). From 1 November the run
 * also reports next year missing, so the notice is loaded before the year turns.
 */
export const runDailySweep = async (asOf: CalendarDate): Promise<DailySweepRun> => {
  const calendar = await programCalendar();
  const readiness = calendarReadiness(asOf, calendar.years);
  const sweep: Sweep = {
    asOf,
    at: sweepInstant(asOf),
    startedAt: nowIso(),
    calendar,
    run: {
      job: 'daily-sweep',
      asOf,
      overdue: { examined: 0, signalled: 0, newlyOverdue: 0, toConsultation: 0 },
      dueSoon: { examined: 0, cardsShown: 0 },
      signFor: { examined: 0, flaggedLate: 0 },
      noResponse: { examined: 0, signalled: 0, closed: 0 },
      outbox: { requeued: 0 },
      failures: [],
    },
  };
  const skipped: SkippedStep[] =
    readiness.missingYear === undefined
      ? []
      : WORKING_DAY_STEPS.map((step) => ({
          step,
          reason: 'CALENDAR_YEAR_MISSING',
          year: readiness.missingYear as number,
        }));
  if (skipped.length > 0) {
    logger.error('daily sweep skipped the working-day steps', { missingYear: readiness.missingYear });
  }
  if (readiness.nextYearMissing !== undefined) {
    logger.warn('next year’s holiday arrangement is not loaded', { year: readiness.nextYearMissing });
  }
  await sweepQueues(sweep, skipped.length === 0);
  // Adding nothing still creates a quiet day's record, so the operator sees the sweep ran.
  const day: DailyClose = await countDailyClose(asOf, {}, sweep.startedAt);
  const { overdue, dueSoon, noResponse, outbox } = sweep.run;
  return {
    ...sweep.run,
    calendar: readiness,
    skipped,
    day,
    metrics: {
      OverdueAssignments: overdue.examined,
      NewlyOverdue: overdue.newlyOverdue,
      OverdueSignals: overdue.signalled,
      OverdueToConsultation: overdue.toConsultation,
      DueSoonCards: dueSoon.cardsShown,
      NoResponseSignals: noResponse.signalled,
      NoResponseClosures: noResponse.closed,
      OutboxRequeued: outbox.requeued,
      CalendarYearMissing: readiness.missingYear === undefined ? 0 : 1,
      NextCalendarYearMissing: readiness.nextYearMissing === undefined ? 0 : 1,
    },
  };
};
