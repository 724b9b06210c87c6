import * as z from 'zod/mini';
import { id } from '../../../shared/contract/common';

/** The payload of every callback wait (`lambda:invoke.waitForTaskToken`) of the issue state machine. */
export const awaitDecisionEvent = z.object({
  issueId: id,
  waitingFor: z.enum(['dispatch', 'resolution', 'consultation_decision', 'verdict']),
  seq: z.number().check(z.int(), z.minimum(1)),
  taskToken: z.string().check(z.minLength(1)),
});
export type AwaitDecisionEvent = z.infer<typeof awaitDecisionEvent>;
