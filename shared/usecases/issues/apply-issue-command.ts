import { programDateOf } from '../../domain/calendar';
import { Conflict, InvalidTransition, NotFound } from '../../domain/errors';
import { nowIso } from '../../domain/ids';
import type { IssueCommand } from '../../domain/issues/commands';
import type { Actor, Issue, WorkflowDelivery } from '../../domain/issues/issue';
import { decide, type Transition, TransitionRefused } from '../../domain/issues/lifecycle';
import { transitionMetrics } from '../../domain/issues/transition-metrics';
import { putMetrics } from '../../observability/metrics';
import {
  commitTransition,
  findIssue,
  StaleIssueError,
  type StoredIssue,
  type TransactItem,
} from '../../repositories/issues';
import { programCalendar } from '../calendar/program-calendar';
import { issuePolicy } from './issue-policy';

const ATTEMPTS = 3;

export interface ApplyIssueCommand {
  issueId: string;
  actor: Actor;
  command: IssueCommand;
  /** Scope and role rules for this caller on this issue; throws notFound / forbidden. */
  authorize?: (issue: Issue) => void | Promise<void>;
  /** Writes that belong to the same change (e.g. a dispatch order line), given the transition. */
  extraItems?: (transition: Transition, stored: StoredIssue) => TransactItem[] | Promise<TransactItem[]>;
  /** When the caller names a time (jobs run for an `asOf`), else now. */
  at?: string;
  /** The issue as the caller just read it (strongly consistent), decided on first instead of reading it again. */
  read?: StoredIssue;
}

/**
 * Tells the issue's workflow about a human decision: the decision is appended to the issue's signals
 * in the same transaction. If the execution is already waiting for exactly that decision, its wait is
 * taken off the issue and its answer put in `workflow.delivery` (the outbox), still in that
 * transaction; the table's stream hands it to the delivery function, which sends it. If it is not
 * waiting yet, it finds the decision when it registers its wait (see registerWait), so a decision can
 * never be lost to that race, nor to Step Functions being unreachable after the commit.
 */
const withSignal = (stored: StoredIssue, transition: Transition): Transition => {
  const workflow = stored.issue.workflow;
  if (!transition.signal || !workflow) return transition;
  const signals = [...workflow.signals, transition.signal];
  const output = { seq: signals.length, kind: transition.signal };
  const waiting = workflow.wait?.seq === output.seq ? workflow.wait : undefined;
  // An earlier answer not yet cleared was sent already (its wait is gone): the new one replaces it.
  const delivery: WorkflowDelivery | undefined = waiting
    ? { token: waiting.token, output, queuedAt: nowIso() }
    : workflow.delivery;
  const nextWorkflow = {
    ...(transition.next.workflow ?? workflow),
    signals,
    wait: waiting ? undefined : workflow.wait,
    delivery,
  };
  return { ...transition, next: { ...transition.next, workflow: nextWorkflow } };
};

/**
 * The main course of every change to an existing issue: read it, check the caller may act, decide the
 * transition (409 INVALID_TRANSITION when the status does not allow it), commit it with its ledger
 * entry, counters and any answer for the workflow (the outbox) in one transaction. A concurrent change makes the
 * commit fail as a whole; we then re-read and decide again, so of concurrent decisions exactly one
 * wins and the others meet the new status.
 */
export const applyIssueCommand = async (request: ApplyIssueCommand): Promise<Issue> => {
  for (let attempt = 1; ; attempt++) {
    const stored = attempt === 1 && request.read ? request.read : await findIssue(request.issueId);
    if (!stored) throw new NotFound('The issue');
    await request.authorize?.(stored.issue);
    const at = request.at ?? nowIso();
    let decided: Transition;
    try {
      decided = decide(
        stored.issue,
        request.command,
        { today: programDateOf(at), actor: request.actor, at },
        await programCalendar(),
        issuePolicy,
      );
    } catch (error) {
      if (error instanceof TransitionRefused) throw new InvalidTransition(error.message);
      throw error;
    }
    const transition = withSignal(stored, decided);
    try {
      const committed = await commitTransition(stored, transition, {
        actor: request.actor,
        at,
        extraItems: await request.extraItems?.(transition, stored),
      });
      for (const { name, dimension } of transitionMetrics(transition)) {
        putMetrics({ values: { [name]: 1 }, dimension });
      }
      return committed;
    } catch (error) {
      if (!(error instanceof StaleIssueError)) throw error;
      if (attempt >= ATTEMPTS)
        throw new Conflict('CONCURRENT_UPDATE', 'The issue is changing right now; retry.');
    }
  }
};
