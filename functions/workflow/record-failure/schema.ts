import * as z from 'zod/mini';
import { id } from '../../../shared/contract/common';

/** The issue and the error output of the Catch that ended its execution (`$.failure`). */
export const recordFailureEvent = z.object({ issueId: id, error: z.string(), cause: z.string() });
export type RecordFailureEvent = z.infer<typeof recordFailureEvent>;
