import type { LogVisitBody } from '../../contract/visits';
import type { IdempotencyToken } from '../../db/creation-guard';
import { programDateOf } from '../../domain/calendar/program-date';
import { Conflict, type FieldProblem, Forbidden, InputRejected, ValidationFailed } from '../../domain/errors';
import { newId, nowIso } from '../../domain/ids';
import { raisedIssue } from '../../domain/issues/raising';
import { surveyedAwareness } from '../../domain/policy-awareness';
import { answersToKeep, validateAnswers } from '../../domain/questionnaires/validate-answers';
import { CURRENT_QUESTIONNAIRE_VERSION, questionnaireOf } from '../../domain/questionnaires/versions';
import type { Caller } from '../../domain/viewer';
import { type Visit, visitDateProblem, yearOf } from '../../domain/visits/visit';
import { putMetrics } from '../../observability/metrics';
import { findEnterprise } from '../../repositories/enterprises';
import { findTeamMembership } from '../../repositories/team-memberships';
import { FirstVisitRaceError, insertVisit, isVisitedInGridYear } from '../../repositories/visits';
import { issueView } from '../issues/issue-view';

/** Reading the first-visit marker again settles a race with a concurrent visit; more tries mean trouble. */
const ATTEMPTS = 3;

/** Everything wrong with the body that needs no read: questionnaire answers, date, the issues' fields. */
const bodyProblems = (input: LogVisitBody, today: string): FieldProblem[] => {
  const version = input.questionnaireVersion ?? CURRENT_QUESTIONNAIRE_VERSION;
  const questionnaire = questionnaireOf(version);
  const problems: FieldProblem[] = [];
  if (!questionnaire) {
    problems.push({ path: 'body.questionnaireVersion', message: 'No questionnaire has this version' });
  } else {
    for (const { questionId, message } of validateAnswers(questionnaire, input.questionnaire)) {
      problems.push({ path: `body.questionnaire.${questionId}`, message });
    }
  }
  const dateProblem = visitDateProblem(input.date, today);
  if (dateProblem) problems.push({ path: 'body.date', message: dateProblem });
  input.issues.forEach((issue, i) => {
    if (issue.enterpriseId !== input.enterpriseId) {
      problems.push({
        path: `body.issues.${i}.enterpriseId`,
        message: 'Issues of a visit are the visited enterprise’s',
      });
    }
    if (issue.source !== undefined && issue.source !== 'visit') {
      problems.push({
        path: `body.issues.${i}.source`,
        message: 'Issues raised at a visit have source "visit"',
      });
    }
  });
  return problems;
};

/**
 * Logs a team's visit to an enterprise (走访). The body is checked first, before anything is read:
 * answers against the questionnaire version (the current one unless named), a date neither in the
 * future nor before the program, issues about the visited enterprise only. Then scope: the caller
 * (its `custom:cadreId`) must be a member of the team, and the enterprise must lie in the team's grid;
 * otherwise 403 — teams and enterprises are visible to every cadre, so refusing reveals nothing, and
 * POST /issues refuses a cadre outside its grids the same way. The visit, its issues (source `visit`,
 * linked to the visit, built by the one raising rule), the grid-year coverage marker and counter and the
 * program's day counters are then written in one transaction.
 */
export const logVisit = async (caller: Caller, input: LogVisitBody, idempotency?: IdempotencyToken) => {
  const { cadreId } = caller;
  if (!cadreId) throw new Forbidden('Only a cadre account (with a cadre id) logs visits.');
  const problems = bodyProblems(input, programDateOf(new Date()));
  if (problems.length > 0) throw new ValidationFailed(problems);

  const [membership, enterprise] = await Promise.all([
    findTeamMembership(cadreId, input.teamId),
    findEnterprise(input.enterpriseId),
  ]);
  if (!enterprise) {
    throw new InputRejected('UNKNOWN_REFERENCE', 'The request names records that do not exist.', [
      { path: 'body.enterpriseId', message: 'No enterprise with this id' },
    ]);
  }
  if (!membership) throw new Forbidden('You are not a member of this visit team.');
  if (membership.gridId !== enterprise.gridId) {
    throw new Forbidden('The enterprise lies outside the grid of this visit team.');
  }

  const answers = answersToKeep(input.questionnaire);
  const answered = Object.keys(answers).length > 0;
  const year = yearOf(input.date);
  for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
    const firstInGridYear = !(await isVisitedInGridYear(enterprise.gridId, year, enterprise.id));
    const at = nowIso();
    const actor = { sub: caller.sub, role: 'cadre' as const };
    const visitId = newId();
    const issues = input.issues.map((issue) =>
      raisedIssue({
        id: newId(),
        at,
        actor,
        enterprise,
        category: issue.category,
        type: issue.type,
        title: issue.title,
        description: issue.description,
        source: 'visit',
        visitId,
      }),
    );
    const visit: Visit = {
      id: visitId,
      enterpriseId: enterprise.id,
      teamId: input.teamId,
      gridId: enterprise.gridId,
      townUnitId: enterprise.townUnitId,
      date: input.date,
      cadreId,
      recordedBy: actor,
      questionnaireVersion: answered ? (input.questionnaireVersion ?? CURRENT_QUESTIONNAIRE_VERSION) : null,
      questionnaire: answers,
      issueIds: issues.map(({ issue }) => issue.id),
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    const logged = { ...visit, issues: issues.map(({ issue }) => issueView(issue, caller)) };
    try {
      const policyAware = surveyedAwareness(visit.questionnaireVersion, answers);
      await insertVisit({ visit, issues, firstInGridYear, policyAware }, idempotency?.guard(logged));
      if (issues.length > 0) putMetrics({ values: { IssuesRaised: issues.length } });
      return logged;
    } catch (error) {
      if (!(error instanceof FirstVisitRaceError)) throw error;
    }
  }
  throw new Conflict('CONFLICT', 'Concurrent visits to this enterprise kept colliding; retry.');
};
