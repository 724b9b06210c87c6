import type { Campaign, CreateCampaignBody } from '../../contract/expert-campaigns';
import type { IdempotencyToken } from '../../db/creation-guard';
import { NotFound } from '../../domain/errors';
import { campaignFigures } from '../../domain/expert-campaigns';
import { newId, nowIso } from '../../domain/ids';
import {
  allCampaignEngagements,
  findCampaign,
  insertCampaign,
  listCampaignEngagements,
} from '../../repositories/expert-campaigns';
import type { CampaignRecord } from '../../repositories/records/expert-campaigns';
import { allFieldsShown, pageView } from '../record-view';
import { engagementView } from './registry-views';

export const campaignView = allFieldsShown<CampaignRecord, Campaign>();

export const createCampaign = async (
  input: CreateCampaignBody,
  idempotency?: IdempotencyToken,
): Promise<Campaign> => {
  const now = nowIso();
  const campaign: CampaignRecord = { id: newId(), ...input, version: 1, createdAt: now, updatedAt: now };
  const view = campaignView(campaign);
  await insertCampaign(campaign, idempotency?.guard(view));
  return view;
};

export const existingCampaign = async (campaignId: string): Promise<CampaignRecord> => {
  const campaign = await findCampaign(campaignId);
  if (!campaign) throw new NotFound('The campaign');
  return campaign;
};

/** A campaign with its counts, from its engagements (one key query of its partition). */
export const readCampaign = async (campaignId: string) => {
  const campaign = await existingCampaign(campaignId);
  return {
    ...campaignView(campaign),
    figures: campaignFigures(await allCampaignEngagements(campaignId)),
  };
};

export const readCampaignEngagements = async (
  campaignId: string,
  page: { limit: number; cursor?: string },
) => {
  await existingCampaign(campaignId);
  return pageView(await listCampaignEngagements(campaignId, page), engagementView);
};
