import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { tableNames } from '../config';
import { documentClient } from '../db/client';
import { cadreKeys } from '../db/keys';
import { queryAll } from '../db/queries';

/**
 * The grids of a cadre's visit teams: one key query of the cadre's partition, whose team membership
 * items carry their team's grid. Sorted and without repeats (a cadre may sit in two teams of a grid).
 */
export const listGridIdsOfCadre = async (cadreId: string): Promise<string[]> => {
  const memberships = await queryAll<{ gridId?: unknown }>({
    ...cadreKeys.teamMembershipsOf(cadreId),
    fields: ['gridId'],
  });
  const gridIds = new Set(memberships.flatMap(({ gridId }) => (typeof gridId === 'string' ? [gridId] : [])));
  return [...gridIds].sort();
};

/** A cadre's membership of one team, with the team's grid; undefined when the cadre is not in the team. */
export const findTeamMembership = async (
  cadreId: string,
  teamId: string,
): Promise<{ teamId: string; gridId: string } | undefined> => {
  const { Item } = await documentClient.send(
    new GetCommand({
      TableName: tableNames.program,
      Key: cadreKeys.teamMembership(cadreId, teamId),
      ProjectionExpression: 'teamId, gridId',
    }),
  );
  return Item && typeof Item.gridId === 'string' ? { teamId, gridId: Item.gridId } : undefined;
};
