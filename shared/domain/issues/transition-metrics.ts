import type { Transition } from './lifecycle';

/** A program metric a transition counts once: its name and, for closures, how the issue was closed. */
export interface TransitionMetric {
  name: string;
  dimension?: Record<string, string>;
}

/** Lifecycle actions the office follows on its dashboard, by the metric that counts them. */
const COUNTED_ACTIONS: Readonly<Record<string, string>> = {
  escalated: 'IssuesEscalated',
  resolved: 'IssuesResolved',
  resolved_on_spot: 'IssuesResolved',
  supervised: 'IssuesSupervised',
  put_on_consultation_agenda: 'IssuesSentToConsultation',
  re_review: 'IssuesReReviewed',
  workflow_failed: 'IssueWorkflowsFailed',
};

/**
 * What a committed transition adds to the program metrics (docs/operations.md): raising is counted
 * where issues are created, newly overdue by the daily sweep; everything else here. A closure is
 * counted by its closure type (satisfied, basically_satisfied, no_response).
 */
export const transitionMetrics = (transition: Pick<Transition, 'action' | 'next'>): TransitionMetric[] => {
  if (transition.action === 'closed') {
    return [{ name: 'IssuesClosed', dimension: { ClosureType: transition.next.closure ?? 'unknown' } }];
  }
  const name = COUNTED_ACTIONS[transition.action];
  return name ? [{ name }] : [];
};
