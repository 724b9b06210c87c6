import * as z from 'zod/mini';

const token = z.string().check(z.minLength(1));
const signalKind = z.enum([
  'dispatched',
  'returned',
  'consultation_requested',
  'resolved',
  'decided',
  'closed',
  're_review',
  'consultation',
]);

/**
 * The parts of a program-table item (a stream record's new image, unmarshalled) that the delivery
 * function acts on: an issue's outbox entry, a start or a wait's answer. Anything else is not for it.
 */
export const outboxEntryImage = z.object({
  entity: z.literal('issueOutbox'),
  issueId: z.string().check(z.minLength(1)),
  start: z.optional(z.object({ executionArn: z.string().check(z.minLength(1)) })),
  answer: z.optional(
    z.union([
      z.object({ token, output: z.object({ seq: z.number(), kind: signalKind }) }),
      z.object({ token, error: z.string(), cause: z.string() }),
    ]),
  ),
});
