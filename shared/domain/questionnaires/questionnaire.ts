/**
 * A visit questionnaire (走访问卷): a versioned set of questions that grid teams fill in at a visit.
 * A version never changes once served: a new question set is a new version module, and every visit
 * records the version its answers were checked against.
 */
export const QUESTION_TYPES = ['boolean', 'integer', 'number', 'text', 'choice', 'multi_choice'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export interface QuestionOption {
  /** Stable code stored in answers (and counted in reports); the label is what people read. */
  value: string;
  label: string;
}

/**
 * One question. `min`/`max` bound the value of an integer or number, the length of a text, the number
 * of options picked in a multi_choice.
 */
export interface Question {
  id: string;
  text: string;
  type: QuestionType;
  options?: readonly QuestionOption[];
  required?: boolean;
  min?: number;
  max?: number;
  /** What the number counts, e.g. 万元, 亩, 人. */
  unit?: string;
}

export interface QuestionSection {
  title: string;
  questionIds: readonly string[];
}

export interface Questionnaire {
  version: number;
  title: string;
  /** The first program date this version was served. */
  effectiveFrom: string;
  sections: readonly QuestionSection[];
  questions: readonly Question[];
}

/** Texts are bounded even where a question names no `max`: answers live inside the visit item. */
export const DEFAULT_TEXT_MAX = 2000;
