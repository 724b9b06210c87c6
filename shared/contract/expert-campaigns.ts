import * as z from 'zod/mini';
import { defineRoute } from '../http/contract';
import { id, isoDate, name, pageOf, pageQuery, recordMeta, text } from './common';
import { engagementRecord } from './experts';
import { REGISTRY_READERS, REGISTRY_WRITERS } from './registry-roles';

/**
 * Expert campaigns (专家服务团的集中活动, e.g. 精准帮扶进企业集中月, docs/expert-campaigns.md): a named
 * period that groups the expert panel's engagements, with its own counts. An engagement joins a
 * campaign by naming it (`campaignId` on POST /experts/{expertId}/engagements). Served by the
 * `registries` area.
 */
export const createCampaignBody = z
  .strictObject({
    name,
    /** What the campaign is for: sectors, enterprises, services it targets. */
    theme: text(2000),
    startDate: isoDate,
    endDate: isoDate,
  })
  .check(
    z.refine((body) => body.startDate <= body.endDate, {
      path: ['endDate'],
      message: 'The end date must not be before the start date',
    }),
  );
export type CreateCampaignBody = z.output<typeof createCampaignBody>;

export const campaignRecord = z.object({
  ...recordMeta,
  name: z.string(),
  theme: z.string(),
  startDate: z.string(),
  endDate: z.string(),
});
export type Campaign = z.output<typeof campaignRecord>;

/** A campaign with its counts, computed from its engagements when read. */
export const campaignWithFigures = z.object({
  ...campaignRecord.def.shape,
  figures: z.object({
    engagements: z.number(),
    experts: z.number(),
    enterprises: z.number(),
    issues: z.number(),
  }),
});

const campaignParams = z.strictObject({ campaignId: id });

export const expertCampaignRoutes = {
  createCampaign: defineRoute({
    method: 'POST',
    path: '/expert-campaigns',
    area: 'registries',
    summary: "Open an expert campaign (e.g. 精准帮扶进企业集中月) that groups the panel's engagements",
    roles: REGISTRY_WRITERS,
    body: createCampaignBody,
    response: campaignRecord,
    successStatus: 201,
    idempotency: 'required',
  }),
  listCampaigns: defineRoute({
    method: 'GET',
    path: '/expert-campaigns',
    area: 'registries',
    summary: 'Expert campaigns, newest start first',
    roles: REGISTRY_READERS,
    query: z.strictObject(pageQuery),
    response: pageOf(campaignRecord),
  }),
  getCampaign: defineRoute({
    method: 'GET',
    path: '/expert-campaigns/{campaignId}',
    area: 'registries',
    summary:
      'One campaign with its counts: engagements, and the experts, enterprises and issues they reached',
    roles: REGISTRY_READERS,
    params: campaignParams,
    response: campaignWithFigures,
  }),
  listCampaignEngagements: defineRoute({
    method: 'GET',
    path: '/expert-campaigns/{campaignId}/engagements',
    area: 'registries',
    summary: "A campaign's engagements in the order recorded",
    roles: REGISTRY_READERS,
    params: campaignParams,
    query: z.strictObject(pageQuery),
    response: pageOf(engagementRecord),
  }),
};
