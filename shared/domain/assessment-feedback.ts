/**
 * The enterprise feedback figures of an assessment, composed from the residency's own records: the
 * service log (entries and funds), the enterprise's evaluation(s) (averages to two decimals; null
 * when there is none) and the issues the cadre coordinated (see listResidentIssues for the rule).
 */
export const MAX_LISTED_ISSUES = 100;

export interface EnterpriseFeedback {
  serviceEntries: number;
  fundsFen: number;
  evaluations: number;
  averageFitScore: number | null;
  averageServiceScore: number | null;
  issuesCoordinated: { count: number; closed: number; satisfied: number; issueIds: string[] };
}

const average = (values: readonly number[]): number | null =>
  values.length === 0
    ? null
    : Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 100) / 100;

export const composeEnterpriseFeedback = (input: {
  services: readonly { fundsFen?: number }[];
  evaluations: readonly { fitScore: number; serviceScore: number }[];
  issues: readonly { id: string; status: string; closure?: string }[];
}): EnterpriseFeedback => ({
  serviceEntries: input.services.length,
  fundsFen: input.services.reduce((sum, entry) => sum + (entry.fundsFen ?? 0), 0),
  evaluations: input.evaluations.length,
  averageFitScore: average(input.evaluations.map((evaluation) => evaluation.fitScore)),
  averageServiceScore: average(input.evaluations.map((evaluation) => evaluation.serviceScore)),
  issuesCoordinated: {
    count: input.issues.length,
    closed: input.issues.filter((issue) => issue.status === 'closed').length,
    satisfied: input.issues.filter((issue) => issue.closure === 'satisfied').length,
    issueIds: input.issues.slice(0, MAX_LISTED_ISSUES).map((issue) => issue.id),
  },
});
