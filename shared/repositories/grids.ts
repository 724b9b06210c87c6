import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { tableNames } from '../config';
import { documentClient } from '../db/client';
import type { CreationGuard } from '../db/creation-guard';
import { cadreKeys, gridKeys, indexKeysOf } from '../db/keys';
import { type Page, queryPage } from '../db/queries';
import { createRecords, getRecord, type TransactItem } from '../db/records';
import { Conflict } from '../domain/errors';
import type { GridRecord, TeamRecord } from './records/grids';

/**
 * Grids and their visit teams. Access patterns: grid by id (pk); all grids (GSI1) and grids of a
 * town (GSI2) in creation order; code uniqueness through a claim item; teams of a grid (the grid's
 * partition, `TEAM#<id>`); teams of a cadre (the cadre's partition, one membership item per team).
 */
export const insertGrid = (grid: GridRecord, guard?: CreationGuard) =>
  createRecords(
    [
      {
        item: {
          ...gridKeys.item(grid.id),
          ...indexKeysOf(grid.id, [gridKeys.all(), gridKeys.byTown(grid.townUnitId)]),
          entity: 'grid',
          ...grid,
        },
        onTaken: () => new Conflict('CONFLICT', `Grid ${grid.id} already exists.`),
      },
      {
        item: { ...gridKeys.code(grid.code), entity: 'uniqueClaim', ownerId: grid.id },
        onTaken: () => new Conflict('GRID_CODE_TAKEN', `Grid code ${grid.code} is already in use.`),
      },
    ],
    guard,
  );

export const findGrid = (gridId: string) => getRecord<GridRecord>(gridKeys.item(gridId));

export const listGrids = (filter: {
  townUnitId?: string;
  limit: number;
  cursor?: string;
}): Promise<Page<GridRecord>> =>
  queryPage<GridRecord>({
    ...(filter.townUnitId ? gridKeys.byTown(filter.townUnitId) : gridKeys.all()),
    limit: filter.limit,
    cursor: filter.cursor,
  });

/**
 * The team and one membership item per member in one transaction: later rules (which enterprises a
 * cadre may visit) read the memberships, so they can never disagree with the team.
 */
export const insertTeam = (team: TeamRecord, guard?: CreationGuard) =>
  createRecords(
    [
      {
        item: { ...gridKeys.team(team.gridId, team.id), entity: 'team', ...team },
        onTaken: () => new Conflict('CONFLICT', `Team ${team.id} already exists.`),
      },
      ...team.memberCadreIds.map((cadreId) => ({
        item: {
          ...cadreKeys.teamMembership(cadreId, team.id),
          entity: 'teamMembership',
          cadreId,
          teamId: team.id,
          gridId: team.gridId,
          createdAt: team.createdAt,
        },
        onTaken: () => new Conflict('CONFLICT', `Cadre ${cadreId} is already in team ${team.id}.`),
      })),
    ],
    guard,
  );

export const listTeams = (
  gridId: string,
  page: { limit: number; cursor?: string },
): Promise<Page<TeamRecord>> => queryPage<TeamRecord>({ ...gridKeys.teamsOf(gridId), ...page });

/**
 * Moves a grid's enterprise count by `by`, as a write inside the transaction that registers an
 * enterprise in the grid (+1) or moves one out of it (-1) or into it (+1): coverage reads the count
 * instead of counting the grid's enterprises.
 */
export const gridEnterpriseCountUpdate = (gridId: string, by: number): TransactItem => ({
  Update: {
    TableName: tableNames.program,
    Key: gridKeys.enterpriseCount(gridId),
    UpdateExpression: 'SET entity = :entity, gridId = :gridId ADD enterprises :by',
    ExpressionAttributeValues: { ':entity': 'gridEnterpriseCount', ':gridId': gridId, ':by': by },
  },
});

/** How many enterprises the grid holds now (0 before its first). */
export const readGridEnterpriseCount = async (gridId: string): Promise<number> => {
  const { Item } = await documentClient.send(
    new GetCommand({ TableName: tableNames.program, Key: gridKeys.enterpriseCount(gridId) }),
  );
  return Number(Item?.enterprises ?? 0);
};
