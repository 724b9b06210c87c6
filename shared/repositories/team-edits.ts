import { tableNames } from '../config';
import { cadreKeys, gridKeys } from '../db/keys';
import { queryAll } from '../db/queries';
import { getRecord, type TransactItem, updateVersioned } from '../db/records';
import type { TeamEditRecord, TeamRecord } from './records/grids';

/**
 * Team edits. The team, its history entry (`TEAMEDIT#<team>#<version>` in the grid's partition) and
 * the membership items of the cadres added (put) and removed (deleted) are one transaction on the
 * team's version: the memberships the visit rules read never disagree with the team, and every
 * change is kept in the history even though a removed membership item is gone.
 */
export const findTeam = (gridId: string, teamId: string) =>
  getRecord<TeamRecord>(gridKeys.team(gridId, teamId));

export const saveTeamEdit = (
  team: TeamRecord,
  next: { memberCadreIds: string[]; leaderCadreId: string | null },
  expectedVersion: number,
  edit: TeamEditRecord,
): Promise<TeamRecord> => {
  const writes: TransactItem[] = [
    {
      Put: {
        TableName: tableNames.program,
        Item: { ...gridKeys.teamEdit(team.gridId, team.id, edit.version), entity: 'teamEdit', ...edit },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    ...edit.added.map(
      (cadreId): TransactItem => ({
        Put: {
          TableName: tableNames.program,
          Item: {
            ...cadreKeys.teamMembership(cadreId, team.id),
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
        Delete: { TableName: tableNames.program, Key: cadreKeys.teamMembership(cadreId, team.id) },
      }),
    ),
  ];
  return updateVersioned<TeamRecord>(
    gridKeys.team(team.gridId, team.id),
    expectedVersion,
    next,
    'The team',
    writes,
  );
};

export const listTeamEdits = (gridId: string, teamId: string): Promise<TeamEditRecord[]> =>
  queryAll<TeamEditRecord>(gridKeys.teamEditsOf(gridId, teamId));
