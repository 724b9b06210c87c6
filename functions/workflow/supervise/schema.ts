import * as z from 'zod/mini';
import { id } from '../../../shared/contract/common';

/** The issue, and the cause the daily sweep gave its `Overdue` signal (see AutomaticSignalCause). */
export const superviseEvent = z.object({ issueId: id, cause: z.optional(z.nullable(z.string())) });
export type SuperviseEvent = z.infer<typeof superviseEvent>;
