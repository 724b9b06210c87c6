import type { FieldProblem } from './errors';

/**
 * A change to a visit team (docs/grid-staffing.md): members added and removed and the team leader,
 * checked against the team as it stands. The leader must be a member of the team that results; a
 * leader who is removed must be replaced (or the leader cleared with null) in the same edit.
 */
export const MAX_TEAM_SIZE = 50;

export interface TeamState {
  memberCadreIds: readonly string[];
  leaderCadreId?: string | null;
}

export interface TeamEdit {
  addCadreIds?: readonly string[];
  removeCadreIds?: readonly string[];
  /** A member to lead the team, or null for no leader; absent: unchanged. */
  leaderCadreId?: string | null;
}

export interface EditedTeam {
  memberCadreIds: string[];
  leaderCadreId: string | null;
  added: string[];
  removed: string[];
  problems: FieldProblem[];
}

export const applyTeamEdit = (team: TeamState, edit: TeamEdit): EditedTeam => {
  const problems: FieldProblem[] = [];
  const current = new Set(team.memberCadreIds);
  const added = [...(edit.addCadreIds ?? [])];
  const removed = [...(edit.removeCadreIds ?? [])];
  added.forEach((cadreId, i) => {
    if (current.has(cadreId)) problems.push({ path: `body.addCadreIds.${i}`, message: 'Already a member' });
  });
  removed.forEach((cadreId, i) => {
    if (!current.has(cadreId)) problems.push({ path: `body.removeCadreIds.${i}`, message: 'Not a member' });
    if (added.includes(cadreId)) {
      problems.push({ path: `body.removeCadreIds.${i}`, message: 'Added and removed in one edit' });
    }
  });
  const memberCadreIds = [...team.memberCadreIds.filter((id) => !removed.includes(id)), ...added];
  if (memberCadreIds.length === 0)
    problems.push({ path: 'body.removeCadreIds', message: 'A team keeps at least one member' });
  if (memberCadreIds.length > MAX_TEAM_SIZE) {
    problems.push({ path: 'body.addCadreIds', message: `A team has at most ${MAX_TEAM_SIZE} members` });
  }
  const leaderCadreId = edit.leaderCadreId === undefined ? (team.leaderCadreId ?? null) : edit.leaderCadreId;
  if (leaderCadreId !== null && !memberCadreIds.includes(leaderCadreId)) {
    problems.push({
      path: 'body.leaderCadreId',
      message:
        edit.leaderCadreId === undefined
          ? 'The leader is being removed: name a new leader or null'
          : 'The leader must be a member of the team',
    });
  }
  return { memberCadreIds, leaderCadreId, added, removed, problems };
};
