import * as z from 'zod/mini';

const token = z.string().check(z.minLength(1));

/**
 * The parts of a program-table item (a stream record's new image, unmarshalled) that the delivery
 * function acts on: an issue item with an outbox entry. Anything else is not for it.
 */
export const outboxImage = z.object({
  entity: z.literal('issue'),
  id: z.string().check(z.minLength(1)),
  workflow: z.object({
    executionArn: z.string().check(z.minLength(1)),
    startPending: z.optional(z.boolean()),
    delivery: z.optional(
      z.union([
        z.object({ token, output: z.object({ seq: z.number(), kind: z.string() }) }),
        z.object({ token, error: z.string(), cause: z.string() }),
      ]),
    ),
  }),
});
export type OutboxImage = z.infer<typeof outboxImage>;
