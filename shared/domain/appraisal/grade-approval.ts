import { InvalidTransition } from '../errors';

/**
 * The path of a cadre's annual appraisal grade (年度考核等次). Most grades are final when the unit
 * records them. For city-managed section-level leading cadres (市管科级领导干部) the seed has the grade
 * "征求分管经济工作的市领导意见后报市委审定": the responsible city leader gives an opinion, then the
 * Party committee approves (and may set another grade). Each step is recorded once, in order.
 */
export const APPRAISAL_GRADES = ['excellent', 'competent', 'basically_competent', 'incompetent'] as const;
export type AppraisalGrade = (typeof APPRAISAL_GRADES)[number];

export const GRADE_STATUSES = [
  'final',
  'awaiting_leader_opinion',
  'awaiting_committee_approval',
  'approved',
] as const;
export type GradeStatus = (typeof GRADE_STATUSES)[number];

/** Which excellent list the cadre competes in (docs/appraisal.md): seconded cadres are listed separately. */
export type ExcellentList = 'ordinary' | 'seconded';

export const initialGradeStatus = (cityManagedSectionLevel: boolean): GradeStatus =>
  cityManagedSectionLevel ? 'awaiting_leader_opinion' : 'final';

/** The leader's opinion is the first of the two steps: only a grade that awaits it takes one. */
export const assertAwaitsLeaderOpinion = (status: GradeStatus): void => {
  if (status !== 'awaiting_leader_opinion') {
    throw new InvalidTransition(
      status === 'final'
        ? 'This grade is final: only city-managed section-level cadres go to a city leader.'
        : 'The city leader has already given an opinion on this grade.',
    );
  }
};

/** The Party committee approves after the leader's opinion, once. */
export const assertAwaitsCommitteeApproval = (status: GradeStatus): void => {
  if (status !== 'awaiting_committee_approval') {
    throw new InvalidTransition(
      status === 'awaiting_leader_opinion'
        ? "The Party committee approves after the city leader's opinion."
        : 'This grade is not awaiting the Party committee.',
    );
  }
};

/**
 * How a change of grade moves a list's excellent count: +1 when it becomes excellent, -1 when it
 * stops being excellent, 0 otherwise. The +1 is the one that must fit the quota.
 */
export const excellentCountChange = (from: AppraisalGrade | undefined, to: AppraisalGrade): -1 | 0 | 1 => {
  const was = from === 'excellent';
  const is = to === 'excellent';
  if (was === is) return 0;
  return is ? 1 : -1;
};
