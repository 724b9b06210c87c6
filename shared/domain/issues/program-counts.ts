import type { ProgramCounter, ProgramCounts } from '../program-stats';
import { type Closure, UNHAPPY_REASONS, type UnhappyReason, VERDICTS, type Verdict } from './issue';
import type { Transition } from './lifecycle';

const VERDICT_COUNTERS: Record<Verdict, ProgramCounter> = {
  satisfied: 'verdictsSatisfied',
  basically_satisfied: 'verdictsBasicallySatisfied',
  unsatisfied: 'verdictsUnsatisfied',
};

const CLOSURE_COUNTERS: Record<Exclude<Closure, 'duplicate'>, ProgramCounter> = {
  satisfied: 'closedSatisfied',
  basically_satisfied: 'closedBasicallySatisfied',
  no_response: 'closedNoResponse',
};

const UNHAPPY_COUNTERS: Record<UnhappyReason, ProgramCounter> = {
  not_resolved: 'verdictsUnsatisfiedNotResolved',
  not_understood: 'verdictsUnsatisfiedNotUnderstood',
};

const isVerdict = (value: unknown): value is Verdict => VERDICTS.includes(value as Verdict);
const isUnhappyReason = (value: unknown): value is UnhappyReason =>
  UNHAPPY_REASONS.includes(value as UnhappyReason);

/**
 * What one issue transition adds to the program's day figures (`GET /stats`), derived from the
 * transition alone so that the figures agree with the ledger entry written beside them:
 * - a resolution (`resolved`, `resolved_on_spot`) counts in `issuesResolved` — every resolution, so an
 *   issue re-worked after an unsatisfied verdict counts again when it is resolved again;
 * - an enterprise verdict counts in `verdicts<Verdict>` whatever follows it (close-out, re-review or
 *   the consultation agenda);
 *   and an unhappy one also by its reason (不满意 `not_resolved`, 不理解 `not_understood`);
 * - reaching `closed` counts in `issuesClosed` and in `closed<Closure>`, except a duplicate: it counts
 *   in `issuesDuplicate` only, so the issue it duplicates is the one counted.
 * Raising is not a transition: the raising transaction counts `issuesRaised` itself.
 */
export const programCountsOf = (
  transition: Pick<Transition, 'action' | 'fromStatus' | 'toStatus' | 'data' | 'next'>,
): Partial<ProgramCounts> => {
  const counts: Partial<ProgramCounts> = {};
  if (transition.action === 'resolved' || transition.action === 'resolved_on_spot') {
    counts.issuesResolved = 1;
  }
  if (isVerdict(transition.data.verdict)) counts[VERDICT_COUNTERS[transition.data.verdict]] = 1;
  if (transition.data.verdict === 'unsatisfied' && isUnhappyReason(transition.data.reason)) {
    counts[UNHAPPY_COUNTERS[transition.data.reason]] = 1;
  }
  if (transition.next.closure === 'duplicate' && transition.fromStatus !== 'closed') {
    counts.issuesDuplicate = 1;
    return counts;
  }
  if (transition.toStatus === 'closed' && transition.fromStatus !== 'closed') {
    counts.issuesClosed = 1;
    const closure = transition.next.closure;
    if (closure && closure !== 'duplicate') counts[CLOSURE_COUNTERS[closure]] = 1;
  }
  return counts;
};
