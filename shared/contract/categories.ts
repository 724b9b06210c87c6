import * as z from 'zod/mini';
import { CATEGORY_CODE } from '../domain/issues/categories';
import { defineRoute } from '../http/contract';
import { ALL_ROLES, id, MASTER_DATA_WRITERS, name, pageOf } from './common';

export const categoryCode = z.string().check(z.regex(CATEGORY_CODE));

export const categoryBody = z.strictObject({ name, defaultUnitId: id });
export type CategoryBody = z.output<typeof categoryBody>;

export const categoryRecord = z.object({
  code: z.string(),
  name: z.string(),
  /** The department suggested at escalation and dispatch for issues of this category. */
  defaultUnitId: z.string(),
  updatedBy: z.string(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** The problem taxonomy: read by everyone who raises or handles issues, kept by the office (master data). */
export const categoryRoutes = {
  listCategories: defineRoute({
    method: 'GET',
    path: '/categories',
    area: 'units',
    summary: 'The problem taxonomy: every category with its default unit, in code order (one page)',
    roles: ALL_ROLES,
    response: pageOf(categoryRecord),
  }),
  putCategory: defineRoute({
    method: 'PUT',
    path: '/categories/{code}',
    area: 'units',
    summary:
      'Create a category (201, without If-Match) or change one (200, If-Match: its version); its default unit must be a department',
    roles: MASTER_DATA_WRITERS,
    params: z.strictObject({ code: categoryCode }),
    body: categoryBody,
    response: categoryRecord,
    ifMatch: 'optional',
  }),
};
