import type { TeamEdit, TeamEditBody } from '../../contract/grid-staffing';
import type { Team } from '../../contract/grids';
import { NotFound, StaleVersion, ValidationFailed } from '../../domain/errors';
import { nowIso } from '../../domain/ids';
import { applyTeamEdit } from '../../domain/team-edits';
import type { Caller } from '../../domain/viewer';
import { findCadres } from '../../repositories/cadres';
import type { TeamEditRecord, TeamRecord } from '../../repositories/records/grids';
import { findTeam, listTeamEdits, saveTeamEdit } from '../../repositories/team-edits';
import { actorOf } from '../appraisals/actor';
import { allFieldsShown } from '../record-view';
import { assertReferencesFound } from '../references';
import { teamView } from './grid-views';

const teamEditView = allFieldsShown<TeamEditRecord, TeamEdit>();

const existingTeam = async (gridId: string, teamId: string): Promise<TeamRecord> => {
  const team = await findTeam(gridId, teamId);
  if (!team) throw new NotFound('The team');
  return team;
};

export const readTeam = async (gridId: string, teamId: string): Promise<Team> =>
  teamView(await existingTeam(gridId, teamId));

/**
 * Edits a visit team read at `expectedVersion`: members added (existing cadres) and removed, the
 * leader named or cleared, with the reason, all recorded in the team's history.
 */
export const editTeam = async (
  caller: Caller,
  gridId: string,
  teamId: string,
  input: TeamEditBody,
  expectedVersion: number,
): Promise<Team> => {
  const team = await existingTeam(gridId, teamId);
  if (team.version !== expectedVersion) throw new StaleVersion();
  const edited = applyTeamEdit(team, input);
  if (edited.problems.length > 0) throw new ValidationFailed(edited.problems);
  const added = await findCadres(edited.added);
  assertReferencesFound(
    added.map((cadre, i) => ({
      path: `body.addCadreIds.${i}`,
      found: cadre !== undefined,
      message: 'No cadre with this id',
    })),
  );
  const edit: TeamEditRecord = {
    teamId,
    gridId,
    version: expectedVersion + 1,
    at: nowIso(),
    by: actorOf(caller, ['operator', 'admin']),
    added: edited.added,
    removed: edited.removed,
    leaderFrom: team.leaderCadreId ?? null,
    leaderTo: edited.leaderCadreId,
    reason: input.reason,
  };
  const saved = await saveTeamEdit(
    team,
    { memberCadreIds: edited.memberCadreIds, leaderCadreId: edited.leaderCadreId },
    expectedVersion,
    edit,
  );
  return teamView(saved);
};

export const teamHistory = async (gridId: string, teamId: string) => {
  await existingTeam(gridId, teamId);
  return { items: (await listTeamEdits(gridId, teamId)).map(teamEditView), nextCursor: null };
};
