import * as z from 'zod/mini';
import { defineRoute } from '../http/contract';

const categoryCounts = z.object({
  retired_from_post: z.number(),
  middle_level: z.number(),
  young: z.number(),
  unrecorded: z.number(),
});

/** The pool's composition report (docs/batches.md), served by the `cadres` area. */
export const cadrePoolRoutes = {
  poolComposition: defineRoute({
    method: 'GET',
    path: '/cadre-pool/composition',
    area: 'cadres',
    summary: 'The cadre pool by category (retired-from-post, middle-level, young) and experience kind',
    roles: ['leader', 'operator', 'admin'],
    response: z.object({
      total: z.number(),
      byCategory: categoryCounts,
      shares: z.object({
        retired_from_post: z.nullable(z.number()),
        middle_level: z.nullable(z.number()),
        young: z.nullable(z.number()),
        unrecorded: z.nullable(z.number()),
      }),
      withExperience: z.object({ studied: z.number(), managed: z.number(), worked: z.number() }),
    }),
  }),
};
