import { textFault } from '../text-hygiene';
import { DEFAULT_TEXT_MAX, type Question, type Questionnaire } from './questionnaire';

/** Answers as submitted: question id → value (JSON). */
export type Answers = Readonly<Record<string, unknown>>;

/** What is wrong with the answer to one question (or with a key that names no question). */
export interface AnswerProblem {
  questionId: string;
  message: string;
}

const isAnswered = (value: unknown) => value !== undefined && value !== null;

const bounds = (question: Question, what: string, value: number): string | undefined => {
  if (question.min !== undefined && value < question.min)
    return `${what} is below the minimum ${question.min}`;
  if (question.max !== undefined && value > question.max)
    return `${what} is above the maximum ${question.max}`;
  return undefined;
};

const optionValues = (question: Question) => (question.options ?? []).map((option) => option.value);

/** The problem with one given (non-null) answer, or undefined when it fits the question. */
export const checkAnswer = (question: Question, value: unknown): string | undefined => {
  switch (question.type) {
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'Expected true or false';
    case 'integer':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) return 'Expected a whole number';
      return bounds(question, 'The value', value);
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'Expected a number';
      return bounds(question, 'The value', value);
    case 'text': {
      if (typeof value !== 'string') return 'Expected text';
      const fault = textFault(value);
      if (fault) return fault;
      const length = [...value.trim()].length;
      if (length === 0) return 'Expected non-empty text (leave the question out instead)';
      const max = question.max ?? DEFAULT_TEXT_MAX;
      if (length > max) return `The text is longer than ${max} characters`;
      return question.min !== undefined && length < question.min
        ? `The text is shorter than ${question.min} characters`
        : undefined;
    }
    case 'choice': {
      if (typeof value !== 'string') return 'Expected one option value';
      const allowed = optionValues(question);
      return allowed.includes(value) ? undefined : `Expected one of: ${allowed.join(', ')}`;
    }
    case 'multi_choice': {
      if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
        return 'Expected a list of option values';
      }
      const allowed = optionValues(question);
      const unknown = value.filter((item) => !allowed.includes(item));
      if (unknown.length > 0) return `Not options of this question: ${unknown.join(', ')}`;
      if (new Set(value).size !== value.length) return 'An option is picked twice';
      return bounds(question, 'The number of options picked', value.length);
    }
  }
};

/**
 * Checks submitted answers against one questionnaire version. Empty answers mean the visit filled in no
 * questionnaire and pass; otherwise every key must name a question of the version, every answer fit its
 * question's type and range, and every required question be answered. A null answer is an unanswered
 * question. Problems come in question order, unknown keys last.
 */
export const validateAnswers = (questionnaire: Questionnaire, answers: Answers): AnswerProblem[] => {
  if (Object.keys(answers).length === 0) return [];
  const problems: AnswerProblem[] = [];
  for (const question of questionnaire.questions) {
    const value = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
    if (!isAnswered(value)) {
      if (question.required) problems.push({ questionId: question.id, message: 'This question is required' });
      continue;
    }
    const problem = checkAnswer(question, value);
    if (problem) problems.push({ questionId: question.id, message: problem });
  }
  const known = new Set(questionnaire.questions.map((question) => question.id));
  for (const key of Object.keys(answers)) {
    if (!known.has(key)) {
      problems.push({
        questionId: key,
        message: `Not a question of questionnaire version ${questionnaire.version}`,
      });
    }
  }
  return problems;
};

/**
 * The answers to keep: unanswered (null) questions left out. A visit whose kept answers are empty filled
 * in no questionnaire (and is not counted as one).
 */
export const answersToKeep = (answers: Answers): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(answers)
      .filter(([, value]) => isAnswered(value))
      // Stored in NFC like every other free text (text-hygiene.ts); option values are unchanged by it.
      .map(([key, value]) => [key, typeof value === 'string' ? value.normalize('NFC') : value]),
  );
