import * as z from 'zod/mini';
import { INDUSTRY_IDS } from '../domain/industries';
import { POOL_CATEGORIES } from '../domain/pool-composition';
import { SERVICE_TYPES } from '../domain/service-catalogue';
import { defineRoute } from '../http/contract';
import { booleanQuery, id, MASTER_DATA_WRITERS, name, pageOf, pageQuery, recordMeta, text } from './common';
import { distinctList } from './distinct-list';
import { notEmptyPatch } from './not-empty-patch';

/** 学过 / 管过 / 干过, in increasing weight for matching. */
export const EXPERIENCE_KINDS = ['studied', 'managed', 'worked'] as const;

/** `field` uses the enterprises' industry identifiers: matching compares the two directly. */
const experienceEntry = z.strictObject({
  field: z.enum(INDUSTRY_IDS),
  kind: z.enum(EXPERIENCE_KINDS),
  years: z.number().check(z.minimum(0), z.maximum(60)),
});

const cadreFields = {
  name,
  unitId: id,
  rank: z.optional(text(50)),
  inPool: z.boolean(),
  experience: distinctList(experienceEntry, 30, 'Experience (field and kind)', (entry) =>
    [entry.field, entry.kind].join('/'),
  ),
  serviceSkills: distinctList(z.enum(SERVICE_TYPES), SERVICE_TYPES.length, 'Service skills'),
  /**
   * Enterprises the cadre must not serve (回避: relatives, former employer, shareholdings): matching
   * never offers the cadre to them and a residency there is refused. Absent means none.
   */
  conflictEnterpriseIds: z.optional(distinctList(id, 20, 'Conflict-of-interest enterprises')),
  /** Which part of the pool the cadre comes from (pool composition report); absent: not recorded. */
  poolCategory: z.optional(z.enum(POOL_CATEGORIES)),
  /** Works with enterprises (涉企干部): a town's enterprise-facing cadres must all sit in grid teams. */
  enterpriseFacing: z.optional(z.boolean()),
  /** A city-managed section-level leading cadre (市管科级): the annual grade needs the two-step approval. */
  cityManagedSectionLevel: z.optional(z.boolean()),
};

export const createCadreBody = z.strictObject(cadreFields);
export type CreateCadreBody = z.output<typeof createCadreBody>;

export const updateCadreBody = z.partial(createCadreBody).check(notEmptyPatch);
export type UpdateCadreBody = z.output<typeof updateCadreBody>;

export const cadreRecord = z.object({ ...recordMeta, ...cadreFields });
export type Cadre = z.output<typeof cadreRecord>;

/**
 * Leaders, operators and admins read every cadre; a department reads the cadres of its own unit and
 * a cadre only its own record (the use case narrows those two).
 */
export const CADRE_READERS = ['leader', 'operator', 'admin', 'department', 'cadre'] as const;

const cadreParams = z.strictObject({ cadreId: id });

export const cadreRoutes = {
  createCadre: defineRoute({
    method: 'POST',
    path: '/cadres',
    area: 'cadres',
    summary: 'Register a cadre with experience profile and service skills',
    roles: MASTER_DATA_WRITERS,
    body: createCadreBody,
    response: cadreRecord,
    successStatus: 201,
    idempotency: 'optional',
  }),
  listCadres: defineRoute({
    method: 'GET',
    path: '/cadres',
    area: 'cadres',
    summary: 'List cadres, filtered by pool membership and unit',
    roles: CADRE_READERS,
    query: z.strictObject({ inPool: z.optional(booleanQuery), unitId: z.optional(id), ...pageQuery }),
    response: pageOf(cadreRecord),
  }),
  getCadre: defineRoute({
    method: 'GET',
    path: '/cadres/{cadreId}',
    area: 'cadres',
    summary: 'Get one cadre',
    roles: CADRE_READERS,
    params: cadreParams,
    response: cadreRecord,
  }),
  updateCadre: defineRoute({
    method: 'PATCH',
    path: '/cadres/{cadreId}',
    area: 'cadres',
    summary: 'Change a cadre (If-Match: the version read)',
    roles: MASTER_DATA_WRITERS,
    params: cadreParams,
    body: updateCadreBody,
    response: cadreRecord,
    ifMatch: true,
  }),
};
