import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyTeamEdit } from '../../../shared/domain/team-edits';

const team = { memberCadreIds: ['a', 'b', 'c'], leaderCadreId: 'a' };

describe('a visit team edit', () => {
  it('adds and removes members and names a leader among them', () => {
    const edited = applyTeamEdit(team, { addCadreIds: ['d'], removeCadreIds: ['a'], leaderCadreId: 'd' });
    expect(edited).toEqual({
      memberCadreIds: ['b', 'c', 'd'],
      leaderCadreId: 'd',
      added: ['d'],
      removed: ['a'],
      problems: [],
    });
  });

  it('refuses adding a member, removing a stranger, an empty team and an outside leader', () => {
    expect(applyTeamEdit(team, { addCadreIds: ['b'] }).problems).toEqual([
      { path: 'body.addCadreIds.0', message: 'Already a member' },
    ]);
    expect(applyTeamEdit(team, { removeCadreIds: ['z'] }).problems[0]?.message).toBe('Not a member');
    expect(
      applyTeamEdit(team, { removeCadreIds: ['a', 'b', 'c'], leaderCadreId: null }).problems.map(
        (p) => p.message,
      ),
    ).toEqual(['A team keeps at least one member']);
    expect(applyTeamEdit(team, { leaderCadreId: 'z' }).problems[0]?.path).toBe('body.leaderCadreId');
  });

  it('asks for a new leader when the leader is removed, and accepts clearing it', () => {
    expect(applyTeamEdit(team, { removeCadreIds: ['a'] }).problems[0]?.message).toBe(
      'The leader is being removed: name a new leader or null',
    );
    expect(applyTeamEdit(team, { removeCadreIds: ['a'], leaderCadreId: null })).toMatchObject({
      leaderCadreId: null,
      problems: [],
    });
  });

  it('without problems, the members are the old ones less the removed plus the added, each once', () => {
    const ids = fc.uniqueArray(fc.constantFrom(...'abcdefghijklmnop'), { minLength: 1, maxLength: 16 });
    fc.assert(
      fc.property(ids, ids, ids, (members, add, remove) => {
        const edited = applyTeamEdit(
          { memberCadreIds: members },
          { addCadreIds: add, removeCadreIds: remove },
        );
        if (edited.problems.length > 0) return;
        const expected = new Set([...members.filter((m) => !remove.includes(m)), ...add]);
        expect(new Set(edited.memberCadreIds)).toEqual(expected);
        expect(edited.memberCadreIds.length).toBe(expected.size);
      }),
    );
  });
});
