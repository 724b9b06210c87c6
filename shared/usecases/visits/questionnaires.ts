import { NotFound } from '../../domain/errors';
import type { Questionnaire } from '../../domain/questionnaires/questionnaire';
import { CURRENT_QUESTIONNAIRE_VERSION, questionnaireOf } from '../../domain/questionnaires/versions';

const view = (questionnaire: Questionnaire) => ({
  ...questionnaire,
  current: questionnaire.version === CURRENT_QUESTIONNAIRE_VERSION,
});

/** The questionnaire version visits answer now. */
export const readCurrentQuestionnaire = () => readQuestionnaire(CURRENT_QUESTIONNAIRE_VERSION);

/** A questionnaire version, current or past; 404 for a version never served. */
export const readQuestionnaire = (version: number) => {
  const questionnaire = questionnaireOf(version);
  if (!questionnaire) throw new NotFound('The questionnaire version');
  return view(questionnaire);
};
