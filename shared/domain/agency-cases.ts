import { InvalidTransition, ValidationFailed } from './errors';
import type { Viewer } from './viewer';

/**
 * Free full agency service (全程代办) for key enterprises: a case is one matter (a project approval, a
 * licence) that a named agent cadre carries through the departments for the enterprise, step by step.
 * Each step belongs to one unit and is due a number of working days after the case was opened.
 */
export const AGENCY_STEP_STATUSES = ['pending', 'in_progress', 'done'] as const;
export type AgencyStepStatus = (typeof AGENCY_STEP_STATUSES)[number];

/**
 * The status a step moves to: forward only (pending → in progress → done, or straight to done), and
 * a done step takes no more changes. `doneOn` is given exactly when the step becomes done, and lies
 * between the case's opening and today (the work happened, and not before the case existed).
 */
export const agencyStepMove = (
  step: { status: AgencyStepStatus },
  to: Exclude<AgencyStepStatus, 'pending'>,
  doneOn: string | undefined,
  window: { openedOn: string; today: string },
): { status: AgencyStepStatus; doneOn?: string } => {
  if (step.status === 'done') throw new InvalidTransition('This step is done.');
  if (step.status === to) throw new InvalidTransition(`This step is already ${to}.`);
  if (to === 'in_progress') {
    if (doneOn !== undefined) {
      throw new ValidationFailed([
        { path: 'body.doneOn', message: 'Only a step marked done has a done date' },
      ]);
    }
    return { status: to };
  }
  const on = doneOn ?? window.today;
  if (on < window.openedOn || on > window.today) {
    throw new ValidationFailed([
      { path: 'body.doneOn', message: `A done date lies between ${window.openedOn} and ${window.today}` },
    ]);
  }
  return { status: to, doneOn: on };
};

/** A case is done when every step is; it was done on its last step's date. */
export const agencyCaseProgress = (
  steps: readonly { status: AgencyStepStatus; doneOn?: string }[],
): { status: 'open' | 'done'; stepsDone: number; doneOn?: string } => {
  const done = steps.filter((step) => step.status === 'done');
  if (steps.length === 0 || done.length < steps.length) return { status: 'open', stepsDone: done.length };
  const last = done
    .map((step) => step.doneOn ?? '')
    .sort()
    .at(-1) as string;
  return { status: 'done', stepsDone: done.length, doneOn: last };
};

/** Whether a step not yet done is past its due date on a program date. */
export const isAgencyStepOverdue = (step: { status: AgencyStepStatus; dueDate: string }, today: string) =>
  step.status !== 'done' && step.dueDate < today;

/**
 * What a caller may see of a case: everything (the office, leaders, the agent cadre, the enterprise
 * it serves), only the steps its unit owns (a department owning at least one), or nothing (the case
 * then answers as missing).
 */
export type AgencyCaseReach = 'all' | 'own_steps' | 'none';

export const agencyCaseReach = (
  viewer: Viewer,
  agencyCase: { enterpriseId: string; agentCadreId: string },
  stepUnitIds: readonly string[],
): AgencyCaseReach => {
  const { roles } = viewer;
  if (roles.includes('admin') || roles.includes('operator') || roles.includes('leader')) return 'all';
  if (roles.includes('cadre') && viewer.cadreId === agencyCase.agentCadreId) return 'all';
  if (roles.includes('enterprise') && viewer.enterpriseId === agencyCase.enterpriseId) return 'all';
  if (roles.includes('department') && viewer.unitId && stepUnitIds.includes(viewer.unitId))
    return 'own_steps';
  return 'none';
};

/** Who moves a case's steps: the office, and the agent cadre who carries the case. */
export const mayMoveAgencySteps = (viewer: Viewer, agencyCase: { agentCadreId: string }) =>
  viewer.roles.includes('admin') ||
  viewer.roles.includes('operator') ||
  (viewer.roles.includes('cadre') && viewer.cadreId === agencyCase.agentCadreId);
