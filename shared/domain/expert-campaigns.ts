import type { FieldProblem } from './errors';

/**
 * Expert campaigns (e.g. the seed's 精准帮扶进企业集中月): a period in which the expert panel's
 * engagements are grouped and counted together.
 */

/** What a campaign counts of one engagement. */
export interface CampaignEngagement {
  expertId: string;
  enterpriseId?: string;
  issueId?: string;
}

export interface CampaignFigures {
  engagements: number;
  experts: number;
  enterprises: number;
  issues: number;
}

/** Engagements, and the distinct experts, enterprises and issues they reached. */
export const campaignFigures = (engagements: readonly CampaignEngagement[]): CampaignFigures => {
  const distinct = (pick: (e: CampaignEngagement) => string | undefined) =>
    new Set(engagements.flatMap((e) => pick(e) ?? [])).size;
  return {
    engagements: engagements.length,
    experts: distinct((e) => e.expertId),
    enterprises: distinct((e) => e.enterpriseId),
    issues: distinct((e) => e.issueId),
  };
};

/** An engagement counts in a campaign only on a day of it (both ends included). */
export const engagementDateProblems = (
  date: string,
  campaign: { startDate: string; endDate: string },
): FieldProblem[] =>
  date < campaign.startDate || date > campaign.endDate
    ? [
        {
          path: 'body.date',
          message: `The campaign runs from ${campaign.startDate} to ${campaign.endDate}; the engagement's date is outside it`,
        },
      ]
    : [];
