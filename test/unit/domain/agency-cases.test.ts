import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AGENCY_STEP_STATUSES,
  type AgencyStepStatus,
  agencyCaseProgress,
  agencyCaseReach,
  agencyStepMove,
  isAgencyStepOverdue,
  mayMoveAgencySteps,
} from '../../../shared/domain/agency-cases';
import { InvalidTransition, ValidationFailed } from '../../../shared/domain/errors';

const window = { openedOn: '2026-03-02', today: '2026-03-20' };

describe('moving an agency step (全程代办)', () => {
  it('moves forward only: pending → in progress → done, or pending → done; never back, never twice', () => {
    expect(agencyStepMove({ status: 'pending' }, 'in_progress', undefined, window)).toEqual({
      status: 'in_progress',
    });
    expect(agencyStepMove({ status: 'pending' }, 'done', '2026-03-10', window)).toEqual({
      status: 'done',
      doneOn: '2026-03-10',
    });
    expect(agencyStepMove({ status: 'in_progress' }, 'done', undefined, window)).toEqual({
      status: 'done',
      doneOn: window.today,
    });
    expect(() => agencyStepMove({ status: 'in_progress' }, 'in_progress', undefined, window)).toThrow(
      InvalidTransition,
    );
    expect(() => agencyStepMove({ status: 'done' }, 'in_progress', undefined, window)).toThrow(
      InvalidTransition,
    );
    expect(() => agencyStepMove({ status: 'done' }, 'done', undefined, window)).toThrow(InvalidTransition);
  });

  it('takes a done date only with done, and only between the opening and today', () => {
    expect(() => agencyStepMove({ status: 'pending' }, 'in_progress', '2026-03-10', window)).toThrow(
      ValidationFailed,
    );
    expect(() => agencyStepMove({ status: 'pending' }, 'done', '2026-03-01', window)).toThrow(
      ValidationFailed,
    );
    expect(() => agencyStepMove({ status: 'pending' }, 'done', '2026-03-21', window)).toThrow(
      ValidationFailed,
    );
    expect(agencyStepMove({ status: 'pending' }, 'done', window.openedOn, window).doneOn).toBe(
      window.openedOn,
    );
  });
});

const stepArbitrary = fc.record({
  status: fc.constantFrom<AgencyStepStatus>(...AGENCY_STEP_STATUSES),
  day: fc.integer({ min: 1, max: 28 }),
});

describe("a case's progress", () => {
  it('is done exactly when every step is, on the latest done date; counts the done steps', () => {
    fc.assert(
      fc.property(fc.array(stepArbitrary, { maxLength: 20 }), (raw) => {
        const steps = raw.map(({ status, day }) => ({
          status,
          ...(status === 'done' ? { doneOn: `2026-04-${String(day).padStart(2, '0')}` } : {}),
        }));
        const progress = agencyCaseProgress(steps);
        const done = steps.filter((step) => step.status === 'done');
        expect(progress.stepsDone).toBe(done.length);
        const allDone = steps.length > 0 && done.length === steps.length;
        expect(progress.status).toBe(allDone ? 'done' : 'open');
        if (allDone) {
          for (const step of done) expect((progress.doneOn as string) >= (step.doneOn as string)).toBe(true);
          expect(done.map((step) => step.doneOn)).toContain(progress.doneOn);
        } else expect(progress.doneOn).toBeUndefined();
      }),
    );
  });

  it('flags a step not done past its due date', () => {
    expect(isAgencyStepOverdue({ status: 'pending', dueDate: '2026-03-19' }, '2026-03-20')).toBe(true);
    expect(isAgencyStepOverdue({ status: 'in_progress', dueDate: '2026-03-20' }, '2026-03-20')).toBe(false);
    expect(isAgencyStepOverdue({ status: 'done', dueDate: '2026-03-01' }, '2026-03-20')).toBe(false);
  });
});

describe('who sees and moves an agency case', () => {
  const agencyCase = { enterpriseId: 'E1', agentCadreId: 'C1' };
  const units = ['D1', 'D2'];

  it('shows it whole to the office, leaders, the agent cadre and the enterprise served', () => {
    for (const role of ['admin', 'operator', 'leader'] as const) {
      expect(agencyCaseReach({ roles: [role] }, agencyCase, units)).toBe('all');
    }
    expect(agencyCaseReach({ roles: ['cadre'], cadreId: 'C1' }, agencyCase, units)).toBe('all');
    expect(agencyCaseReach({ roles: ['enterprise'], enterpriseId: 'E1' }, agencyCase, units)).toBe('all');
  });

  it("shows a department only its unit's steps, and nothing to anyone else", () => {
    expect(agencyCaseReach({ roles: ['department'], unitId: 'D2' }, agencyCase, units)).toBe('own_steps');
    expect(agencyCaseReach({ roles: ['department'], unitId: 'D3' }, agencyCase, units)).toBe('none');
    expect(agencyCaseReach({ roles: ['cadre'], cadreId: 'C2' }, agencyCase, units)).toBe('none');
    expect(agencyCaseReach({ roles: ['cadre'] }, agencyCase, units)).toBe('none');
    expect(agencyCaseReach({ roles: ['enterprise'], enterpriseId: 'E2' }, agencyCase, units)).toBe('none');
  });

  it('lets the office and the agent cadre move steps, nobody else', () => {
    expect(mayMoveAgencySteps({ roles: ['operator'] }, agencyCase)).toBe(true);
    expect(mayMoveAgencySteps({ roles: ['cadre'], cadreId: 'C1' }, agencyCase)).toBe(true);
    expect(mayMoveAgencySteps({ roles: ['cadre'], cadreId: 'C2' }, agencyCase)).toBe(false);
    expect(mayMoveAgencySteps({ roles: ['leader'] }, agencyCase)).toBe(false);
    expect(mayMoveAgencySteps({ roles: ['department'], unitId: 'D1' }, agencyCase)).toBe(false);
  });
});
