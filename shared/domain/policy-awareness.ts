/**
 * Policy awareness (政策知晓率, the seed's "提高企业对政策的知晓率"): of the policies delivered to a
 * town's enterprises in a period, the share the enterprises acknowledged. Each delivery counts once
 * on its delivery date and its acknowledgement on the same date, so a period's rate never passes 1.
 */
export interface AwarenessCounts {
  delivered: number;
  acknowledged: number;
}

export interface Awareness extends AwarenessCounts {
  /** acknowledged / delivered, to four places; null with nothing delivered. */
  rate: number | null;
}

export const awarenessOf = ({ delivered, acknowledged }: AwarenessCounts): Awareness => ({
  delivered,
  acknowledged,
  rate: delivered === 0 ? null : Math.round((acknowledged / delivered) * 10_000) / 10_000,
});

export const sumAwareness = (counts: readonly AwarenessCounts[]): AwarenessCounts =>
  counts.reduce(
    (sum, count) => ({
      delivered: sum.delivered + count.delivered,
      acknowledged: sum.acknowledged + count.acknowledged,
    }),
    { delivered: 0, acknowledged: 0 },
  );

/**
 * The questionnaire's own measure, beside the acknowledgements: how visited enterprises answer the
 * question on knowing the policies (v1 q14 对各级惠企政策的了解程度). Per questionnaire version, the
 * question and the answers that count as knowing them (非常了解, 比较了解). A version without such
 * a question contributes nothing.
 */
const SURVEY_QUESTION: ReadonlyMap<number, { questionId: string; aware: readonly string[] }> = new Map([
  [1, { questionId: 'q14', aware: ['very_well', 'fairly_well'] }],
]);

/** Whether a visit's answers say the enterprise knows the policies; undefined when not answered. */
export const surveyedAwareness = (
  version: number | null,
  answers: Readonly<Record<string, unknown>>,
): boolean | undefined => {
  const question = version === null ? undefined : SURVEY_QUESTION.get(version);
  const answer = question ? answers[question.questionId] : undefined;
  if (typeof answer !== 'string' || !question) return undefined;
  return question.aware.includes(answer);
};

export interface SurveyCounts {
  surveyed: number;
  surveyedAware: number;
}

export interface SurveyAwareness {
  answered: number;
  aware: number;
  /** aware / answered, to four places; null with no answers. */
  rate: number | null;
}

export const surveyAwarenessOf = ({ surveyed, surveyedAware }: SurveyCounts): SurveyAwareness => ({
  answered: surveyed,
  aware: surveyedAware,
  rate: surveyed === 0 ? null : Math.round((surveyedAware / surveyed) * 10_000) / 10_000,
});

export const sumSurveys = (counts: readonly SurveyCounts[]): SurveyCounts =>
  counts.reduce(
    (sum, count) => ({
      surveyed: sum.surveyed + count.surveyed,
      surveyedAware: sum.surveyedAware + count.surveyedAware,
    }),
    { surveyed: 0, surveyedAware: 0 },
  );
