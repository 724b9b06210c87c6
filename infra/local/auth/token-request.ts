import * as z from 'zod/mini';
import { id } from '../../../shared/contract/common';
import { ROLES } from '../../../shared/domain/roles';

/** What a local token may claim: one role and the scope ids that role's checks read. */
export const tokenRequest = z.strictObject({
  role: z.enum(ROLES),
  sub: z.optional(z.string().check(z.minLength(1), z.maxLength(128))),
  enterpriseId: z.optional(id),
  unitId: z.optional(id),
  cadreId: z.optional(id),
});
export type TokenRequest = z.output<typeof tokenRequest>;
