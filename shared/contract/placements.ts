import * as z from 'zod/mini';
import { defineRoute } from '../http/contract';
import { id, isoDate, name, pageOf, pageQuery, recordMeta, text } from './common';
import { notEmptyPatch } from './not-empty-patch';

/** Placements (企业骨干跟班学习): an enterprise's staff member learning inside a department. */
export const createPlacementBody = z
  .strictObject({
    enterpriseId: id,
    staffName: name,
    staffTitle: text(100),
    /** The host department (a unit of kind `department`). */
    unitId: id,
    startDate: isoDate,
    endDate: isoDate,
  })
  .check(
    z.refine((body) => body.startDate <= body.endDate, {
      path: ['endDate'],
      message: 'The end date must not be before the start date',
    }),
  );
export type CreatePlacementBody = z.output<typeof createPlacementBody>;

/** What the staff member learned in the department and applied back in the enterprise. */
const outcomeFields = { learned: text(4000), applied: text(4000) };

export const updatePlacementBody = z.partial(z.strictObject(outcomeFields)).check(notEmptyPatch);
export type UpdatePlacementBody = z.output<typeof updatePlacementBody>;

export const placementRecord = z.object({
  ...recordMeta,
  ...createPlacementBody.def.shape,
  learned: z.optional(z.string()),
  applied: z.optional(z.string()),
});
export type Placement = z.output<typeof placementRecord>;

/** Leaders, operators and admins read all; a department its guests, an enterprise its own staff. */
export const PLACEMENT_READERS = ['leader', 'operator', 'admin', 'department', 'enterprise'] as const;

const placementParams = z.strictObject({ placementId: id });

export const placementRoutes = {
  createPlacement: defineRoute({
    method: 'POST',
    path: '/placements',
    area: 'secondments',
    summary: "Place an enterprise's staff member in a department to learn",
    roles: ['operator', 'admin'],
    body: createPlacementBody,
    response: placementRecord,
    successStatus: 201,
    idempotency: 'required',
  }),
  listPlacements: defineRoute({
    method: 'GET',
    path: '/placements',
    area: 'secondments',
    summary: 'List placements, filtered by host department and enterprise',
    roles: PLACEMENT_READERS,
    query: z.strictObject({ unitId: z.optional(id), enterpriseId: z.optional(id), ...pageQuery }),
    response: pageOf(placementRecord),
  }),
  getPlacement: defineRoute({
    method: 'GET',
    path: '/placements/{placementId}',
    area: 'secondments',
    summary: 'Get one placement',
    roles: PLACEMENT_READERS,
    params: placementParams,
    response: placementRecord,
  }),
  recordPlacementOutcomes: defineRoute({
    method: 'PATCH',
    path: '/placements/{placementId}',
    area: 'secondments',
    summary: 'Record what the staff member learned and applied (If-Match; the host department or operator)',
    roles: ['operator', 'admin', 'department'],
    params: placementParams,
    body: updatePlacementBody,
    response: placementRecord,
    ifMatch: true,
  }),
};
