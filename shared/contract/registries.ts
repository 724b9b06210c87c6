import { caseRoutes } from './accountability-cases';
import { expertCampaignRoutes } from './expert-campaigns';
import { expertRoutes } from './experts';
import { policyRoutes } from './policies';
import { promotionRoutes } from './promotions';
import { trainingRoutes } from './trainings';

/**
 * The `registries` API area (one function): the expert panel, trainings, accountability cases and
 * promotions and the policy library with its deliveries, each defined in its own file.
 */
export const registryRoutes = {
  ...expertRoutes,
  ...expertCampaignRoutes,
  ...trainingRoutes,
  ...caseRoutes,
  ...promotionRoutes,
  ...policyRoutes,
};
