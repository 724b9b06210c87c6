/**
 * The program's headline figures (`GET /stats`), counted per program day by the writes that create
 * or change what they count, in the same transaction: a period's figures are a sum over its days, so
 * reading them never touches the records themselves.
 */
export const PROGRAM_COUNTERS = [
  // Issues, from their transitions (so they agree with the ledger).
  'issuesRaised',
  'issuesResolved',
  'issuesClosed',
  'closedSatisfied',
  'closedBasicallySatisfied',
  'closedNoResponse',
  'verdictsSatisfied',
  'verdictsBasicallySatisfied',
  'verdictsUnsatisfied',
  // The two reasons of an unhappy verdict (不满意, 不理解), and issues closed as duplicates.
  'verdictsUnsatisfiedNotResolved',
  'verdictsUnsatisfiedNotUnderstood',
  'issuesDuplicate',
  // Secondments (驻企挂职, 跟班学习), by start date.
  'residencies',
  'placements',
  'serviceEntries',
  'fundsFen',
  'evaluations',
  'evaluationsFitSatisfied',
  'evaluationsServiceSatisfied',
  // Field work, by visit date.
  'visits',
  'questionnaires',
  // Registries.
  'expertEngagements',
  'trainings',
  'trainingAttendances',
  'accountabilityCases',
  'promotions',
] as const;
export type ProgramCounter = (typeof PROGRAM_COUNTERS)[number];
export type ProgramCounts = Record<ProgramCounter, number>;

/**
 * Issues raised, broken down by category and by type (问题/建议): day counters named after what they
 * count (`raised@category:<code>`, `raised@type:<type>`), added by the raising transaction beside
 * `issuesRaised`. Categories are open-ended (any well-formed code), so these are not PROGRAM_COUNTERS.
 */
export type RaisedBreakdownKey = `raised@category:${string}` | `raised@type:${string}`;
export type RaisedBreakdown = Partial<Record<RaisedBreakdownKey, number>>;
const CATEGORY_KEY = 'raised@category:';
const TYPE_KEY = 'raised@type:';

/** Whether a stored day-counter attribute is one of the breakdown's. */
export const isRaisedBreakdownKey = (name: string): name is RaisedBreakdownKey =>
  name.startsWith(CATEGORY_KEY) || name.startsWith(TYPE_KEY);

/** What raising these issues adds to the breakdown (an issue without a type is a problem). */
export const raisedBreakdownOf = (
  issues: readonly { category: string; type?: string }[],
): RaisedBreakdown => {
  const adds: Record<string, number> = {};
  for (const { category, type } of issues) {
    for (const key of [`${CATEGORY_KEY}${category}`, `${TYPE_KEY}${type ?? 'problem'}`]) {
      adds[key] = (adds[key] ?? 0) + 1;
    }
  }
  return adds;
};

/** The breakdown as figures: raised per category (most first, then by code) and per type. */
export const raisedBreakdownFigures = (breakdown: RaisedBreakdown) => {
  const entries = Object.entries(breakdown) as [string, number][];
  const of = (prefix: string) =>
    entries
      .filter(([key, raised]) => key.startsWith(prefix) && raised !== 0)
      .map(([key, raised]) => [key.slice(prefix.length), raised] as const);
  return {
    byCategory: of(CATEGORY_KEY)
      .map(([category, raised]) => ({ category, raised }))
      .sort((a, b) => b.raised - a.raised || (a.category < b.category ? -1 : 1)),
    byType: {
      problem: 0,
      suggestion: 0,
      ...Object.fromEntries(of(TYPE_KEY)),
    },
  };
};
