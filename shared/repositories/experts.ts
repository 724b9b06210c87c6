import type { CreationGuard } from '../db/creation-guard';
import { expertKeys, indexKeysOf, issueKeys } from '../db/keys';
import { type Page, queryPage } from '../db/queries';
import { createRecords, getRecord, updateVersioned } from '../db/records';
import { Conflict } from '../domain/errors';
import { programStatsUpdate } from './program-stats';
import type { EngagementRecord, ExpertRecord } from './records/experts';

/**
 * Experts and their engagements. Access patterns: an expert by id (pk); all experts (GSI1), by
 * profession (GSI2), in creation order, a sector they advise as a filter (the panel is small: 15 in
 * Haining); an expert's engagements by key query of the expert's partition.
 */
const partitionsOf = (expert: Pick<ExpertRecord, 'profession'>) => [
  expertKeys.all(),
  expertKeys.byProfession(expert.profession),
];

export const insertExpert = (expert: ExpertRecord, guard?: CreationGuard) =>
  createRecords(
    [
      {
        item: {
          ...expertKeys.item(expert.id),
          ...indexKeysOf(expert.id, partitionsOf(expert)),
          entity: 'expert',
          ...expert,
        },
        onTaken: () => new Conflict('CONFLICT', `Expert ${expert.id} already exists.`),
      },
    ],
    guard,
  );

export const findExpert = (expertId: string) => getRecord<ExpertRecord>(expertKeys.item(expertId));

export interface ExpertFilter {
  profession?: string;
  field?: string;
}

export const expertQueryPlan = ({ profession, field }: ExpertFilter) => ({
  ...(profession ? expertKeys.byProfession(profession) : expertKeys.all()),
  filter: field
    ? { expression: 'contains(#fields, :field)', names: { '#fields': 'fields' }, values: { ':field': field } }
    : undefined,
});

export const listExperts = (filter: ExpertFilter, page: { limit: number; cursor?: string }) =>
  queryPage<ExpertRecord>({ ...expertQueryPlan(filter), ...page });

export const saveExpertChanges = (
  next: ExpertRecord,
  changes: Partial<ExpertRecord>,
  expectedVersion: number,
) =>
  updateVersioned<ExpertRecord>(
    expertKeys.item(next.id),
    expectedVersion,
    { ...changes, ...indexKeysOf(next.id, partitionsOf(next)) },
    'The expert',
  );

/** The engagement and the day's `expertEngagements` count, in one transaction. */
export const insertEngagement = (engagement: EngagementRecord, guard?: CreationGuard) =>
  createRecords(
    [
      {
        item: {
          ...expertKeys.engagement(engagement.expertId, engagement.id),
          entity: 'expertEngagement',
          ...engagement,
        },
        onTaken: () => new Conflict('CONFLICT', `Engagement ${engagement.id} already exists.`),
      },
    ],
    guard,
    [programStatsUpdate(engagement.date, engagement.id, { expertEngagements: 1 })],
  );

export const listEngagements = (
  expertId: string,
  page: { limit: number; cursor?: string },
): Promise<Page<EngagementRecord>> =>
  queryPage<EngagementRecord>({ ...expertKeys.engagementsOf(expertId), ...page });

/** Whether an issue exists: an engagement may name one. */
export const issueExists = async (issueId: string): Promise<boolean> =>
  (await getRecord<object>(issueKeys.item(issueId))) !== undefined;
