import type { Questionnaire } from '../questionnaire';
import { questionnaireV1 } from './v1';

/**
 * Every questionnaire version ever served, by number. Append a module for a new version and make it
 * current; never edit a served one (visits answered it and name it).
 */
export const QUESTIONNAIRES: ReadonlyMap<number, Questionnaire> = new Map([[1, questionnaireV1]]);

export const CURRENT_QUESTIONNAIRE_VERSION = 1;

export const questionnaireOf = (version: number): Questionnaire | undefined => QUESTIONNAIRES.get(version);

export const currentQuestionnaire = (): Questionnaire =>
  QUESTIONNAIRES.get(CURRENT_QUESTIONNAIRE_VERSION) as Questionnaire;
