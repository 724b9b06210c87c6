import type * as z from 'zod/mini';
import type { categoryRecord } from '../../contract/categories';
import type { CategoryRecord } from '../../repositories/records/categories';
import { allFieldsShown } from '../record-view';

/** A category as clients see it: every stored field. */
export const categoryView = allFieldsShown<CategoryRecord, z.output<typeof categoryRecord>>();
