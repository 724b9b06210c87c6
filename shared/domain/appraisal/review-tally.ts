import { APPRAISAL_GRADES, type AppraisalGrade } from './grade-approval';

/**
 * Democratic review (民主评议) of a batch's resident cadres: cadre and public representatives
 * (干部群众代表) and enterprise representatives (企业代表) each hand in ballots that grade every
 * cadre of the batch. A cadre's tally counts the grades by voter group; the approval rate is the
 * share of excellent and competent grades, the usual 优秀率 + 称职率 reading of such a review.
 */
export const VOTER_GROUPS = ['cadres_public', 'enterprise'] as const;
export type VoterGroup = (typeof VOTER_GROUPS)[number];

export type GradeCounts = Record<AppraisalGrade, number>;

export interface ReviewTally {
  byGroup: Record<VoterGroup, GradeCounts>;
  total: GradeCounts;
  votes: number;
  /** (excellent + competent) / votes, to four decimals; null without votes. */
  approvalRate: number | null;
  /** excellent / votes, to four decimals; null without votes. */
  excellentRate: number | null;
}

export interface Vote {
  voterGroup: VoterGroup;
  grade: AppraisalGrade;
}

/** The stored counter of one group's grade: a flat attribute, so a ballot can ADD to it. */
export const tallyCounterName = (group: VoterGroup, grade: AppraisalGrade): string => `n_${group}_${grade}`;

const emptyCounts = (): GradeCounts =>
  Object.fromEntries(APPRAISAL_GRADES.map((grade) => [grade, 0])) as GradeCounts;

const rate = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;

const tallyOf = (count: (group: VoterGroup, grade: AppraisalGrade) => number): ReviewTally => {
  const byGroup = { cadres_public: emptyCounts(), enterprise: emptyCounts() };
  const total = emptyCounts();
  for (const group of VOTER_GROUPS) {
    for (const grade of APPRAISAL_GRADES) {
      const n = count(group, grade);
      byGroup[group][grade] = n;
      total[grade] += n;
    }
  }
  const votes = APPRAISAL_GRADES.reduce((sum, grade) => sum + total[grade], 0);
  return {
    byGroup,
    total,
    votes,
    approvalRate: rate(total.excellent + total.competent, votes),
    excellentRate: rate(total.excellent, votes),
  };
};

/** The tally a cadre's stored counters hold (absent counters are zero). */
export const tallyFromCounters = (counters: Readonly<Record<string, unknown>>): ReviewTally =>
  tallyOf((group, grade) => Number(counters[tallyCounterName(group, grade)] ?? 0));

/** The tally of a list of votes: what the counters must equal. */
export const tallyVotes = (votes: readonly Vote[]): ReviewTally =>
  tallyOf((group, grade) => votes.filter((vote) => vote.voterGroup === group && vote.grade === grade).length);
