import { listCategories } from '../../repositories/categories';
import { categoryView } from './category-view';

/** The whole taxonomy in code order, as one page: it is tens of categories, never more than a few hundred. */
export const listCategoryViews = async () => ({
  items: (await listCategories()).map(categoryView),
  nextCursor: null,
});
