import type { Enterprise } from '../../contract/enterprises';
import type { Page } from '../../db/queries';
import { type EnterpriseLookup, matchesEnterpriseLookup } from '../../domain/enterprise-lookup';
import { canSeeEnterprise, enterpriseVisibility } from '../../domain/enterprise-visibility';
import { NotFound } from '../../domain/errors';
import type { Viewer } from '../../domain/viewer';
import { findEnterprise, findEnterpriseByCreditCode, listEnterprises } from '../../repositories/enterprises';
import { emptyPage } from '../own-record-page';
import { pageView } from '../record-view';
import { enterpriseView } from './enterprise-view';

/** One enterprise, or 404 alike for a missing one and one outside the viewer's scope. */
export const readEnterprise = async (viewer: Viewer, enterpriseId: string): Promise<Enterprise> => {
  const enterprise = canSeeEnterprise(viewer, enterpriseId) ? await findEnterprise(enterpriseId) : undefined;
  if (!enterprise) throw new NotFound('The enterprise');
  return enterpriseView(enterprise);
};

/**
 * The enterprises the viewer may see that pass the filters; an enterprise account sees only its own.
 * A credit code names at most one enterprise: it is found through its uniqueness claim (one read),
 * never by a scan, and the other filters then apply to it.
 */
export const listVisibleEnterprises = async (
  viewer: Viewer,
  { creditCode, ...filter }: EnterpriseLookup,
  page: { limit: number; cursor?: string },
): Promise<Page<Enterprise>> => {
  const visibility = enterpriseVisibility(viewer);
  if (visibility.kind === 'none') return emptyPage();
  if (visibility.kind === 'all' && creditCode === undefined) {
    return pageView(await listEnterprises(filter, page), enterpriseView);
  }
  const enterprise =
    visibility.kind === 'own'
      ? await findEnterprise(visibility.enterpriseId)
      : await findEnterpriseByCreditCode(creditCode as string);
  const passes = enterprise !== undefined && matchesEnterpriseLookup(enterprise, { ...filter, creditCode });
  return { items: passes ? [enterpriseView(enterprise)] : [], nextCursor: null };
};
