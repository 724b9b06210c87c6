import type { CreationGuard } from '../db/creation-guard';
import { expertCampaignKeys, indexKeysOf } from '../db/keys';
import { type Page, queryAll, queryPage } from '../db/queries';
import { createRecords, getRecord } from '../db/records';
import { Conflict } from '../domain/errors';
import type { CampaignRecord } from './records/expert-campaigns';
import type { EngagementRecord } from './records/experts';

/**
 * Expert campaigns. Access patterns: a campaign by id; all campaigns by start date (GSI1); a
 * campaign's engagements (copies in its partition, written with the engagement by insertEngagement).
 */
export const insertCampaign = (campaign: CampaignRecord, guard?: CreationGuard) =>
  createRecords(
    [
      {
        item: {
          ...expertCampaignKeys.item(campaign.id),
          ...indexKeysOf(campaign.id, [expertCampaignKeys.all(`${campaign.startDate}#${campaign.id}`)]),
          entity: 'expertCampaign',
          ...campaign,
        },
        onTaken: () => new Conflict('CONFLICT', `Campaign ${campaign.id} already exists.`),
      },
    ],
    guard,
  );

export const findCampaign = (campaignId: string) =>
  getRecord<CampaignRecord>(expertCampaignKeys.item(campaignId));

export const listCampaigns = (page: { limit: number; cursor?: string }): Promise<Page<CampaignRecord>> =>
  queryPage<CampaignRecord>({ ...expertCampaignKeys.all(), ...page, newestFirst: true });

/** The copy of an engagement in its campaign's partition: a put of the engagement's transaction. */
export const campaignEngagementPut = (campaignId: string, engagement: EngagementRecord) => ({
  item: {
    ...expertCampaignKeys.engagement(campaignId, engagement.id),
    entity: 'campaignEngagement',
    ...engagement,
  },
  onTaken: () => new Conflict('CONFLICT', `Engagement ${engagement.id} already exists.`),
});

export const listCampaignEngagements = (
  campaignId: string,
  page: { limit: number; cursor?: string },
): Promise<Page<EngagementRecord>> =>
  queryPage<EngagementRecord>({ ...expertCampaignKeys.engagementsOf(campaignId), ...page });

/** Every engagement of a campaign (a campaign runs weeks, its engagements number tens to hundreds). */
export const allCampaignEngagements = (campaignId: string): Promise<EngagementRecord[]> =>
  queryAll<EngagementRecord>(expertCampaignKeys.engagementsOf(campaignId));
