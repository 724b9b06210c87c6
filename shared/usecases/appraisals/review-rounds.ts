import type { Ballot, BallotBody, CreateReviewRoundBody, ReviewRound } from '../../contract/appraisals';
import type { IdempotencyToken } from '../../db/creation-guard';
import { tallyFromCounters } from '../../domain/appraisal/review-tally';
import { InvalidTransition, NotFound, StaleVersion } from '../../domain/errors';
import { newId, nowIso } from '../../domain/ids';
import type { Caller } from '../../domain/viewer';
import { findBatch } from '../../repositories/batches';
import type { BallotRecord, ReviewRoundRecord } from '../../repositories/records/appraisals';
import { allResidenciesOfBatch, findResidency } from '../../repositories/residencies';
import {
  allRoundsOfBatch,
  findRound,
  findTally,
  insertBallot,
  insertRound,
  listRoundsOfBatch,
  readTallies,
  saveRoundClosed,
} from '../../repositories/review-rounds';
import { pageView } from '../record-view';
import { assertReferencesFound } from '../references';
import { actorOf } from './actor';
import { ballotView, reviewRoundView } from './appraisal-views';

/** Opens a democratic review round (民主评议) of a batch that exists as a record. */
export const createReviewRound = async (
  batch: string,
  input: CreateReviewRoundBody,
  idempotency?: IdempotencyToken,
): Promise<ReviewRound> => {
  if (!(await findBatch(batch))) throw new NotFound('The batch');
  const at = nowIso();
  const round: ReviewRoundRecord = {
    id: newId(),
    batch,
    ...input,
    status: 'open',
    ballots: 0,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  const view = reviewRoundView(round);
  await insertRound(round, idempotency?.guard(view));
  return view;
};

const existingRound = async (roundId: string): Promise<ReviewRoundRecord> => {
  const round = await findRound(roundId);
  if (!round) throw new NotFound('The review round');
  return round;
};

/**
 * Records one representative's ballot. Every graded cadre must hold a residency of the round's batch
 * (400 UNKNOWN_REFERENCE otherwise, nothing written); a closed round takes none (409).
 */
export const castBallot = async (
  caller: Caller,
  roundId: string,
  input: BallotBody,
  idempotency?: IdempotencyToken,
): Promise<Ballot> => {
  const round = await existingRound(roundId);
  if (round.status !== 'open')
    throw new InvalidTransition('This review round is closed: it takes no more ballots.');
  const residents = new Set((await allResidenciesOfBatch(round.batch)).map((residency) => residency.cadreId));
  assertReferencesFound(
    input.votes.map((vote, i) => ({
      path: `body.votes.${i}.cadreId`,
      found: residents.has(vote.cadreId),
      message: `No resident cadre of batch ${round.batch} with this id`,
    })),
  );
  const at = nowIso();
  const ballot: BallotRecord = {
    id: newId(),
    roundId,
    ...input,
    recordedBy: actorOf(caller, ['operator', 'admin']),
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  const view = ballotView(ballot);
  await insertBallot(ballot, idempotency?.guard(view));
  return view;
};

export const closeReviewRound = async (roundId: string, expectedVersion: number): Promise<ReviewRound> => {
  const round = await existingRound(roundId);
  if (round.version !== expectedVersion) throw new StaleVersion();
  if (round.status !== 'open') throw new InvalidTransition('This review round is already closed.');
  return reviewRoundView(await saveRoundClosed(roundId, expectedVersion));
};

/** A round with the tally of every cadre its ballots graded. */
export const readReviewRound = async (roundId: string) => {
  const round = await existingRound(roundId);
  const counters = await readTallies(roundId);
  return {
    ...reviewRoundView(round),
    tallies: counters.map((counter) => ({ cadreId: counter.cadreId, tally: tallyFromCounters(counter) })),
  };
};

export const listReviewRounds = async (batch: string, page: { limit: number; cursor?: string }) => {
  if (!(await findBatch(batch))) throw new NotFound('The batch');
  return pageView(await listRoundsOfBatch(batch, page), reviewRoundView);
};

/** A cadre's tally in each review round of a batch, in the order the rounds were opened. */
export const reviewsOfCadre = async (batch: string, cadreId: string) => {
  const rounds = await allRoundsOfBatch(batch);
  const counters = await Promise.all(rounds.map((round) => findTally(round.id, cadreId)));
  return rounds.map((round, i) => ({
    roundId: round.id,
    date: round.date,
    status: round.status,
    tally: tallyFromCounters(counters[i] ?? {}),
  }));
};

/** The democratic review tallies of a residency's cadre in its batch, shown beside its assessment. */
export const reviewsOfResidency = async (residencyId: string) => {
  const residency = await findResidency(residencyId);
  if (!residency) throw new NotFound('The residency');
  return reviewsOfCadre(residency.batch, residency.cadreId);
};
