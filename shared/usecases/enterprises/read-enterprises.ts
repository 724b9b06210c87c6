import type { Enterprise } from '../../contract/enterprises';
import type { Page } from '../../db/queries';
import { canSeeEnterprise, enterpriseVisibility } from '../../domain/enterprise-visibility';
import { NotFound } from '../../domain/errors';
import type { Viewer } from '../../domain/viewer';
import { type EnterpriseFilter, findEnterprise, listEnterprises } from '../../repositories/enterprises';
import { emptyPage, ownRecordPage } from '../own-record-page';
import { pageView } from '../record-view';
import { enterpriseView } from './enterprise-view';

/** One enterprise, or 404 alike for a missing one and one outside the viewer's scope. */
export const readEnterprise = async (viewer: Viewer, enterpriseId: string): Promise<Enterprise> => {
  const enterprise = canSeeEnterprise(viewer, enterpriseId) ? await findEnterprise(enterpriseId) : undefined;
  if (!enterprise) throw new NotFound('The enterprise');
  return enterpriseView(enterprise);
};

/** The enterprises the viewer may see that pass the filters; an enterprise account sees only its own. */
export const listVisibleEnterprises = async (
  viewer: Viewer,
  filter: EnterpriseFilter,
  page: { limit: number; cursor?: string },
): Promise<Page<Enterprise>> => {
  const visibility = enterpriseVisibility(viewer);
  switch (visibility.kind) {
    case 'all':
      return pageView(await listEnterprises(filter, page), enterpriseView);
    case 'own':
      return pageView(ownRecordPage(await findEnterprise(visibility.enterpriseId), filter), enterpriseView);
    case 'none':
      return emptyPage();
  }
};
