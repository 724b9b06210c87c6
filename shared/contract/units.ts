import * as z from 'zod/mini';
import { defineRoute } from '../http/contract';
import { ALL_ROLES, code, id, MASTER_DATA_WRITERS, name, pageOf, pageQuery, recordMeta } from './common';

export const UNIT_KINDS = ['department', 'town'] as const;
export const UNIT_CATEGORIES = ['class1', 'class2'] as const;

/** Departments are ranked within their category, so they need one; towns are ranked as towns and have none. */
export const createUnitBody = z
  .strictObject({
    code,
    name,
    kind: z.enum(UNIT_KINDS),
    category: z.optional(z.enum(UNIT_CATEGORIES)),
  })
  .check(
    z.refine((unit) => (unit.kind === 'department') === (unit.category !== undefined), {
      path: ['category'],
      message: 'A department needs a category (class1 or class2); a town has none',
    }),
  );
export type CreateUnitBody = z.output<typeof createUnitBody>;

export const unitRecord = z.object({ ...recordMeta, ...createUnitBody.def.shape });
export type Unit = z.output<typeof unitRecord>;

export const unitRoutes = {
  createUnit: defineRoute({
    method: 'POST',
    path: '/units',
    area: 'units',
    summary: 'Create a department or town',
    roles: MASTER_DATA_WRITERS,
    body: createUnitBody,
    response: unitRecord,
    successStatus: 201,
    idempotency: 'optional',
  }),
  listUnits: defineRoute({
    method: 'GET',
    path: '/units',
    area: 'units',
    summary: 'List units, optionally of one kind',
    roles: ALL_ROLES,
    query: z.strictObject({ kind: z.optional(z.enum(UNIT_KINDS)), ...pageQuery }),
    response: pageOf(unitRecord),
  }),
  getUnit: defineRoute({
    method: 'GET',
    path: '/units/{unitId}',
    area: 'units',
    summary: 'Get one unit',
    roles: ALL_ROLES,
    params: z.strictObject({ unitId: id }),
    response: unitRecord,
  }),
};
