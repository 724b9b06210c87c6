/**
 * What a consultation heard and decided, and what became of it: the figures of the consultation list
 * and of `/stats` (docs/consultations.md). Derived from the records when read, never counted on the
 * side, so they always equal a recount.
 */
export interface ConsultationFacts {
  /** The issues on its agenda. */
  agendaIssueIds: readonly string[];
  /** The issues it decided: one line of its dispatch order each. */
  decidedIssueIds: readonly string[];
}

/** An issue as far as "resolved since" asks: where it is now, and how it closed. */
export interface IssueOutcome {
  status: string;
  closure?: string;
}

export const consultationCounts = (consultation: ConsultationFacts) => ({
  issuesHeard: consultation.agendaIssueIds.length,
  issuesDecided: consultation.decidedIssueIds.length,
});

/**
 * Resolved since its decision: closed on a verdict or without an answer, or resolved and waiting for
 * the enterprise's verdict. A duplicate closed into another issue was not resolved by this decision.
 */
export const resolvedNow = (issue: IssueOutcome): boolean =>
  issue.status === 'awaiting_feedback' || (issue.status === 'closed' && issue.closure !== 'duplicate');

export interface ConsultationFigures {
  held: number;
  issuesHeard: number;
  issuesDecided: number;
  /** Distinct issues decided at these consultations that are resolved now (an issue decided twice counts once). */
  resolvedSince: number;
}

/** The figures of the consultations of a period, given where each decided issue is now. */
export const consultationFigures = (
  consultations: readonly ConsultationFacts[],
  outcomeOf: (issueId: string) => IssueOutcome | undefined,
): ConsultationFigures => {
  const decided = new Set(consultations.flatMap((consultation) => consultation.decidedIssueIds));
  const resolved = [...decided].filter((issueId) => {
    const outcome = outcomeOf(issueId);
    return outcome !== undefined && resolvedNow(outcome);
  });
  return {
    held: consultations.length,
    issuesHeard: consultations.reduce((sum, c) => sum + consultationCounts(c).issuesHeard, 0),
    issuesDecided: consultations.reduce((sum, c) => sum + consultationCounts(c).issuesDecided, 0),
    resolvedSince: resolved.length,
  };
};
