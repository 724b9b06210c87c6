import { tableNames } from '../config';
import type { TeamEdit } from '../contract/grid-staffing';
import type { Team } from '../contract/grids';
import { keys } from '../db/keys';
import { teamEditKey, teamEditPrefix } from '../db/people-keys';
import { getRecord, queryPage, type TransactItem, updateVersioned } from '../db/records';
import { readAll } from './assessments';

/**
 * Team edits. The team, its history entry (`TEAMEDIT#<team>#<version>` in the grid's partition) and
 * the membership items of the cadres added (put) and removed (deleted) are one transaction on the
 * team's version: the memberships the visit rules read never disagree with the team, and every
 * change is kept in the history even though a removed membership item is gone.
 */
export const findTeam = (gridId: string, teamId: string) => getRecord<Team>(keys.team(gridId, teamId));

export const saveTeamEdit = (
  team: Team,
  next: { memberCadreIds: string[]; leaderCadreId: string | null },
  expectedVersion: number,
  edit: TeamEdit,
): Promise<Team> => {
  const writes: TransactItem[] = [
    {
      Put: {
        TableName: tableNames.program,
        Item: { ...teamEditKey(team.gridId, team.id, edit.version), entity: 'teamEdit', ...edit },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    ...edit.added.map(
      (cadreId): TransactItem => ({
        Put: {
          TableName: tableNames.program,
          Item: {
            ...keys.teamMembership(cadreId, team.id),
            entity: 'teamMembership',
            cadreId,
            teamId: team.id,
            gridId: team.gridId,
            createdAt: edit.at,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      }),
    ),
    ...edit.removed.map(
      (cadreId): TransactItem => ({
        Delete: { TableName: tableNames.program, Key: keys.teamMembership(cadreId, team.id) },
      }),
    ),
  ];
  return updateVersioned<Team>(keys.team(team.gridId, team.id), expectedVersion, next, 'The team', writes);
};

export const listTeamEdits = (gridId: string, teamId: string): Promise<TeamEdit[]> =>
  readAll((page) =>
    queryPage<TeamEdit>({ partition: keys.grid(gridId).pk, sortPrefix: teamEditPrefix(teamId), ...page }),
  );
