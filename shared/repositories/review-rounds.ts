import { tableNames } from '../config';
import { conditionRefused } from '../db/cancellation';
import type { CreationGuard } from '../db/creation-guard';
import { indexKeysOf, reviewRoundKeys } from '../db/keys';
import { type Page, queryAll, queryPage } from '../db/queries';
import { createRecords, getRecord, type TransactItem, updateVersioned } from '../db/records';
import { tallyCounterName } from '../domain/appraisal/review-tally';
import { Conflict, InvalidTransition } from '../domain/errors';
import type { BallotRecord, ReviewRoundRecord } from './records/appraisals';

/**
 * Democratic review rounds (民主评议). Access patterns: a round by id, with its ballots
 * (`BALLOT#<id>`) and one tally item per graded cadre (`TALLY#<cadre>`) in its partition; a batch's
 * rounds (GSI1). A ballot, the round's ballot count and each graded cadre's counters are one
 * transaction, conditional on the round being open: the tallies always equal a recount of the ballots.
 */
export const insertRound = (round: ReviewRoundRecord, guard?: CreationGuard) =>
  createRecords(
    [
      {
        item: {
          ...reviewRoundKeys.item(round.id),
          ...indexKeysOf(round.id, [reviewRoundKeys.byBatch(round.batch)]),
          entity: 'reviewRound',
          ...round,
        },
        onTaken: () => new Conflict('CONFLICT', `Review round ${round.id} already exists.`),
      },
    ],
    guard,
  );

export const findRound = (roundId: string) => getRecord<ReviewRoundRecord>(reviewRoundKeys.item(roundId));

export const listRoundsOfBatch = (
  batch: string,
  page: { limit: number; cursor?: string },
): Promise<Page<ReviewRoundRecord>> =>
  queryPage<ReviewRoundRecord>({ ...reviewRoundKeys.byBatch(batch), ...page });

export const allRoundsOfBatch = (batch: string): Promise<ReviewRoundRecord[]> =>
  queryAll<ReviewRoundRecord>(reviewRoundKeys.byBatch(batch));

const roundClosed = () => new InvalidTransition('This review round is closed: it takes no more ballots.');

export const insertBallot = async (ballot: BallotRecord, guard?: CreationGuard) => {
  const countBallot: TransactItem = {
    Update: {
      TableName: tableNames.program,
      Key: reviewRoundKeys.item(ballot.roundId),
      UpdateExpression: 'ADD ballots :one',
      ConditionExpression: '#status = :open',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':one': 1, ':open': 'open' },
    },
  };
  const tallies: TransactItem[] = ballot.votes.map(({ cadreId, grade }) => ({
    Update: {
      TableName: tableNames.program,
      Key: reviewRoundKeys.tally(ballot.roundId, cadreId),
      UpdateExpression: 'SET entity = :entity, roundId = :round, cadreId = :cadre ADD #counter :one',
      ExpressionAttributeNames: { '#counter': tallyCounterName(ballot.voterGroup, grade) },
      ExpressionAttributeValues: {
        ':entity': 'reviewTally',
        ':round': ballot.roundId,
        ':cadre': cadreId,
        ':one': 1,
      },
    },
  }));
  try {
    await createRecords(
      [
        {
          item: { ...reviewRoundKeys.ballot(ballot.roundId, ballot.id), entity: 'ballot', ...ballot },
          onTaken: () => new Conflict('CONFLICT', `Ballot ${ballot.id} already exists.`),
        },
      ],
      guard,
      [countBallot, ...tallies],
    );
  } catch (error) {
    const roundAt = guard ? 2 : 1;
    if (conditionRefused(error, roundAt)) throw roundClosed();
    throw error;
  }
};

export const saveRoundClosed = (roundId: string, expectedVersion: number) =>
  updateVersioned<ReviewRoundRecord>(
    reviewRoundKeys.item(roundId),
    expectedVersion,
    { status: 'closed' },
    'The review round',
  );

/** The counters of every cadre graded in a round (one key query). */
export const readTallies = (roundId: string) =>
  queryAll<Record<string, unknown> & { cadreId: string }>(reviewRoundKeys.talliesOf(roundId));

export const findTally = (roundId: string, cadreId: string) =>
  getRecord<Record<string, unknown>>(reviewRoundKeys.tally(roundId, cadreId));
