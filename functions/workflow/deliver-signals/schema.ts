import * as z from 'zod/mini';

const token = z.string().check(z.minLength(1));

/** An issue item with a pending start: its execution is to be started. */
export const pendingStartImage = z.object({
  entity: z.literal('issue'),
  id: z.string().check(z.minLength(1)),
  workflow: z.object({
    executionArn: z.string().check(z.minLength(1)),
    startPending: z.optional(z.boolean()),
  }),
});

/** An issue's workflow item with a wait's answer to deliver. */
export const answerImage = z.object({
  entity: z.literal('issueWorkflow'),
  issueId: z.string().check(z.minLength(1)),
  delivery: z.optional(
    z.union([
      z.object({ token, output: z.object({ seq: z.number(), kind: z.string() }) }),
      z.object({ token, error: z.string(), cause: z.string() }),
    ]),
  ),
});
