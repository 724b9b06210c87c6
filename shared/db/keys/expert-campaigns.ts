import type { IndexPartition, ItemKey, KeyRange } from './attributes';

/**
 * Expert campaigns, with a copy of each engagement that names the campaign in its partition (written
 * in the engagement's transaction, so the campaign's counts are a key query); GSI1 all campaigns by
 * start date (`startDate#id`).
 */
export const expertCampaignKeys = {
  item: (id: string): ItemKey => ({ pk: `CAMPAIGN#${id}`, sk: 'CAMPAIGN' }),
  engagement: (campaignId: string, engagementId: string): ItemKey => ({
    pk: `CAMPAIGN#${campaignId}`,
    sk: `ENGAGEMENT#${engagementId}`,
  }),
  engagementsOf: (campaignId: string): KeyRange => ({
    partition: `CAMPAIGN#${campaignId}`,
    sortPrefix: 'ENGAGEMENT#',
  }),
  all: (sort?: string): IndexPartition => ({ index: 'GSI1', partition: 'CAMPAIGN', sort }),
};
