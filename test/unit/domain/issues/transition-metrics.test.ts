import { describe, expect, it } from 'vitest';
import type { Issue } from '../../../../shared/domain/issues/issue';
import { transitionMetrics } from '../../../../shared/domain/issues/transition-metrics';

const next = (changes: Partial<Issue> = {}) => ({ status: 'closed', ...changes }) as Issue;

describe('transitionMetrics', () => {
  it('counts a closure by its closure type', () => {
    expect(transitionMetrics({ action: 'closed', next: next({ closure: 'no_response' }) })).toEqual([
      { name: 'IssuesClosed', dimension: { ClosureType: 'no_response' } },
    ]);
  });

  it.each([
    ['escalated', 'IssuesEscalated'],
    ['resolved', 'IssuesResolved'],
    ['resolved_on_spot', 'IssuesResolved'],
    ['supervised', 'IssuesSupervised'],
    ['put_on_consultation_agenda', 'IssuesSentToConsultation'],
    ['workflow_failed', 'IssueWorkflowsFailed'],
  ])('counts %s as %s', (action, name) => {
    expect(transitionMetrics({ action, next: next() })).toEqual([{ name }]);
  });

  it('counts nothing for bookkeeping actions', () => {
    expect(transitionMetrics({ action: 'progress_reported', next: next() })).toEqual([]);
    expect(transitionMetrics({ action: 'due_soon_marked', next: next() })).toEqual([]);
  });
});
