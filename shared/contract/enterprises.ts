import * as z from 'zod/mini';
import { CREDIT_CODE_PATTERN } from '../domain/credit-code';
import { INDUSTRY_IDS } from '../domain/industries';
import { defineRoute } from '../http/contract';
import { ALL_ROLES, id, MASTER_DATA_WRITERS, name, pageOf, pageQuery, recordMeta, text } from './common';
import { distinctList } from './distinct-list';
import { notEmptyPatch } from './not-empty-patch';

/**
 * The format only (18 characters of the GB 32100 alphabet, digits where the division code goes);
 * the check character is a domain rule with its own error code, checked by the use case.
 * Lower case is accepted and stored upper case, so one code cannot be registered twice by case.
 */
export const creditCode = z.string().check(
  z.trim(),
  z.toUpperCase(),
  z.regex(CREDIT_CODE_PATTERN, {
    message:
      'A credit code is 18 digits or capital letters (not I, O, S, V, Z), with digits in positions 3–8',
  }),
);

const tags = distinctList(text(32), 20, 'Tags');

/** What an operator may change after registration; the credit code identifies the enterprise for good. */
const mutableFields = {
  name,
  industry: z.enum(INDUSTRY_IDS),
  townUnitId: id,
  gridId: id,
  aboveScale: z.boolean(),
};

export const createEnterpriseBody = z.strictObject({
  creditCode,
  ...mutableFields,
  tags: z._default(tags, []),
});
export type CreateEnterpriseBody = z.output<typeof createEnterpriseBody>;

export const updateEnterpriseBody = z
  .partial(z.strictObject({ ...mutableFields, tags }))
  .check(notEmptyPatch);
export type UpdateEnterpriseBody = z.output<typeof updateEnterpriseBody>;

export const enterpriseRecord = z.object({
  ...recordMeta,
  creditCode: z.string(),
  ...mutableFields,
  tags: z.array(z.string()),
});
export type Enterprise = z.output<typeof enterpriseRecord>;

/** Everyone but enterprises reads all enterprises; an enterprise account reads only its own. */
export const ENTERPRISE_READERS = ALL_ROLES;

const enterpriseParams = z.strictObject({ enterpriseId: id });

export const enterpriseRoutes = {
  createEnterprise: defineRoute({
    method: 'POST',
    path: '/enterprises',
    area: 'enterprises',
    summary: 'Register an enterprise by its unified social credit code',
    roles: MASTER_DATA_WRITERS,
    body: createEnterpriseBody,
    response: enterpriseRecord,
    successStatus: 201,
    idempotency: 'optional',
  }),
  listEnterprises: defineRoute({
    method: 'GET',
    path: '/enterprises',
    area: 'enterprises',
    summary:
      'List enterprises, filtered by grid, town, industry, the start of the name, or the credit code (at most one)',
    roles: ENTERPRISE_READERS,
    query: z.strictObject({
      gridId: z.optional(id),
      townUnitId: z.optional(id),
      industry: z.optional(z.enum(INDUSTRY_IDS)),
      /** The registered name starts with this. */
      namePrefix: z.optional(text(200)),
      /** The enterprise registered under this code, if any (upper-cased as at registration). */
      creditCode: z.optional(creditCode),
      ...pageQuery,
    }),
    response: pageOf(enterpriseRecord),
  }),
  getEnterprise: defineRoute({
    method: 'GET',
    path: '/enterprises/{enterpriseId}',
    area: 'enterprises',
    summary: 'Get one enterprise',
    roles: ENTERPRISE_READERS,
    params: enterpriseParams,
    response: enterpriseRecord,
  }),
  updateEnterprise: defineRoute({
    method: 'PATCH',
    path: '/enterprises/{enterpriseId}',
    area: 'enterprises',
    summary: 'Change an enterprise (If-Match: the version read); the credit code cannot change',
    roles: MASTER_DATA_WRITERS,
    params: enterpriseParams,
    body: updateEnterpriseBody,
    response: enterpriseRecord,
    ifMatch: true,
  }),
};
