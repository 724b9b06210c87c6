import { isChoosingAUnit, suggestedUnitOf } from '../../domain/issues/categories';
import type { Issue } from '../../domain/issues/issue';
import { seesInternals } from '../../domain/issues/public-view';
import type { Viewer } from '../../domain/viewer';
import { listCategories } from '../../repositories/categories';

/**
 * Adds `suggestedUnitId` (the category's default unit) to the issues whose handling unit the office is
 * still to choose (open, or awaiting dispatch), for officials only. A suggestion, never an assignment:
 * the office dispatches by naming a unit, which may be another. The taxonomy is read once, and only
 * when some issue needs it.
 */
export const withUnitSuggestions = async <V extends Pick<Issue, 'status' | 'category'>>(
  viewer: Viewer,
  views: V[],
): Promise<(V & { suggestedUnitId?: string })[]> => {
  if (!seesInternals(viewer) || !views.some(isChoosingAUnit)) {
    return views;
  }
  const categories = new Map((await listCategories()).map((category) => [category.code, category]));
  return views.map((view) => {
    const suggestedUnitId = suggestedUnitOf(view, categories.get(view.category));
    return suggestedUnitId ? { ...view, suggestedUnitId } : view;
  });
};
