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
