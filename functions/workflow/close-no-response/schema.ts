import * as z from 'zod/mini';
import { id } from '../../../shared/contract/common';

/** The issue, and the cause the daily sweep gave its `NoResponse` signal (see AutomaticSignalCause). */
export const noResponseEvent = z.object({ issueId: id, cause: z.optional(z.nullable(z.string())) });
export type NoResponseEvent = z.infer<typeof noResponseEvent>;
