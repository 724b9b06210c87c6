import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  QUESTION_TYPES,
  type Question,
  type QuestionType,
} from '../../../../shared/domain/questionnaires/questionnaire';
import {
  answersToKeep,
  checkAnswer,
  validateAnswers,
} from '../../../../shared/domain/questionnaires/validate-answers';
import { currentQuestionnaire } from '../../../../shared/domain/questionnaires/versions';

const v1 = currentQuestionnaire();
const questionOf = (id: string) => v1.questions.find((question) => question.id === id) as Question;

/** A complete, valid set of answers to version 1. */
const validV1 = {
  q1: 'good',
  q2: 'up',
  q3: 320,
  q4: 18_500.5,
  q5: true,
  q6: true,
  q7: 3000,
  q8: ['bank_loan', 'listing'],
  q9: false,
  q11: 'no',
  q12: ['skilled_workers', 'housing'],
  q13: 40,
  q14: 'fairly_well',
  q15: ['tax_relief', 'rnd_deduction'],
  q16: true,
  q17: 'satisfied',
  q18: 9,
  q19: '希望协调解决员工子女入学问题',
};

describe('validateAnswers against questionnaire version 1', () => {
  it('passes a complete valid set, and an empty one (no questionnaire filled in)', () => {
    expect(validateAnswers(v1, validV1)).toEqual([]);
    expect(validateAnswers(v1, {})).toEqual([]);
  });

  it('names the question whose answer has the wrong type', () => {
    expect(validateAnswers(v1, { ...validV1, q3: '三百' })).toEqual([
      { questionId: 'q3', message: 'Expected a whole number' },
    ]);
    expect(validateAnswers(v1, { ...validV1, q6: 'yes' })).toEqual([
      { questionId: 'q6', message: 'Expected true or false' },
    ]);
    expect(validateAnswers(v1, { ...validV1, q3: 12.5 })).toEqual([
      { questionId: 'q3', message: 'Expected a whole number' },
    ]);
  });

  it('refuses values out of range, options not offered and options picked twice', () => {
    expect(
      validateAnswers(v1, { ...validV1, q18: 11, q7: -1, q1: 'excellent', q8: ['equity', 'equity'] }),
    ).toEqual([
      { questionId: 'q1', message: 'Expected one of: good, normal, difficult, suspended' },
      { questionId: 'q7', message: 'The value is below the minimum 0' },
      { questionId: 'q8', message: 'An option is picked twice' },
      { questionId: 'q18', message: 'The value is above the maximum 10' },
    ]);
    expect(validateAnswers(v1, { ...validV1, q12: [] })).toEqual([
      { questionId: 'q12', message: 'The number of options picked is below the minimum 1' },
    ]);
    expect(validateAnswers(v1, { ...validV1, q19: '长'.repeat(2001) })[0]?.questionId).toBe('q19');
  });

  it('requires the required questions once any answer is given, and treats null as unanswered', () => {
    const { q1: _q1, q14: _q14, ...rest } = validV1;
    expect(validateAnswers(v1, { ...rest, q17: null })).toEqual([
      { questionId: 'q1', message: 'This question is required' },
      { questionId: 'q14', message: 'This question is required' },
      { questionId: 'q17', message: 'This question is required' },
    ]);
    expect(validateAnswers(v1, { ...validV1, q19: null, q2: null })).toEqual([]);
    expect(answersToKeep({ ...validV1, q19: null })).not.toHaveProperty('q19');
  });

  it('refuses keys that name no question of the version, after the questions’ own problems', () => {
    expect(validateAnswers(v1, { ...validV1, q3: -5, q99: 1, satisfaction: 'ok' })).toEqual([
      { questionId: 'q3', message: 'The value is below the minimum 0' },
      { questionId: 'q99', message: 'Not a question of questionnaire version 1' },
      { questionId: 'satisfaction', message: 'Not a question of questionnaire version 1' },
    ]);
  });
});

describe('questionnaire version 1', () => {
  it('is well formed: unique ids, sections cover every question once, options only where chosen, bounds that can be met', () => {
    const ids = v1.questions.map((question) => question.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(v1.sections.flatMap((section) => section.questionIds)).toEqual(ids);
    for (const question of v1.questions) {
      const choosing = question.type === 'choice' || question.type === 'multi_choice';
      expect(question.options !== undefined, question.id).toBe(choosing);
      const values = (question.options ?? []).map((option) => option.value);
      expect(new Set(values).size, question.id).toBe(values.length);
      expect(question.text, question.id).toMatch(/\p{Script=Han}/u);
      if (question.type === 'multi_choice') {
        expect(question.max ?? values.length, question.id).toBeLessThanOrEqual(values.length);
      }
    }
    expect(new Set(v1.questions.map((question) => question.type))).toEqual(new Set(QUESTION_TYPES));
  });
});

/** Any question of a type, with bounds and options drawn at random. */
const questionArb = (type: QuestionType): fc.Arbitrary<Question> => {
  const options = fc
    .uniqueArray(fc.stringMatching(/^[a-z_]{1,12}$/), { minLength: 1, maxLength: 8 })
    .map((values) => values.map((value) => ({ value, label: `选项${value}` })));
  switch (type) {
    case 'choice':
      return options.map((opts) => ({ id: 'q', text: '问题', type, options: opts }));
    case 'multi_choice':
      return options.map((opts) => ({
        id: 'q',
        text: '问题',
        type,
        options: opts,
        min: 1,
        max: opts.length,
      }));
    case 'integer':
    case 'number':
      return fc
        .tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 100_000 }))
        .map(([min, span]) => ({ id: 'q', text: '问题', type, min, max: min + span }));
    case 'text':
      return fc.integer({ min: 1, max: 500 }).map((max) => ({ id: 'q', text: '问题', type, max }));
    case 'boolean':
      return fc.constant({ id: 'q', text: '问题', type });
  }
};

/** A value that fits the question. */
const validValueArb = (question: Question): fc.Arbitrary<unknown> => {
  const values = (question.options ?? []).map((option) => option.value);
  const min = question.min ?? 0;
  const max = question.max ?? 0;
  switch (question.type) {
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({ min, max });
    case 'number':
      return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    case 'text':
      return fc
        .string({ minLength: 1, maxLength: max })
        .filter((text) => text.trim().length > 0 && [...text.trim()].length <= max);
    case 'choice':
      return fc.constantFrom(...values);
    case 'multi_choice':
      return fc.shuffledSubarray(values, {
        minLength: question.min ?? 0,
        maxLength: question.max ?? values.length,
      });
  }
};

/** A value of a JSON type the question never takes. */
const wrongTypeArb = (type: QuestionType): fc.Arbitrary<unknown> => {
  const bool = fc.boolean();
  const int = fc.integer();
  const str = fc.string();
  const list = fc.array(fc.string(), { maxLength: 3 });
  const object = fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { maxKeys: 2 });
  switch (type) {
    case 'boolean':
      return fc.oneof(int, str, list, object);
    case 'integer':
      return fc.oneof(
        bool,
        str,
        list,
        object,
        fc.double({ noNaN: true }).filter((n) => !Number.isInteger(n)),
      );
    case 'number':
      return fc.oneof(bool, str, list, object);
    case 'text':
    case 'choice':
      return fc.oneof(bool, int, list, object);
    case 'multi_choice':
      return fc.oneof(bool, int, str, object, fc.array(int, { minLength: 1, maxLength: 3 }));
  }
};

describe('checkAnswer (properties)', () => {
  it.each(QUESTION_TYPES)('accepts every value that fits a %s question', (type) => {
    fc.assert(
      fc.property(
        questionArb(type).chain((question) => fc.tuple(fc.constant(question), validValueArb(question))),
        ([question, value]) => checkAnswer(question, value) === undefined,
      ),
    );
  });

  it.each(QUESTION_TYPES)('refuses every value of another JSON type for a %s question', (type) => {
    fc.assert(
      fc.property(
        questionArb(type),
        wrongTypeArb(type),
        (question, value) => checkAnswer(question, value) !== undefined,
      ),
    );
  });
});

describe('validateAnswers (properties over version 1)', () => {
  /** Valid answers to the required questions and to any subset of the others. */
  const validAnswersArb = fc
    .tuple(...v1.questions.map((question) => fc.option(validValueArb(question), { nil: undefined })))
    .map((values) => {
      const answers: Record<string, unknown> = {};
      v1.questions.forEach((question, i) => {
        const value = values[i];
        if (value !== undefined) answers[question.id] = value;
      });
      return answers;
    })
    .chain((optional) =>
      fc
        .tuple(...v1.questions.filter((q) => q.required).map((question) => validValueArb(question)))
        .map((required) => {
          const answers = { ...optional };
          v1.questions
            .filter((q) => q.required)
            .forEach((question, i) => {
              answers[question.id] = required[i];
            });
          return answers;
        }),
    );

  it('passes valid answers, and names exactly the one question whose answer gets the wrong type', () => {
    fc.assert(
      fc.property(
        validAnswersArb,
        fc
          .constantFrom(...v1.questions)
          .chain((question) => fc.tuple(fc.constant(question), wrongTypeArb(question.type))),
        (answers, [question, wrong]) => {
          expect(validateAnswers(v1, answers)).toEqual([]);
          const problems = validateAnswers(v1, { ...answers, [question.id]: wrong });
          expect(problems.map((problem) => problem.questionId)).toEqual([question.id]);
        },
      ),
    );
  });

  it('checks a single question the same way validateAnswers does', () => {
    expect(checkAnswer(questionOf('q3'), 320)).toBeUndefined();
    expect(checkAnswer(questionOf('q3'), '320')).toBe('Expected a whole number');
  });
});

describe('text answers', () => {
  const question: Question = { id: 'q', text: '问题', type: 'text', max: 50 };

  it('are refused like any free text when they hold what the text rule refuses', () => {
    expect(checkAnswer(question, '正常\u202e回答')).toMatch(/^Contains a bidirectional override/);
    expect(checkAnswer(question, 'a\u0000')).toMatch(/^Contains a control character/);
    expect(checkAnswer(question, '多行\n回答')).toBeUndefined();
  });

  it('are kept in NFC', () => {
    expect(answersToKeep({ q: 'Cafe\u0301', other: 3 })).toEqual({ q: 'Café', other: 3 });
  });
});
