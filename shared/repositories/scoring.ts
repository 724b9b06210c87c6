import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { tableNames } from '../config';
import { documentClient } from '../db/client';
import { indexKeysOf, scoringKeys } from '../db/keys';
import { queryAll } from '../db/queries';
import { putVersioned, toRecord } from '../db/records';
import type { RankingGroup, RankingReport, RankingRow } from '../domain/scoring/ranking';

/**
 * Quarterly scoring's data (besides every unit, from the units). Access patterns: every unit-quarter
 * counter item of a quarter (GSI1 `UNITSTATS#<quarter>`), every party-points record of a quarter
 * (GSI1 `PARTY#<quarter>`): all O(units), none touching an issue. A quarter's ranking lives in one
 * partition: a head naming the current revision, and that revision's rows in group and rank order.
 */

/** The unit-quarter counter items of a quarter, by unit id (attributes as stored, keys stripped). */
export const listUnitCounters = async (quarter: string): Promise<Map<string, Record<string, unknown>>> => {
  const { index, partition } = scoringKeys.countersOfQuarter(quarter);
  const items = await queryAll<Record<string, unknown>>({ index, partition });
  return new Map(items.map((item) => [String(item.unitId), item]));
};

export interface PartyPoints {
  unitId: string;
  quarter: string;
  points: number;
  updatedBy: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

const partyPointsItem = (record: PartyPoints) => ({
  ...scoringKeys.partyPoints(record.unitId, record.quarter),
  entity: 'partyPoints',
  ...indexKeysOf(record.unitId, [scoringKeys.partyPointsOfQuarter(record.quarter, record.unitId)]),
  ...record,
});

export const listPartyPoints = async (quarter: string): Promise<Map<string, number>> => {
  const { index, partition } = scoringKeys.partyPointsOfQuarter(quarter);
  const items = await queryAll<PartyPoints>({ index, partition });
  return new Map(items.map((item) => [String(item.unitId), Number(item.points)]));
};

export const findPartyPoints = async (unitId: string, quarter: string): Promise<PartyPoints | undefined> => {
  const { Item } = await documentClient.send(
    new GetCommand({
      TableName: tableNames.program,
      Key: scoringKeys.partyPoints(unitId, quarter),
      ConsistentRead: true,
    }),
  );
  return Item ? toRecord<PartyPoints>(Item) : undefined;
};

/**
 * Writes a unit's points for a quarter, never over a record the caller has not seen: without an
 * expected version only a first record (VersionRequired when one exists: read it and name its
 * version); with one, only over exactly that version (StaleVersion otherwise, also when there is none).
 */
export const savePartyPoints = async (
  record: PartyPoints,
  expectedVersion: number | undefined,
): Promise<PartyPoints> => {
  await putVersioned(partyPointsItem(record), expectedVersion);
  return record;
};

/** Which revision of a quarter's ranking is published, and what it was computed from. */
export interface RankingHead extends Omit<RankingReport, RankingGroup> {
  revision: number;
  contentHash: string;
  asOf: string;
  computedAt: string;
  rows: Record<RankingGroup, number>;
}

export const findRankingHead = async (quarter: string): Promise<RankingHead | undefined> => {
  const { Item } = await documentClient.send(
    new GetCommand({
      TableName: tableNames.program,
      Key: scoringKeys.rankingHead(quarter),
      ConsistentRead: true,
    }),
  );
  return Item ? toRecord<RankingHead>(Item) : undefined;
};

/** Another run published this quarter between our read of the head and our write. */
export class RankingRaceError extends Error {
  override readonly name = 'RankingRaceError';
}

/**
 * Publishes a new revision: its rows first (a revision nobody points at yet, so a crash halfway
 * shows nothing), then the head, on condition it still names the revision we replaced.
 */
export const publishRanking = async (
  head: RankingHead,
  rows: ReadonlyArray<{ group: RankingGroup; row: RankingRow }>,
): Promise<void> => {
  const items = rows.map(({ group, row }) => ({
    ...scoringKeys.rankingRow(head.quarter, head.revision, group, row.rank, row.unitId),
    entity: 'rankingRow',
    group,
    ...row,
  }));
  for (let i = 0; i < items.length; i += 25) {
    let request: Record<string, unknown[]> | undefined = {
      [tableNames.program]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })),
    };
    while (request && Object.keys(request).length > 0) {
      const response = await documentClient.send(new BatchWriteCommand({ RequestItems: request as never }));
      request = response.UnprocessedItems as typeof request;
    }
  }
  try {
    await documentClient.send(
      new PutCommand({
        TableName: tableNames.program,
        Item: { ...scoringKeys.rankingHead(head.quarter), entity: 'rankingHead', ...head },
        ConditionExpression: head.revision === 1 ? 'attribute_not_exists(pk)' : 'revision = :previous',
        ExpressionAttributeValues: head.revision === 1 ? undefined : { ':previous': head.revision - 1 },
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) {
      throw new RankingRaceError(`ranking ${head.quarter} revision ${head.revision} was published meanwhile`);
    }
    throw error;
  }
};

/** The rows of one revision, in group and rank order. */
export const readRankingRows = async (
  quarter: string,
  revision: number,
): Promise<Array<RankingRow & { group: RankingGroup }>> =>
  queryAll<RankingRow & { group: RankingGroup }>(scoringKeys.rankingRows(quarter, revision));
