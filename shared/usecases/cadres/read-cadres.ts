import type { Cadre } from '../../contract/cadres';
import type { Page } from '../../db/queries';
import { cadreVisibility, canSeeCadre } from '../../domain/cadre-visibility';
import { NotFound } from '../../domain/errors';
import type { Viewer } from '../../domain/viewer';
import { type CadreFilter, findCadre, listCadres } from '../../repositories/cadres';
import { emptyPage, ownRecordPage } from '../own-record-page';
import { pageView } from '../record-view';
import { cadreView } from './cadre-view';

/** One cadre, or 404 alike for a missing one and one outside the viewer's scope. */
export const readCadre = async (viewer: Viewer, cadreId: string): Promise<Cadre> => {
  const cadre = await findCadre(cadreId);
  if (!cadre || !canSeeCadre(viewer, cadre)) throw new NotFound('The cadre');
  return cadreView(cadre);
};

/**
 * The cadres the viewer may see that pass the filters: a department lists its own unit (asking
 * for another unit finds nothing), a cadre only itself.
 */
export const listVisibleCadres = async (
  viewer: Viewer,
  filter: CadreFilter,
  page: { limit: number; cursor?: string },
): Promise<Page<Cadre>> => {
  const visibility = cadreVisibility(viewer);
  switch (visibility.kind) {
    case 'all':
      return pageView(await listCadres(filter, page), cadreView);
    case 'unit':
      if (filter.unitId !== undefined && filter.unitId !== visibility.unitId) return emptyPage();
      return pageView(await listCadres({ ...filter, unitId: visibility.unitId }, page), cadreView);
    case 'self':
      return pageView(ownRecordPage(await findCadre(visibility.cadreId), filter), cadreView);
    case 'none':
      return emptyPage();
  }
};
