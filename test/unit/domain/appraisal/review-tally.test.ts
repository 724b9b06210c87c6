import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APPRAISAL_GRADES } from '../../../../shared/domain/appraisal/grade-approval';
import {
  tallyCounterName,
  tallyFromCounters,
  tallyVotes,
  VOTER_GROUPS,
  type Vote,
} from '../../../../shared/domain/appraisal/review-tally';

const vote = fc.record({
  voterGroup: fc.constantFrom(...VOTER_GROUPS),
  grade: fc.constantFrom(...APPRAISAL_GRADES),
});

/** What the ballots' ADD updates leave in a cadre's tally item. */
const countersOf = (votes: readonly Vote[]) => {
  const counters: Record<string, number> = {};
  for (const { voterGroup, grade } of votes) {
    const name = tallyCounterName(voterGroup, grade);
    counters[name] = (counters[name] ?? 0) + 1;
  }
  return counters;
};

describe('the democratic review tally', () => {
  it('counts grades by voter group and gives the approval and excellent rates', () => {
    const tally = tallyVotes([
      { voterGroup: 'cadres_public', grade: 'excellent' },
      { voterGroup: 'cadres_public', grade: 'competent' },
      { voterGroup: 'enterprise', grade: 'excellent' },
      { voterGroup: 'enterprise', grade: 'basically_competent' },
      { voterGroup: 'enterprise', grade: 'incompetent' },
      { voterGroup: 'enterprise', grade: 'excellent' },
    ]);
    expect(tally.byGroup.enterprise).toEqual({
      excellent: 2,
      competent: 0,
      basically_competent: 1,
      incompetent: 1,
    });
    expect(tally.total.excellent).toBe(3);
    expect(tally.votes).toBe(6);
    expect(tally.approvalRate).toBe(0.6667);
    expect(tally.excellentRate).toBe(0.5);
  });

  it('has no rates without votes', () => {
    expect(tallyFromCounters({})).toMatchObject({ votes: 0, approvalRate: null, excellentRate: null });
  });

  it('reads from the stored counters exactly what a recount of the votes gives, in any order', () => {
    fc.assert(
      fc.property(fc.array(vote, { maxLength: 300 }), (votes) => {
        const recount = tallyVotes(votes);
        expect(tallyFromCounters(countersOf(votes))).toEqual(recount);
        expect(tallyFromCounters(countersOf([...votes].reverse()))).toEqual(recount);
        expect(recount.votes).toBe(votes.length);
      }),
    );
  });

  it('keeps the approval rate within the excellent rate and 1', () => {
    fc.assert(
      fc.property(fc.array(vote, { minLength: 1, maxLength: 300 }), (votes) => {
        const { approvalRate, excellentRate } = tallyVotes(votes);
        expect(approvalRate).not.toBeNull();
        expect(approvalRate as number).toBeGreaterThanOrEqual(excellentRate as number);
        expect(approvalRate as number).toBeLessThanOrEqual(1);
      }),
    );
  });
});
