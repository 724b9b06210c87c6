import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  consultationCounts,
  consultationFigures,
  type IssueOutcome,
  resolvedNow,
} from '../../../shared/domain/consultation-figures';

const outcomes: Record<string, IssueOutcome> = {
  closedSatisfied: { status: 'closed', closure: 'satisfied' },
  closedNoResponse: { status: 'closed', closure: 'no_response' },
  closedDuplicate: { status: 'closed', closure: 'duplicate' },
  awaitingVerdict: { status: 'awaiting_feedback' },
  assigned: { status: 'assigned' },
  backOnAgenda: { status: 'awaiting_consultation' },
};

describe('resolvedNow', () => {
  it('is a resolution given or a closure other than as a duplicate', () => {
    expect(
      Object.entries(outcomes)
        .filter(([, outcome]) => resolvedNow(outcome))
        .map(([name]) => name),
    ).toEqual(['closedSatisfied', 'closedNoResponse', 'awaitingVerdict']);
  });
});

describe('consultationCounts', () => {
  it('counts the agenda as heard and the order lines as decided', () => {
    expect(consultationCounts({ agendaIssueIds: ['a', 'b', 'c'], decidedIssueIds: ['b'] })).toEqual({
      issuesHeard: 3,
      issuesDecided: 1,
    });
  });
});

describe('consultationFigures', () => {
  it('counts an issue decided at two consultations twice as decided, once as resolved', () => {
    const figures = consultationFigures(
      [
        { agendaIssueIds: ['a', 'b', 'c'], decidedIssueIds: ['a', 'b'] },
        { agendaIssueIds: ['a', 'd'], decidedIssueIds: ['a', 'd'] },
        { agendaIssueIds: [], decidedIssueIds: [] },
      ],
      (issueId) =>
        ({ a: outcomes.closedSatisfied, b: outcomes.assigned, d: outcomes.closedDuplicate })[issueId],
    );
    expect(figures).toEqual({ held: 3, issuesHeard: 5, issuesDecided: 4, resolvedSince: 1 });
  });

  it('never counts an issue it cannot find as resolved', () => {
    expect(
      consultationFigures([{ agendaIssueIds: ['gone'], decidedIssueIds: ['gone'] }], () => undefined)
        .resolvedSince,
    ).toBe(0);
  });

  it('adds up over consultations and never resolves more issues than were decided', () => {
    const issueId = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
    const consultation = fc.record({
      agendaIssueIds: fc.uniqueArray(issueId),
      decidedIssueIds: fc.uniqueArray(issueId),
    });
    fc.assert(
      fc.property(
        fc.array(consultation, { maxLength: 8 }),
        fc.dictionary(issueId, fc.constantFrom(...Object.values(outcomes))),
        (consultations, now) => {
          const figures = consultationFigures(consultations, (id) => now[id]);
          const split = consultations.length > 0 ? Math.floor(consultations.length / 2) : 0;
          const left = consultationFigures(consultations.slice(0, split), (id) => now[id]);
          const right = consultationFigures(consultations.slice(split), (id) => now[id]);
          expect(figures.held).toBe(consultations.length);
          expect(figures.issuesHeard).toBe(left.issuesHeard + right.issuesHeard);
          expect(figures.issuesDecided).toBe(left.issuesDecided + right.issuesDecided);
          const decided = new Set(consultations.flatMap((c) => c.decidedIssueIds));
          expect(figures.resolvedSince).toBeLessThanOrEqual(decided.size);
          expect(figures.resolvedSince).toBe(
            [...decided].filter((id) => now[id] !== undefined && resolvedNow(now[id])).length,
          );
        },
      ),
    );
  });
});
