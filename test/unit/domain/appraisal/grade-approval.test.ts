import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  APPRAISAL_GRADES,
  assertAwaitsCommitteeApproval,
  assertAwaitsLeaderOpinion,
  excellentCountChange,
  initialGradeStatus,
} from '../../../../shared/domain/appraisal/grade-approval';
import { InvalidTransition } from '../../../../shared/domain/errors';

describe('the annual grade and its two-step approval', () => {
  it('is final at once, except for a city-managed section-level cadre, which awaits a city leader', () => {
    expect(initialGradeStatus(false)).toBe('final');
    expect(initialGradeStatus(true)).toBe('awaiting_leader_opinion');
  });

  it("takes the leader's opinion only while it awaits it, then the committee's approval only after", () => {
    expect(() => assertAwaitsLeaderOpinion('awaiting_leader_opinion')).not.toThrow();
    expect(() => assertAwaitsCommitteeApproval('awaiting_committee_approval')).not.toThrow();
    for (const status of ['final', 'awaiting_committee_approval', 'approved'] as const) {
      expect(() => assertAwaitsLeaderOpinion(status), status).toThrow(InvalidTransition);
    }
    for (const status of ['final', 'awaiting_leader_opinion', 'approved'] as const) {
      expect(() => assertAwaitsCommitteeApproval(status), status).toThrow(InvalidTransition);
    }
  });

  it('moves the excellent count by the change of grade, so a sequence of changes counts the excellent grades', () => {
    const grade = fc.constantFrom(...APPRAISAL_GRADES);
    fc.assert(
      fc.property(fc.array(grade, { minLength: 1, maxLength: 20 }), (grades) => {
        let count = 0;
        let previous: (typeof grades)[number] | undefined;
        for (const next of grades) {
          count += excellentCountChange(previous, next);
          previous = next;
        }
        expect(count).toBe(previous === 'excellent' ? 1 : 0);
      }),
    );
  });
});
